import { describe, expect, it } from 'vitest';
import { escapeMarkdownText } from './markdown-escape';
import { markdownAsHtml } from './text-version';

describe('markdownAsHtml', () => {
  it('keeps raw HTML as text and makes no link or image, even from Markdown written to make them', () => {
    const html = markdownAsHtml('<img src=x onerror=alert(1)> [site](https://example.com) ![pic](https://example.com/p.png) <https://example.com/auto> https://example.com/bare\n\n<script>alert(1)</script>');
    expect(html).not.toMatch(/<(img|a|script)\b/);
    expect(html).not.toContain('href=');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows repository text the Markdown report escaped exactly as it was written', () => {
    const name = 'renovate[bot] <b>bold</b> | *x* `y` #1 &amp;';
    expect(markdownAsHtml(`- **Name:** ${escapeMarkdownText(name)}`)).toBe('<ul>\n<li><strong>Name:</strong> renovate[bot] &lt;b&gt;bold&lt;/b&gt; | *x* `y` #1 &amp;amp;</li>\n</ul>\n');
  });

  it('renders the report’s structure: headings and GFM tables', () => {
    expect(markdownAsHtml('## Hotspots\n\n| Path | Churn |\n| --- | ---: |\n| a\\|b.md | 9 |')).toBe(
      '<h2>Hotspots</h2>\n<table>\n<thead>\n<tr>\n<th>Path</th>\n<th style="text-align:right">Churn</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>a|b.md</td>\n<td style="text-align:right">9</td>\n</tr>\n</tbody>\n</table>\n',
    );
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportModelSchema } from '../protocol/report';
import { renderRepositoryHtml } from './html';
import { buildReportModel } from './report-model';
import { HOSTILE, sampleResearch } from './sample-research';

// The page's own markup, without the two inlined blocks (the model and the browser bundle).
function shell(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '<script/>').replace(/<style>[\s\S]*?<\/style>/, '<style/>');
}

describe('renderRepositoryHtml', () => {
  const research = sampleResearch();
  const html = renderRepositoryHtml(research);

  it('inlines two scripts under a fresh nonce (the text version\'s switch, then the report) and allows no network through the CSP', () => {
    const nonce = html.match(/script-src 'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
    expect(nonce).toBeDefined();
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html.match(/<script\b[^>]*>/g)).toEqual([`<script nonce="${nonce}">`, '<script type="application/json" id="data">', `<script nonce="${nonce}">`]);
    // The first runs in <head>, before the body is painted: it only marks the page as scripted.
    expect(html.split('</head>')[0]).toContain(`<script nonce="${nonce}">document.documentElement.classList.add('js')</script>`);
    const nonceOf = (page: string) => page.match(/'nonce-([^']+)'/)?.[1];
    expect(nonceOf(renderRepositoryHtml(research))).not.toBe(nonceOf(html));
  });

  it('refers to no external URL', () => {
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(shell(html)).not.toMatch(/https?:\/\//);
  });

  it('carries the report model, as the engine serves it to VS Code, as inert JSON', () => {
    const json = html.match(/<script type="application\/json" id="data">([^<]*)<\/script>/)?.[1];
    const model = JSON.parse(json ?? '');
    expect(model).toEqual(buildReportModel(research));
    expect(reportModelSchema.parse(model)).toEqual(model);
  });

  it('writes repository text as markup only in the text version, escaped there', () => {
    const body = shell(html).split('<body>')[1] ?? '';
    const [mount, rest] = body.split('<div class="text-version" id="text-version">');
    expect(mount).not.toContain('widget');
    expect(mount).toContain('<main id="app" aria-live="polite"></main>');
    expect(shell(html)).toContain('<title>RepoScout · widget &lt;b&gt;pro&lt;/b&gt; | tools</title>');
    const textVersion = rest?.split('</div>\n<script/>')[0] ?? '';
    // The Markdown report made HTML: plain structure, no link, image, script or style, no
    // attribute but the cells' alignment, and the hostile strings as escaped text.
    const tags = new Set([...textVersion.matchAll(/<([a-z0-9]+)([^>]*)>/g)].map((m) => m[1]));
    const plain = ['code', 'em', 'h1', 'h2', 'h3', 'li', 'p', 'strong', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul'];
    for (const tag of tags) expect(plain, `<${tag}> in the text version`).toContain(tag);
    expect(tags).toContain('table');
    const attributes = new Set([...textVersion.matchAll(/<[a-z0-9]+ ([^>]*)>/g)].map((m) => m[1]));
    expect([...attributes].sort()).toEqual(['class="notice"', 'style="text-align:center"', 'style="text-align:right"']);
    expect(textVersion).toContain('widget &lt;b&gt;pro&lt;/b&gt; | tools');
    expect(textVersion).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(textVersion).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(textVersion).toContain('renovate[bot] &lt;b&gt;bold&lt;/b&gt;');
    // In the data block the markup is JSON-escaped, so no tag can open there either.
    expect(html).not.toContain(HOSTILE.imgTag);
    expect(html).not.toContain(HOSTILE.scriptBreakout);
  });

  it('inlines the bundle safely: nothing in it can end the script element', () => {
    const script = html.split(/<script nonce="[^"]+">/)[2]?.split('</script>')[0] ?? '';
    expect(script.length).toBeGreaterThan(100_000);
    expect(script).not.toMatch(/<\/script|<!--/i);
  });
});

describe('one renderer', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  it('has no browser code kept as text in the reports of a repository', () => {
    // The report's client was a String.raw script (html-client.ts) beside sections rendered
    // to HTML strings (html-sections.ts); both are webview-client/report.ts now.
    for (const gone of ['html-client.ts', 'html-sections.ts', 'chart-data.ts']) expect(fs.existsSync(path.join(root, 'shared/reports', gone)), gone).toBe(false);
    expect(fs.readFileSync(path.join(root, 'shared/reports/html.ts'), 'utf8')).not.toContain('String.raw');
    // The webview's entry renders with the shared renderer, not its own copy.
    const webview = fs.readFileSync(path.join(root, 'extension/webviews/client/report.ts'), 'utf8');
    expect(webview).toContain("from '../../../webview-client/report'");
    expect(webview).not.toMatch(/function \w+Section\(/);
  });
});

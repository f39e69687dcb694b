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

  it('inlines one script under a fresh nonce and allows no network through the CSP', () => {
    const nonce = html.match(/script-src 'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
    expect(nonce).toBeDefined();
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="application/json" id="data">', `<script nonce="${nonce}">`]);
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

  it('writes no repository text as markup: the page body is an empty mount point', () => {
    const body = shell(html).split('<body>')[1] ?? '';
    expect(body).not.toContain('widget');
    expect(body).toContain('<main id="app" aria-live="polite"></main>');
    expect(shell(html)).toContain('<title>RepoScout · widget &lt;b&gt;pro&lt;/b&gt; | tools</title>');
    // In the data block the markup is JSON-escaped, so no tag can open there either.
    expect(html).not.toContain(HOSTILE.imgTag);
    expect(html).not.toContain(HOSTILE.scriptBreakout);
  });

  it('inlines the bundle safely: nothing in it can end the script element', () => {
    const script = html.split(/<script nonce="[^"]+">/)[1]?.split('</script>')[0] ?? '';
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

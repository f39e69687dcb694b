import { describe, expect, it } from 'vitest';
import { makeNonce, webviewHtml } from './html';

describe('webviewHtml', () => {
  const html = webviewHtml({ cspSource: 'https://file+.vscode-resource.vscode-cdn.net', scriptUri: 'https://x/media/report.js', styleUri: 'https://x/media/webview.css', title: 'RepoScout: <b>app</b>', nonce: 'abc123' });
  const csp = /Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';

  it('has a strict Content-Security-Policy: nothing by default, scripts only by nonce', () => {
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'nonce-abc123'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(html).toContain('<script nonce="abc123" src="https://x/media/report.js"></script>');
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('escapes what it puts in attributes and the title', () => {
    expect(html).toContain('<title>RepoScout: &lt;b&gt;app&lt;/b&gt;</title>');
    expect(html).not.toContain('<b>app</b>');
  });

  it('makes a fresh nonce each time', () => {
    const a = makeNonce();
    expect(a).toMatch(/^[A-Za-z0-9]{20,}$/);
    expect(makeNonce()).not.toBe(a);
  });
});

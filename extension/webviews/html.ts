import { randomBytes } from 'node:crypto';

export interface WebviewShell {
  /** webview.cspSource */
  cspSource: string;
  /** asWebviewUri of the bundled script and stylesheet. */
  scriptUri: string;
  styleUri: string;
  title: string;
  nonce?: string;
}

/** A fresh nonce for one rendering of a webview's HTML. */
export function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[+/=]/g, '');
}

/**
 * The webview's HTML: a strict Content-Security-Policy (no network, no inline or eval'd
 * script, only our nonce'd bundle and stylesheet from the extension folder), and an empty
 * page the script fills from host messages. Nothing from a repository is in this HTML.
 */
export function webviewHtml(shell: WebviewShell): string {
  const nonce = shell.nonce ?? makeNonce();
  const csp = [
    "default-src 'none'",
    `img-src ${shell.cspSource} data:`,
    `style-src ${shell.cspSource}`,
    `font-src ${shell.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(shell.styleUri)}">
<title>${attr(shell.title)}</title>
</head>
<body>
<main id="app" aria-live="polite"><p class="muted">Loading…</p></main>
<script nonce="${nonce}" src="${attr(shell.scriptUri)}"></script>
</body>
</html>`;
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

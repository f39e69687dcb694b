import { randomBytes } from 'node:crypto';
import { escapeHtml, jsonForScript } from './escape';

export interface HtmlPage {
  /** Plain text; escaped here. */
  title: string;
  css: string;
  /** Trusted markup built by the report (every repository string already escaped). */
  body: string;
  /** Serialised into a `<script type="application/json" id="data">` block. */
  data: unknown;
  /** Script sources inlined in order under the page's nonce (made safe here to sit inside `<script>`). */
  scripts: string[];
  /**
   * Trusted markup (every repository string already escaped) for readers that run no script:
   * shown with JavaScript off, in mail clients and text-only browsers; hidden, before the first
   * paint, where the page's scripts run. A plain element rather than `<noscript>`, which mail
   * clients' sanitisers drop.
   */
  textVersion?: string;
}

// Runs first, in <head>: where scripts run, the page's text version is hidden before it is painted.
const MARK_SCRIPTED = "document.documentElement.classList.add('js')";
const HIDE_TEXT_VERSION = '\n.js .text-version { display: none; }';

/**
 * Makes script text safe inside a `<script>` element: `</script` would end the element and
 * `<!--` switches the HTML parser into script-escaped mode; `<\/` and `<\!` mean the same
 * inside JavaScript strings, regexes and comments.
 */
function inlineSafe(source: string): string {
  return source.replace(/<(\/script|!--)/gi, '<\\$1');
}

/**
 * One self-contained HTML document: a fresh CSP nonce per call allows only the page's
 * own inline scripts, and the policy permits no network access of any kind.
 */
export function renderHtmlPage(page: HtmlPage): string {
  const nonce = randomBytes(18).toString('base64');
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src data:`;
  const scripts = page.scripts.map((source) => `<script nonce="${nonce}">${inlineSafe(source)}</script>`).join('\n');
  const text = page.textVersion ?? null;
  const headScript = text === null ? '' : `\n<script nonce="${nonce}">${MARK_SCRIPTED}</script>`;
  const textBlock = text === null ? '' : `\n<div class="text-version" id="text-version">\n${text}</div>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(page.title)}</title>
<link rel="icon" href="data:,">
<style>${page.css}${text === null ? '' : HIDE_TEXT_VERSION}</style>${headScript}
</head>
<body>
${page.body}${textBlock}
<script type="application/json" id="data">${jsonForScript(page.data)}</script>
${scripts}
</body>
</html>
`;
}

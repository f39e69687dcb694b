import MarkdownIt from 'markdown-it';

// A report's Markdown rendition as plain HTML, for the readers of an HTML report that run no
// script: a browser with JavaScript off, a mail client, a text-only browser. The Markdown
// report (markdown.ts) is the one text rendering; this only turns it into markup, so no
// section is written twice. Raw HTML in the Markdown stays text (html: false), and no link
// or image can come out of it, so nothing in it can fetch anything, even in a mail client
// that ignores the page's CSP.

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable(['link', 'image', 'autolink']);

/** Returns `source` (Markdown the report renderers wrote, repository text escaped in it) as HTML with every text escaped. */
export function markdownAsHtml(source: string): string {
  return markdown.render(source);
}

import { script as reportScript, styles as reportStyles } from 'virtual:report-page';
import type { RepositoryResearch } from '../research/types';
import { renderHtmlPage } from './html-page';
import { renderRepositoryMarkdown } from './markdown';
import { buildReportModel } from './report-model';
import { markdownAsHtml } from './text-version';

// Said above the text version, which only readers without scripts see.
const TEXT_VERSION_NOTE = '<p class="notice">This is the text version of the report, as in report.md: the charts and the laid-out report need JavaScript, which is off or not available here.</p>';

/**
 * Returns one self-contained HTML document for the research: the report model as an inert
 * JSON block and the report's browser code (webview-client/report-page.ts, the renderer the
 * VS Code webview runs too, Chart.js inside) inlined under the page's nonce; see
 * renderHtmlPage for the CSP. Readers without scripts get the Markdown report made HTML
 * (text-version.ts), every repository string escaped; nothing else is written as markup here.
 */
export function renderRepositoryHtml(r: RepositoryResearch): string {
  const model = buildReportModel(r);
  return renderHtmlPage({
    title: `RepoScout · ${r.repository.name}`,
    css: reportStyles,
    body: '<main id="app" aria-live="polite"></main>',
    data: model,
    scripts: [reportScript],
    textVersion: `${TEXT_VERSION_NOTE}\n${markdownAsHtml(renderRepositoryMarkdown(r))}`,
  });
}

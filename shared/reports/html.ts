import { script as reportScript, styles as reportStyles } from 'virtual:report-page';
import type { RepositoryResearch } from '../research/types';
import { inlineSafe } from './chart-bundle';
import { renderHtmlPage } from './html-page';
import { buildReportModel } from './report-model';

/**
 * Returns one self-contained HTML document for the research: the report model as an inert
 * JSON block and the report's browser code (webview-client/report-page.ts, the renderer the
 * VS Code webview runs too, Chart.js inside) inlined under the page's nonce; see
 * renderHtmlPage for the CSP. Nothing from the repository is written as markup here.
 */
export function renderRepositoryHtml(r: RepositoryResearch): string {
  const model = buildReportModel(r);
  return renderHtmlPage({
    title: `RepoScout · ${r.repository.name}`,
    css: reportStyles,
    body: '<main id="app" aria-live="polite"></main>\n<noscript>This report is drawn by its inline script; open it in a browser with JavaScript enabled, or read report.md beside it.</noscript>',
    data: model,
    scripts: [inlineSafe(reportScript)],
  });
}

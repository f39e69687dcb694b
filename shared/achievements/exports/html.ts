import { script, styles } from 'virtual:portfolio-page';
import type { Portfolio } from '../../protocol/achievements';
import { inlineSafe } from '../../reports/chart-bundle';
import { renderHtmlPage } from '../../reports/html-page';
import { buildPortfolioReportModel } from '../report-model';

/**
 * The portfolio as one self-contained HTML file (and the page the PDF export prints): the
 * report model as an inert JSON block and the portfolio's browser code
 * (webview-client/portfolio-page.ts, the renderer the VS Code webview runs too, Chart.js
 * inside) inlined under the page's nonce; see renderHtmlPage for the CSP. Nothing from a
 * repository is written as markup here.
 */
export function renderPortfolioHtml(p: Portfolio): string {
  return renderHtmlPage({
    title: `RepoScout · portfolio · ${p.who}`,
    css: styles,
    body: '<main id="app" aria-live="polite"></main>\n<noscript>This portfolio is drawn by its inline script; open it in a browser with JavaScript enabled, or read portfolio.md or portfolio.json.</noscript>',
    data: buildPortfolioReportModel(p),
    scripts: [inlineSafe(script)],
  });
}

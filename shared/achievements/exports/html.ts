import { script, styles } from 'virtual:portfolio-page';
import type { Portfolio } from '../../protocol/achievements';
import { renderHtmlPage } from '../../reports/html-page';
import { markdownAsHtml } from '../../reports/text-version';
import { buildPortfolioReportModel } from '../report-model';
import { renderPortfolioMarkdown } from './markdown';

// Said above the text version, which only readers without scripts see.
const TEXT_VERSION_NOTE = '<p class="notice">This is the text version of the portfolio, as in portfolio.md: the charts and the laid-out portfolio need JavaScript, which is off or not available here.</p>';

/**
 * The portfolio as one self-contained HTML file (and the page the PDF export prints): the
 * report model as an inert JSON block and the portfolio's browser code
 * (webview-client/portfolio-page.ts, the renderer the VS Code webview runs too, Chart.js
 * inside) inlined under the page's nonce; see renderHtmlPage for the CSP. Readers without
 * scripts get the Markdown export made HTML (text-version.ts), every repository string
 * escaped; nothing else is written as markup here.
 */
export function renderPortfolioHtml(p: Portfolio): string {
  return renderHtmlPage({
    title: `RepoScout · portfolio · ${p.who}`,
    css: styles,
    body: '<main id="app" aria-live="polite"></main>',
    data: buildPortfolioReportModel(p),
    scripts: [script],
    textVersion: `${TEXT_VERSION_NOTE}\n${markdownAsHtml(renderPortfolioMarkdown(p))}`,
  });
}

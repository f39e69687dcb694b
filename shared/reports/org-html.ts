import { script as orgScript, styles as orgStyles } from 'virtual:org-page';
import type { OrgReportModel } from '../protocol/org-report';
import type { OrganizationResearch } from '../research/org-types';
import { inlineSafe } from './chart-bundle';
import { renderHtmlPage } from './html-page';
import { buildOrgReportModel } from './org-report-model';

/** Returns the organization report of `r` as one self-contained HTML document (see renderOrgReportHtml). */
export function renderOrganizationHtml(r: OrganizationResearch): string {
  return renderOrgReportHtml(buildOrgReportModel(r));
}

/**
 * One self-contained HTML document for an organization report model: the model as an inert
 * JSON block and the report's browser code (webview-client/org-page.ts, the renderer the VS
 * Code dashboard runs too, Chart.js and cytoscape inside) inlined under the page's nonce; see
 * renderHtmlPage for the CSP. Nothing from GitHub is written as markup here.
 */
export function renderOrgReportHtml(model: OrgReportModel): string {
  return renderHtmlPage({
    title: `RepoScout · ${model.owner.login ?? model.owner.title}`,
    css: orgStyles,
    body: '<main id="app" aria-live="polite"></main>\n<noscript>This report is drawn by its inline script; open it in a browser with JavaScript enabled, or read report.md beside it.</noscript>',
    data: model,
    scripts: [inlineSafe(orgScript)],
  });
}

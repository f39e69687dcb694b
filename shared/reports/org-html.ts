import { script as orgScript, styles as orgStyles } from 'virtual:org-page';
import type { OrgReportModel } from '../protocol/org-report';
import type { OrganizationResearch } from '../research/org-types';
import { renderHtmlPage } from './html-page';
import { renderOrganizationMarkdown } from './org-markdown';
import { buildOrgReportModel } from './org-report-model';
import { markdownAsHtml } from './text-version';

// Said above the text version, which only readers without scripts see.
const TEXT_VERSION_NOTE = '<p class="notice">This is the text version of the report, as in report.md: the charts, the collaboration graph and the laid-out report need JavaScript, which is off or not available here.</p>';

/** Returns the organization report of `r` as one self-contained HTML document, with the Markdown report as its text version (see renderOrgReportHtml). */
export function renderOrganizationHtml(r: OrganizationResearch): string {
  return renderOrgReportHtml(buildOrgReportModel(r), `${TEXT_VERSION_NOTE}\n${markdownAsHtml(renderOrganizationMarkdown(r))}`);
}

/**
 * One self-contained HTML document for an organization report model: the model as an inert
 * JSON block and the report's browser code (webview-client/org-page.ts, the renderer the VS
 * Code dashboard runs too, Chart.js and cytoscape inside) inlined under the page's nonce; see
 * renderHtmlPage for the CSP and `textVersion` (trusted markup for readers without scripts).
 * Nothing from GitHub is written as markup here.
 */
export function renderOrgReportHtml(model: OrgReportModel, textVersion?: string): string {
  return renderHtmlPage({
    title: `RepoScout · ${model.owner.login ?? model.owner.title}`,
    css: orgStyles,
    body: '<main id="app" aria-live="polite"></main>',
    data: model,
    scripts: [orgScript],
    textVersion,
  });
}

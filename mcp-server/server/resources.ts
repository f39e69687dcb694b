import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { RepoScoutError } from '../../shared/errors';
import { failingAsData, ResourceReadError } from './resource-errors';
import type { Logger } from './logger';
import { isValidLogin } from '../../shared/github/target';
import { renderRepositoryMarkdown } from '../../shared/reports/markdown';
import { buildReportModel } from '../../shared/reports/report-model';
import { REPORT_MODEL_TEMPLATE } from '../../shared/protocol/report';
import { ORG_REPORT_MODEL_TEMPLATE } from '../../shared/protocol/org-report';
import { buildOrgReportModel } from '../../shared/reports/org-report-model';
import type { OrganizationResearch } from '../../shared/research/org-types';
import { renderOrganizationMarkdown } from '../../shared/reports/org-markdown';
import { identityFrom, parseWindow, portfolioFromStore } from '../../shared/achievements/index';
import { renderPortfolioMarkdown } from '../../shared/achievements/exports/markdown';
import { renderPortfolioHtml } from '../../shared/achievements/exports/html';
import { renderPortfolioJson } from '../../shared/achievements/exports/json';
import { findBrowser, printPdf } from '../../shared/achievements/exports/pdf';
import { PORTFOLIO_EXPORT_FORMATS, PORTFOLIO_EXPORT_MIME, PORTFOLIO_NO_BROWSER_CODE, PORTFOLIO_EXPORT_TEMPLATE, type Portfolio, type PortfolioExportFormat } from '../../shared/protocol/achievements';
import { PORTFOLIO_MODEL_TEMPLATE } from '../../shared/protocol/portfolio-report';
import { buildPortfolioReportModel } from '../../shared/achievements/report-model';
import type { Catalog } from './catalog';
import type { GitHubAccess } from './github-access';
import { requireOrganization } from './organizations';
import { fencedReport } from './untrusted';

const MAX_COMPLETIONS = 50;

export const REPOSITORY_REPORT_TEMPLATE = 'reposcout://repository/{key}/report';
export const ORGANIZATION_REPORT_TEMPLATE = 'reposcout://organization/{owner}/report';
export const PORTFOLIO_REPORT_TEMPLATE = 'reposcout://portfolio/{who}/report';

/** The report URI of a stored repository; the key is percent-encoded into one path segment. */
export function repositoryReportUri(key: string): string {
  return `reposcout://repository/${encodeURIComponent(key)}/report`;
}

/** The report URI of a researched GitHub owner. */
export function organizationReportUri(owner: string): string {
  return `reposcout://organization/${encodeURIComponent(owner)}/report`;
}

export interface ResourceDeps {
  catalog: Catalog;
  github: GitHubAccess;
  /** The tools this server offers, so "not found" messages name only those. */
  enabledTools: ReadonlySet<string>;
  /** Where an unexpected failure's details go (the reader gets INTERNAL and no stack). */
  log: Logger;
  /** Finds the browser that prints portfolio PDFs; null when there is none. */
  locateBrowser?: () => string | null;
}

/**
 * Reports as resources, listed and readable by URI template: one per researched repository
 * (local or GitHub) and one per researched GitHub organization, on the server's GitHub host.
 */
export function registerResources(server: McpServer, deps: ResourceDeps): void {
  registerRepositoryReports(server, deps);
  registerReportModels(server, deps);
  registerOrganizationReports(server, deps);
  registerOrganizationReportModels(server, deps);
  if (deps.enabledTools.has('get_portfolio')) {
    registerPortfolioReports(server, deps);
    registerPortfolioExports(server, deps);
    registerPortfolioModels(server, deps);
  }
}

/**
 * Every export format of a portfolio (md, html, json as text; pdf as a base64 blob printed
 * by a Chromium-family browser on this machine), for clients that save the file themselves
 * (the VS Code extension). Not listed: one per person and format would crowd the list.
 */
function registerPortfolioExports(server: McpServer, { catalog, log, enabledTools, locateBrowser = () => findBrowser() }: ResourceDeps): void {
  server.registerResource(
    'portfolio-export',
    new ResourceTemplate(PORTFOLIO_EXPORT_TEMPLATE, { list: undefined, complete: { format: () => [...PORTFOLIO_EXPORT_FORMATS] } }),
    { title: 'Developer portfolio export', description: 'A portfolio as md, html, json or pdf (base64 blob). `who` percent-encoded, other identities after newlines.' },
    failingAsData(async (uri, variables) => {
      const format = String(variables.format) as PortfolioExportFormat;
      if (!PORTFOLIO_EXPORT_FORMATS.includes(format)) throw new RepoScoutError('INVALID_INPUT', `No export format ${JSON.stringify(format)}; use one of ${PORTFOLIO_EXPORT_FORMATS.join(', ')}.`);
      const { who, portfolio } = storedPortfolio(catalog, uri, variables);
      if (portfolio.totals.prs === 0) throw noPullRequests(uri, who);
      const mimeType = PORTFOLIO_EXPORT_MIME[format];
      if (format === 'md') return { contents: [{ uri: uri.href, mimeType, text: renderPortfolioMarkdown(portfolio) }] };
      if (format === 'json') return { contents: [{ uri: uri.href, mimeType, text: renderPortfolioJson(portfolio) }] };
      const html = renderPortfolioHtml(portfolio);
      if (format === 'html') return { contents: [{ uri: uri.href, mimeType, text: html }] };
      return { contents: [{ uri: uri.href, mimeType, blob: (await printToPdf(uri, html, locateBrowser())).toString('base64') }] };
    }, log, enabledTools),
  );
}

/**
 * The portfolio of everything stored for the person a URI names: `who`, then the same
 * person's other identities after newlines, percent-encoded into one path segment.
 */
function storedPortfolio(catalog: Catalog, uri: URL, variables: Record<string, string | string[] | undefined>): { who: string; portfolio: Portfolio } {
  const [who = '', ...aliases] = decodeVariable(uri, variables, 'who').split('\n').map((n) => n.trim()).filter(Boolean);
  return { who, portfolio: portfolioFromStore(catalog.store, identityFrom(who, aliases), parseWindow(undefined, undefined)) };
}

/**
 * The portfolio's report model as JSON (shared/protocol/portfolio-report.ts), the one the HTML
 * export renders, for clients that render it themselves (the VS Code portfolio webview). Not
 * listed, like the exports; a person with no stored pull requests gets the empty portfolio,
 * whose notices say what to do.
 */
function registerPortfolioModels(server: McpServer, { catalog, log, enabledTools }: ResourceDeps): void {
  server.registerResource(
    'portfolio-report-model',
    new ResourceTemplate(PORTFOLIO_MODEL_TEMPLATE, { list: undefined }),
    { title: 'Developer portfolio model', description: 'The data of a portfolio as JSON, for clients that render it. `who` as in the export.', mimeType: 'application/json' },
    failingAsData(
      (uri, variables) => ({ contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(buildPortfolioReportModel(storedPortfolio(catalog, uri, variables).portfolio)) }] }),
      log,
      enabledTools,
    ),
  );
}

async function printToPdf(uri: URL, html: string, browser: string | null): Promise<Buffer> {
  if (browser === null) {
    // Its own JSON-RPC code too, for clients that fall back to the HTML export.
    const message = 'No Chromium-family browser (Chromium, Chrome, Edge, Brave) was found on this machine to print the PDF.';
    const next = "This needs the user: set CHROME_PATH in the RepoScout server's environment to a Chromium-family browser, or export HTML and print it from a browser.";
    throw new ResourceReadError(uri.href, { code: 'EXPORT_FAILED', message, next, remedy: { do: 'fix_input', input: 'browser' } }, PORTFOLIO_NO_BROWSER_CODE);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reposcout-portfolio-'));
  try {
    const htmlPath = path.join(dir, 'portfolio.html');
    const pdfPath = path.join(dir, 'portfolio.pdf');
    fs.writeFileSync(htmlPath, html);
    await printPdf(browser, htmlPath, pdfPath);
    return fs.readFileSync(pdfPath);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The portfolio of everyone with stored achievements, as Markdown; `who` as collected. */
function registerPortfolioReports(server: McpServer, { catalog, log, enabledTools }: ResourceDeps): void {
  const people = () =>
    (catalog.store.db
      .prepare(`select coalesce(author_login, author_email, author_name) as who, count(*) as prs from achievement_prs group by 1 order by prs desc limit ${MAX_COMPLETIONS}`)
      .all() as { who: string | null; prs: number }[]).filter((p): p is { who: string; prs: number } => p.who !== null);
  server.registerResource(
    'portfolio-report',
    new ResourceTemplate(PORTFOLIO_REPORT_TEMPLATE, {
      list: () => ({
        resources: people().map((p) => ({
          uri: `reposcout://portfolio/${encodeURIComponent(p.who)}/report`,
          name: `${p.who} portfolio`,
          description: `Portfolio of ${p.who}: ${p.prs} stored merged pull requests.`,
          mimeType: 'text/markdown',
        })),
      }),
      complete: { who: (value) => people().map((p) => p.who).filter((w) => w.toLowerCase().includes(value.toLowerCase())) },
    }),
    {
      title: 'Developer portfolio',
      description: "A developer's portfolio as Markdown: summary, highlights, themes per quarter, class mix, skills, flow, collaboration and every PR. `who` is a login, e-mail or name, percent-encoded.",
      mimeType: 'text/markdown',
    },
    failingAsData((uri, variables) => {
      const who = decodeVariable(uri, variables, 'who');
      const portfolio = portfolioFromStore(catalog.store, identityFrom(who), parseWindow(undefined, undefined));
      if (portfolio.totals.prs === 0) throw noPullRequests(uri, who);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: renderPortfolioMarkdown(portfolio) }] };
    }, log, enabledTools),
  );
}

function registerRepositoryReports(server: McpServer, deps: ResourceDeps): void {
  const { catalog } = deps;
  server.registerResource(
    'repository-report',
    new ResourceTemplate(REPOSITORY_REPORT_TEMPLATE, {
      list: () => ({
        resources: catalog.entries().flatMap(({ row, research }) =>
          research === null
            ? []
            : [
                {
                  uri: repositoryReportUri(row.key),
                  name: `${row.name} report`,
                  title: `RepoScout report: ${row.name}`,
                  description: `Research report of ${row.key}: health ${research.health.score}/100 (${research.health.grade}), analysed ${research.repository.analyzedAt.slice(0, 10)}.`,
                  mimeType: 'text/markdown',
                },
              ],
        ),
      }),
      complete: {
        key: (value) => {
          const needle = value.toLowerCase();
          return catalog
            .entries()
            .filter(({ row, research }) => research !== null && (row.key.toLowerCase().includes(needle) || row.name.toLowerCase().includes(needle)))
            .slice(0, MAX_COMPLETIONS)
            .map(({ row }) => row.key);
        },
      },
    }),
    {
      title: 'Repository research report',
      description:
        'The full research report of one stored repository as Markdown: health breakdown, activity, contributors, bus factor, hotspots, languages, community files, pull requests, releases. The key is the repository key from list_repositories, percent-encoded.',
      mimeType: 'text/markdown',
    },
    readRepository(deps, 'text/markdown', ({ research }) => fencedReport(renderRepositoryMarkdown(research))),
  );
}

/** Reads one stored repository's resource: the key from the URI, then `render` of its stored research. */
function readRepository({ catalog, enabledTools, log }: ResourceDeps, mimeType: string, render: (found: ReturnType<Catalog['resolve']>) => string) {
  return failingAsData(
    (uri, variables) => ({ contents: [{ uri: uri.href, mimeType, text: render(catalog.resolve(decodeVariable(uri, variables, 'key'))) }] }),
    log,
    enabledTools,
  );
}

/** A URI template variable, percent-decoded; INVALID_INPUT when it is not valid percent-encoding. */
function decodeVariable(uri: URL, variables: Record<string, string | string[] | undefined>, name: 'key' | 'who' | 'owner'): string {
  const raw = variables[name];
  try {
    return decodeURIComponent(Array.isArray(raw) ? raw.join(',') : (raw ?? ''));
  } catch {
    throw new RepoScoutError('INVALID_INPUT', `The ${name} in ${uri.href} is not valid percent-encoding; build the URI with encodeURIComponent(${name}).`);
  }
}

function noPullRequests(uri: URL, who: string): ResourceReadError {
  return new ResourceReadError(uri.href, { code: 'PERSON_NOT_FOUND', message: `No stored pull requests by ${JSON.stringify(who)}.`, next: 'Collect them with collect_achievements first.', remedy: null });
}

/**
 * The repository report's model as JSON (shared/protocol/report.ts), the one the HTML report
 * renders, for clients that render it themselves (the VS Code report webview). Not listed:
 * it is the Markdown report's data, one per repository.
 */
function registerReportModels(server: McpServer, deps: ResourceDeps): void {
  server.registerResource(
    'repository-report-model',
    new ResourceTemplate(REPORT_MODEL_TEMPLATE, { list: undefined }),
    { title: 'Repository report model', description: 'The data of a repository report as JSON, for clients that render it. The key percent-encoded.', mimeType: 'application/json' },
    readRepository(deps, 'application/json', ({ row, research }) => JSON.stringify(buildReportModel(research, row.owner))),
  );
}

function registerOrganizationReports(server: McpServer, deps: ResourceDeps): void {
  // A bad REPOSCOUT_GITHUB_HOST makes host() throw: then there is simply nothing to list.
  const owners = () => {
    try {
      return deps.catalog.organizations(deps.github.host());
    } catch {
      return [];
    }
  };
  server.registerResource(
    'organization-report',
    new ResourceTemplate(ORGANIZATION_REPORT_TEMPLATE, {
      list: () => ({
        resources: owners().map((o) => ({
          uri: organizationReportUri(o.login),
          name: `${o.login} organization report`,
          title: `RepoScout organization report: ${o.login}`,
          description: `Organization research of ${o.login} on GitHub, researched ${o.researchedAt.slice(0, 10)}.`,
          mimeType: 'text/markdown',
        })),
      }),
      complete: {
        owner: (value) => {
          const needle = value.toLowerCase();
          return owners()
            .filter((o) => o.login.toLowerCase().startsWith(needle))
            .slice(0, MAX_COMPLETIONS)
            .map((o) => o.login);
        },
      },
    }),
    {
      title: 'Organization research report',
      description:
        "The research report of one GitHub organization or user as Markdown: overview, health distribution with the best and worst repositories and why, where points are lost, languages, activity, topic clusters, collaboration network (central people, communities, bus factor risk), citations and every repository. The owner is a login researched with ingest_github or research_organization.",
      mimeType: 'text/markdown',
    },
    readOrganization(deps, 'text/markdown', (research) =>
      // The report was written for a folder with graph.json beside it; here the graph comes from a tool.
      fencedReport(renderOrganizationMarkdown(research).replace(' The graph is in graph.json beside this report.', ' The graph is available from get_collaboration_network with includeGraph.')),
    ),
  );
}

/** Reads one researched owner's resource: the login from the URI, then `render` of its stored organization research. */
function readOrganization(deps: ResourceDeps, mimeType: string, render: (research: OrganizationResearch) => string) {
  return failingAsData(
    (uri, variables) => {
      const owner = decodeVariable(uri, variables, 'owner');
      if (!isValidLogin(owner)) throw new RepoScoutError('INVALID_INPUT', `${JSON.stringify(owner.slice(0, 100))} is not a GitHub organization or user name; use one listed by resources/list.`);
      return { contents: [{ uri: uri.href, mimeType, text: render(requireOrganization(deps, owner)) }] };
    },
    deps.log,
    deps.enabledTools,
  );
}

/**
 * The organization report's model as JSON (shared/protocol/org-report.ts), the one the HTML
 * organization report renders, for clients that render it themselves (the VS Code
 * dashboard). Not listed: it is the Markdown report's data, one per owner.
 */
function registerOrganizationReportModels(server: McpServer, deps: ResourceDeps): void {
  server.registerResource(
    'organization-report-model',
    new ResourceTemplate(ORG_REPORT_MODEL_TEMPLATE, { list: undefined }),
    { title: 'Organization report model', description: 'The data of an organization report as JSON, for clients that render it. The owner is a researched login.', mimeType: 'application/json' },
    readOrganization(deps, 'application/json', (research) => JSON.stringify(buildOrgReportModel(research))),
  );
}

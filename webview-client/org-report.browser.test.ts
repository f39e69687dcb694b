// One organization report renderer: the same model, rendered by the self-contained HTML
// organization report (as the CLI writes it) and by the VS Code dashboard's script (its real
// bundle, in its real page shell and CSP, fed the model as the extension posts it), shows the
// same sections with the same text in a real Chromium; hostile repository and people text
// (markup in a name, a login, a description) stays text in both.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubWorld, type GitHubWorld } from '../test/helpers/github';
import { launchChromium, offPage, openFile, openWebview, posted, shown as shownReport, writeWebview, type Shown, type Watch } from '../test/helpers/webview-harness';
import type { OrgReportModel } from '../shared/protocol/org-report';
import { ingestGitHubOwner } from '../shared/github/ingest';
import { researchOrganization } from '../shared/research/org-research';
import { renderOrgReportHtml } from '../shared/reports/org-html';
import { buildOrgReportModel } from '../shared/reports/org-report-model';

const MARKUP = '<img src=x onerror="document.title=\'pwned\'">';

/** What a rendering shows once its three charts and the graph drew. */
async function shown(page: Page): Promise<Shown> {
  await page.locator('.graph[data-nodes]').waitFor({ timeout: 30_000 });
  return shownReport(page, 'repositories');
}

describe('one organization report renderer for the HTML report and the VS Code dashboard', () => {
  let world: GitHubWorld;
  let browser: Browser;
  let model: OrgReportModel;
  let hostileKey: string;
  const watch: Watch = { errors: [], requests: [] };

  beforeAll(async () => {
    world = await githubWorld({ repositories: 30, hostile: true });
    await ingestGitHubOwner(world.store, world.client(), 'acme', { now: world.org.now, batchSize: 30 });
    model = buildOrgReportModel(researchOrganization(world.store, 'acme', { now: world.org.now }));
    // GitHub names and logins cannot hold markup, but the renderer must not trust that: give
    // the worst repository and the most central person one (and their graph nodes).
    const worst = model.health.worst[0];
    const central = model.network.central[0];
    if (!worst || !central) throw new Error('the sample organization has no worst repository or central person');
    hostileKey = worst.key;
    const rename = (name: string) => (name === worst.name ? `${MARKUP}${worst.name}` : name === central.login ? `${MARKUP}${central.login}` : name);
    model = {
      ...model,
      health: { ...model.health, worst: model.health.worst.map((r) => ({ ...r, name: rename(r.name) })) },
      network: { ...model.network, nodes: model.network.nodes.map((n) => ({ ...n, label: rename(n.label) })), central: model.network.central.map((p) => ({ ...p, login: rename(p.login) })) },
      repositories: model.repositories.map((r) => ({ ...r, name: rename(r.name) })),
    };
    fs.writeFileSync(path.join(world.dir, 'report.html'), renderOrgReportHtml(model));
    await writeWebview(world.dir, 'extension/webviews/client/dashboard.ts', 'dashboard');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await world?.dispose();
  });

  const open = (file: string) => openFile(browser, world.dir, file, watch);
  const openDashboard = () => openWebview(browser, world.dir, watch, { type: 'dashboard', model });

  it('shows the same sections with the same text, and the dashboard alone has actions', async () => {
    const htmlPage = await open('report.html');
    const html = await shown(htmlPage);
    const dashboardPage = await openDashboard();
    const dashboard = await shown(dashboardPage);

    expect(html.sections.map((s) => s.id)).toEqual(['overview', 'health', 'languages', 'components', 'worst', 'best', 'activity', 'network', 'topics', 'citations', 'repositories']);
    expect(html.title).toBe(model.owner.title);
    expect(dashboard.title).toBe(html.title);
    expect(dashboard.kpis).toBe(html.kpis);
    // Every section's text is the same but one sentence: what a click on the graph does.
    const hints = ['Click a repository to open its report, a person to see their repositories; drag to rearrange, scroll to zoom.', 'Click a node to highlight its neighbours; drag to rearrange, scroll to zoom.'];
    const withoutHints = (sections: Shown['sections']) => sections.map((s) => ({ ...s, text: hints.reduce((t, hint) => t.replace(hint, ''), s.text) }));
    expect(dashboard.sections.find((s) => s.id === 'network')?.text).toContain(hints[0]);
    expect(html.sections.find((s) => s.id === 'network')?.text).toContain(hints[1]);
    expect(withoutHints(dashboard.sections)).toEqual(withoutHints(html.sections));
    expect(html.buttons).toEqual([]);
    expect(dashboard.buttons).toEqual(['Refresh']);

    // Both draw three charts and the graph with the same nodes.
    for (const page of [htmlPage, dashboardPage]) {
      expect(await page.locator('canvas[data-chart]').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.chart))).toEqual(['bar', 'doughnut', 'bar']);
      expect(await page.locator('.graph').getAttribute('data-nodes')).toBe(String(model.network.nodes.length));
      expect(await page.locator('.graph canvas').count()).toBeGreaterThan(0);
    }

    // In the dashboard a repository is a link back to the host.
    await dashboardPage.locator('#worst button.link').first().click();
    expect(await posted(dashboardPage)).toContainEqual({ type: 'openRepository', key: hostileKey });
    expect(watch.errors).toEqual([]);
    expect(offPage(watch)).toEqual([]);
  });

  it('shows markup in names, logins and descriptions as text in both, creating no element', async () => {
    for (const page of [await open('report.html'), await openDashboard()]) {
      await shown(page);
      const text = (await page.locator('#app').textContent()) ?? '';
      expect(text).toContain(`${MARKUP}${model.health.worst[0]?.name.replace(MARKUP, '')}`);
      expect(text).toContain(model.network.central[0]?.login);
      expect(model.repositories.some((r) => r.description?.includes('<img src=x onerror=alert(1)>'))).toBe(true);
      expect(text).toContain('<img src=x onerror=alert(1)>');
      expect(await page.locator('img, iframe, object, embed, b').count()).toBe(0);
      expect(await page.locator('#app script, #app style, [onerror]').count()).toBe(0);
      expect(await page.title()).not.toBe('pwned');
    }
    expect(watch.errors).toEqual([]);
    expect(offPage(watch)).toEqual([]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import { afterEach, describe, expect, it } from 'vitest';
import { portfolioRepo } from '../../test/helpers/achievements-fixture';
import { tempDir } from '../../test/helpers/git-fixture';
import { openStore, type Store } from '../store/open';
import { collectFromGit } from './collect-git';
import { renderPortfolioHtml } from './exports/html';
import { portfolioJsonSchema } from './exports/json';
import { renderPortfolioMarkdown } from './exports/markdown';
import { writePortfolio } from './exports/write';
import { buildIdentity } from './identity';
import { portfolioFromStore } from './index';
import { parseWindow } from './time';
import { isRepoScoutError } from '../errors';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanup.splice(0)) fn();
});

function setup(): { store: Store; repoDir: string; work: string } {
  const repo = portfolioRepo();
  const work = tempDir('reposcout-achievements-');
  const store = openStore(path.join(work, 'a.db'));
  cleanup.push(() => store.close(), () => repo.remove(), () => fs.rmSync(work, { recursive: true, force: true }));
  return { store, repoDir: repo.dir, work };
}

const alice = buildIdentity('alice@example.com', ['alice']);
const everything = parseWindow(undefined, undefined);
const NOW = new Date('2026-04-01T00:00:00Z');

describe('collectFromGit', () => {
  it("finds the person's PRs across addresses (mailmap, noreply, --as login) and leaves others' and bots' out", async () => {
    const { store, repoDir } = setup();
    const result = await collectFromGit(store, [repoDir], alice, everything);
    expect(result.records.map((r) => r.number).sort()).toEqual([1, 2, 5]);
    expect(result.records.every((r) => r.source === 'git')).toBe(true);
  });

  it('reconstructs a merge PR: title from the branch, files against the first parent, first commit time, manifest dependencies', async () => {
    const { store, repoDir } = setup();
    const { records } = await collectFromGit(store, [repoDir], alice, everything);
    const merge = records.find((r) => r.number === 1)!;
    expect(merge.title).toBe('Add a streaming parser with tests');
    expect(merge.files.map((f) => f.path).sort()).toEqual(['package.json', 'src/parser.ts', 'test/parser.test.ts']);
    expect(merge.firstCommitAt).toBe('2026-01-02T09:00:00Z');
    expect(merge.createdAt).toBeNull();
    expect(merge.interactions).toEqual([]);
    expect(merge.dependencies).toEqual(expect.arrayContaining(['react', 'vitest']));
    expect(merge.impact.components.find((c) => c.id === 'tests')?.score).toBe(1);
    // git cannot see reviews or linked issues: not measured rather than zero
    expect(merge.impact.components.map((c) => c.id)).not.toContain('review-effort');
  });

  it('marks a PR that a later commit reverted and takes the penalty', async () => {
    const { store, repoDir } = setup();
    const { records } = await collectFromGit(store, [repoDir], alice, everything);
    const reverted = records.find((r) => r.number === 2)!;
    expect(reverted.revertedBy).toMatch(/^commit [0-9a-f]{12}$/);
    expect(reverted.classification).toMatchObject({ class: 'fix', rule: 'conventional-prefix' });
    expect(reverted.impact.components.find((c) => c.id === 'reverted')?.points).toBe(-40);
  });

  it('a second run adds nothing twice, and the window selects by merge time', async () => {
    const { store, repoDir } = setup();
    await collectFromGit(store, [repoDir], alice, everything);
    await collectFromGit(store, [repoDir], alice, everything);
    expect((store.db.prepare('select count(*) as n from achievement_prs').get() as { n: number }).n).toBe(3);
    const { records } = await collectFromGit(store, [repoDir], alice, parseWindow('2026-02-01', '2026-02-28'));
    expect(records.map((r) => r.number)).toEqual([2]);
  });

  it('refuses a folder that is not a repository, and a malformed window', async () => {
    const { store, work } = setup();
    await expect(collectFromGit(store, [work], alice, everything)).rejects.toSatisfy((e) => isRepoScoutError(e, 'NOT_A_GIT_REPOSITORY'));
    expect(() => parseWindow('yesterday', undefined)).toThrow(expect.objectContaining({ message: expect.stringMatching(/^The window's start "yesterday" is not a date/), remedy: { do: 'fix_input', input: 'since' } }));
    expect(() => parseWindow(undefined, 'soon')).toThrow(expect.objectContaining({ message: expect.stringMatching(/^The window's end "soon" is not a date/), remedy: { do: 'fix_input', input: 'until' } }));
    expect(() => parseWindow('2026-03-01', '2026-01-01')).toThrow(/ends .* before it starts/);
  });
});

describe('portfolio', () => {
  it('builds every section deterministically from the records', async () => {
    const { store, repoDir } = setup();
    await collectFromGit(store, [repoDir], alice, everything);
    const a = portfolioFromStore(store, alice, everything, { now: NOW });
    const b = portfolioFromStore(store, alice, everything, { now: NOW });
    expect(a).toEqual(b);
    expect(a.totals.prs).toBe(3);
    expect(a.highlights[0]?.reason).toMatch(/impact/);
    expect(a.summary).toContain('merged 3 pull requests in 1 repository');
    expect(a.skills.map((s) => s.name)).toEqual(expect.arrayContaining(['TypeScript', 'React', 'Vitest']));
    const q1 = a.flow.quarters.find((q) => q.quarter === '2026-Q1')!;
    expect(q1.source).toBe('git');
    expect(q1.cycleTime).toBeNull();
    expect(q1.branchLifetimeInferred?.n).toBe(1);
    expect(q1.branchLifetimeInferred?.medianHours).toBe(75);
    expect(a.collaboration.note).toMatch(/git records no reviews/);
    expect(a.notices.join(' ')).toMatch(/inferred/);
  });

  it('an unknown person gets an empty portfolio that says so', () => {
    const { store } = setup();
    const p = portfolioFromStore(store, buildIdentity('nobody@example.com'), everything, { now: NOW });
    expect(p.totals.prs).toBe(0);
    expect(p.summary).toBe('nobody@example.com has no merged pull requests in this window.');
    expect(p.notices[0]).toMatch(/No merged pull requests by nobody@example.com/);
  });
});

describe('exports', () => {
  it('JSON validates against the published schema; the committed schema file is current', async () => {
    const { store, repoDir, work } = setup();
    await collectFromGit(store, [repoDir], alice, everything);
    const portfolio = portfolioFromStore(store, alice, everything, { now: NOW });
    const written = await writePortfolio(portfolio, path.join(work, 'out'), ['json', 'md', 'html']);
    const schema = portfolioJsonSchema();
    const validate = new Ajv2020({ strict: false }).compile(schema);
    const json = JSON.parse(fs.readFileSync(written.files.find((f) => f.format === 'json')!.path, 'utf8'));
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...json, totals: { prs: 'many' } })).toBe(false);
    const published = JSON.parse(fs.readFileSync(new URL('../../schemas/portfolio.schema.json', import.meta.url), 'utf8'));
    expect(published, 'schemas/portfolio.schema.json is out of date; run "npm run readme"').toEqual(schema);
  });

  it('escapes repository text in Markdown and HTML', async () => {
    const { store, repoDir } = setup();
    await collectFromGit(store, [repoDir], alice, everything);
    const portfolio = portfolioFromStore(store, alice, everything, { now: NOW });
    const html = renderPortfolioHtml(portfolio);
    // The title travels as data in the JSON block (the page's script renders it with textContent; see
    // webview-client/portfolio.browser.test.ts), where no "<" can open a tag or close the script.
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('\\u003cimg src=x onerror=alert(1)\\u003e');
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'; script-src 'nonce-/);
    const md = renderPortfolioMarkdown(portfolio);
    expect(md).not.toContain('<img src=x');
  });

  it('a PDF without a browser is skipped with the HTML path to print', async () => {
    const { store, work } = setup();
    const portfolio = portfolioFromStore(store, alice, everything, { now: NOW });
    const written = await writePortfolio(portfolio, path.join(work, 'out'), ['pdf'], { locateBrowser: () => null });
    expect(written.files.map((f) => f.format)).toEqual(['html']);
    expect(written.notices[0]).toMatch(/No Chromium-family browser found for the PDF; open .*portfolio\.html/);
    await expect(writePortfolio(portfolio, path.join(work, 'out'), ['pdf'], { browser: '/nonexistent/chrome' })).rejects.toThrow(/No browser at \/nonexistent\/chrome/);
  });
});

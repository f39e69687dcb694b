// Collection from the fake GitHub: one search query per 100 PRs with everything a record
// needs, only the overflowing connections paged afterwards, windows split past search's
// 1,000 cap, incremental re-runs (only PRs merged or updated since), faults mid-collection
// that leave only whole pages stored and resume after them, the PRs of others the person
// reviewed, and precise refusals for unknown logins, owners and unreadable repositories.
import { Ajv2020 } from 'ajv/dist/2020';
import { afterEach, describe, expect, it } from 'vitest';
import { addAuthoredPulls, addReviewedPulls } from '../../test/fake-github/search';
import type { SynthComment } from '../../test/fake-github/synthetic';
import { FAKE_TOKEN, githubWorld, type GitHubWorld } from '../../test/helpers/github';
import { isRepoScoutError, type RepoScoutError } from '../errors';
import { collectFromGitHub } from './collect-github';
import { renderPortfolioHtml } from './exports/html';
import { buildPortfolioReportModel } from './report-model';
import { portfolioJsonSchema, renderPortfolioJson } from './exports/json';
import { renderPortfolioMarkdown } from './exports/markdown';
import { prFlow } from './flow';
import { buildIdentity } from './identity';
import { portfolioFromStore } from './index';
import { loadRecords } from './store';
import { parseWindow } from './time';

let world: GitHubWorld | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

const dev = buildIdentity('dev-login');
const all = parseWindow('2025-01-01', '2026-06-30');
const stored = (w: GitHubWorld) => (w.store.db.prepare('select count(*) as n from achievement_prs').get() as { n: number }).n;
const operations = (w: GitHubWorld, name: string) => w.fake.log.filter((r) => r.operation === name);
const searches = (w: GitHubWorld) => operations(w, 'AchievementSearch').length;
const iso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');

async function setup(count: number, options: Parameters<typeof addAuthoredPulls>[3] = {}): Promise<GitHubWorld> {
  world = await githubWorld({ repositories: 6 });
  addAuthoredPulls(world.org, 'dev-login', count, options);
  return world;
}

const pull = (w: GitHubWorld, number: number) => w.org.repos.flatMap((r) => r.pulls).find((p) => p.number === number)!;

describe('collectFromGitHub', () => {
  it('collects full PR records in one search request per 100, paging only overflow files', async () => {
    const w = await setup(30, { filesEvery: 29 });
    const result = await collectFromGitHub(w.store, w.client(), dev, { owner: 'acme' }, all);
    expect(result.prs).toBe(30);
    expect(searches(w)).toBe(1);
    // two PRs (0 and 29) have 150 files: one overflow request carries both
    expect(operations(w, 'PullRequestOverflow')).toHaveLength(1);
    const records = loadRecords(w.store.db, dev);
    expect(records).toHaveLength(30);
    const big = records.find((r) => r.number === 10_000)!;
    expect(big.files).toHaveLength(150);
    expect(new Set(big.files.map((f) => f.path)).size).toBe(150);
    expect(big.source).toBe('github');
    expect(big.closingIssues[0]?.labels).toEqual(['bug']);
    expect(big.impact.components.map((c) => c.id)).toEqual(expect.arrayContaining(['review-effort', 'linked-issues']));
    const flow = prFlow(big);
    expect(flow.coding).toBeGreaterThan(0);
    expect(flow.pickup).toBe(1); // the comment an hour after opening comes before the review
    expect(flow.cycle).toBeGreaterThan(flow.coding!);
  });

  it('pages reviews, comments, files, labels and closing issues past their first page, for only the PRs that overflow', async () => {
    const w = await setup(40);
    const big = pull(w, 10_002);
    const at = (i: number) => iso(Date.parse(big.createdAt) + (i + 1) * 60_000);
    big.comments = Array.from({ length: 130 }, (_, i): SynthComment => ({ login: `commenter-${i % 9}`, type: 'User', createdAt: at(i) }));
    big.reviews = Array.from({ length: 60 }, (_, i): SynthComment => ({ login: `reviewer-${i % 4}`, type: 'User', createdAt: at(i) }));
    big.changedFiles = 120;
    big.labels = Array.from({ length: 25 }, (_, i) => `area-${i}`);
    big.closingIssues = Array.from({ length: 12 }, (_, i) => ({ number: 500 + i, labels: i === 11 ? ['security'] : ['enhancement'] }));
    const result = await collectFromGitHub(w.store, w.client(), dev, { owner: 'acme' }, all);
    expect(result.prs).toBe(40);
    const overflow = operations(w, 'PullRequestOverflow');
    // one request with the rest of all five connections of that one PR, none for the other 39
    expect(overflow).toHaveLength(1);
    expect(overflow[0]!.variables).toMatchObject({ k0: 10_002 });
    expect(Object.keys(overflow[0]!.variables!).filter((k) => /^k\d+$/.test(k))).toEqual(['k0']);
    const record = loadRecords(w.store.db, dev).find((r) => r.number === 10_002)!;
    expect(record.files).toHaveLength(120);
    expect(record.interactions.filter((i) => i.kind === 'comment')).toHaveLength(130);
    expect(record.interactions.filter((i) => i.kind === 'review')).toHaveLength(60);
    expect(record.labels).toHaveLength(25);
    expect(record.closingIssues.map((i) => i.number)).toEqual(Array.from({ length: 12 }, (_, i) => 500 + i));
    // the impact model sees the paged data: the comment count and the security issue from the last page
    const review = record.impact.components.find((c) => c.id === 'review-effort')!;
    expect(review.detail).toContain('130 comments');
    expect(review.detail).toContain('60 reviews');
    expect(record.impact.components.find((c) => c.id === 'linked-issues')!.detail).toMatch(/12/);
    // the search, the overflow, and the search for PRs the person reviewed
    expect(result.requests).toBe(3);
  });

  it('splits a window past the 1,000-result cap and still stores every PR once', async () => {
    const w = await setup(1_050);
    const result = await collectFromGitHub(w.store, w.client(), dev, {}, all, { reviews: false });
    expect(result.prs).toBe(1_050);
    expect(result.windows).toBeGreaterThanOrEqual(2);
    expect(stored(w)).toBe(1_050);
    expect(result.requests / result.prs).toBeLessThan(0.05);
  });

  it('a second run asks once, for PRs merged or updated since the last run, and gets only those', async () => {
    const w = await setup(40);
    const since2025 = parseWindow('2025-01-01', undefined);
    await collectFromGitHub(w.store, w.client(), dev, { owner: 'acme' }, since2025, { now: new Date('2026-06-15T00:00:00Z') });
    const before = searches(w);
    const reviewedBefore = operations(w, 'ReviewedSearch').length;
    addAuthoredPulls(w.org, 'dev-login', 2, { from: '2026-06-20T00:00:00Z', days: 1 });
    // numbers 10000 and 10001 again would collide: give the new ones their own numbers
    for (const repo of w.org.repos) for (const pr of repo.pulls) if (pr.createdAt >= '2026-06-20') pr.number += 500;
    // an old PR gets a late comment after the first run: it must be fetched again
    const old = pull(w, 10_004);
    old.comments.push({ login: 'late-commenter', type: 'User', createdAt: '2026-06-18T09:00:00Z' });
    old.updatedAt = '2026-06-18T09:00:00Z';
    const again = await collectFromGitHub(w.store, w.client(), dev, { owner: 'acme' }, since2025, { now: new Date('2026-06-30T00:00:00Z') });
    expect(searches(w) - before).toBe(1);
    expect(operations(w, 'ReviewedSearch').length - reviewedBefore).toBe(1);
    expect(again.requests).toBe(2);
    const q = String(operations(w, 'AchievementSearch').at(-1)!.variables!.q);
    expect(q).toContain('updated:>=2026-06-14T00:00:00+00:00');
    expect(again.records.map((r) => r.number).sort()).toEqual([10_004, 10_500, 10_501]);
    expect(stored(w)).toBe(42);
    const refreshed = loadRecords(w.store.db, dev).find((r) => r.number === 10_004)!;
    expect(refreshed.interactions.map((i) => i.login)).toContain('late-commenter');
  });

  it('a wider window later searches the part never collected in full and the rest only for updates', async () => {
    const w = await setup(40);
    const now = { now: new Date('2026-07-01T00:00:00Z') };
    const first = await collectFromGitHub(w.store, w.client(), dev, {}, parseWindow('2026-01-01', '2026-06-30'), now);
    expect(first.prs).toBeGreaterThan(0);
    expect(first.prs).toBeLessThan(40);
    const before = searches(w);
    const wider = await collectFromGitHub(w.store, w.client(), dev, {}, all, now);
    const qs = operations(w, 'AchievementSearch').slice(before).map((r) => String(r.variables!.q));
    expect(qs).toHaveLength(2);
    expect(qs[0]).toContain('merged:2025-01-01T00:00:00+00:00..2026-01-01T00:00:00+00:00');
    expect(qs[0]).not.toContain('updated:');
    expect(qs[1]).toContain('updated:>=2026-06-30T00:00:00+00:00');
    expect(wider.prs).toBe(40 - first.prs);
    expect(stored(w)).toBe(40);
  });

  it('a fault mid-collection keeps whole pages only; the next run resumes after them', async () => {
    const w = await setup(250);
    w.fake.inject({ kind: 'malformed-json', match: 'graphql:AchievementSearch', skip: 1, times: Infinity });
    const failed = await collectFromGitHub(w.store, w.client({ retries: 0 }), dev, {}, all).catch((e: unknown) => e);
    expect(isRepoScoutError(failed)).toBe(true);
    expect((failed as Error).message).not.toContain(FAKE_TOKEN);
    expect(stored(w)).toBe(100);
    w.fake.faults.length = 0;
    const before = searches(w);
    const resumed = await collectFromGitHub(w.store, w.client(), dev, {}, all);
    expect(resumed.resumed).toBe(true);
    expect(resumed.prs).toBe(150);
    // the two pages left, then one check for anything updated since the interrupted run began
    expect(searches(w) - before).toBe(3);
    expect(String(operations(w, 'AchievementSearch')[before]!.variables!.cursor)).not.toBe('null');
    expect(stored(w)).toBe(250);
    const third = await collectFromGitHub(w.store, w.client(), dev, {}, all);
    expect(third.resumed).toBe(false);
    expect(third.prs).toBe(0);
  });

  it('a fault while paging one PR overflow stores nothing of that page; the resumed run completes it', async () => {
    const w = await setup(150, { filesEvery: 120 });
    // PR 120 (second page) has 150 files; its overflow request fails with every retry
    w.fake.inject({ kind: 'server-error', match: 'graphql:PullRequestOverflow', skip: 1, times: Infinity });
    const failed = await collectFromGitHub(w.store, w.client({ retries: 1 }), dev, {}, all).catch((e: unknown) => e);
    expect(isRepoScoutError(failed, 'GITHUB_UNREACHABLE') || isRepoScoutError(failed, 'GITHUB_FAILED')).toBe(true);
    expect(stored(w)).toBe(100);
    w.fake.faults.length = 0;
    const resumed = await collectFromGitHub(w.store, w.client(), dev, {}, all);
    expect(resumed.resumed).toBe(true);
    expect(stored(w)).toBe(150);
    expect(loadRecords(w.store.db, dev).find((r) => r.number === 10_120)!.files).toHaveLength(150);
  });

  it('keeps what the search gave for a PR that is gone by the time its overflow is asked for', async () => {
    const w = await setup(12, { filesEvery: 6 });
    const client = w.client();
    const graphql = client.octokit.graphql;
    const gone = pull(w, 10_006);
    // between the search and the overflow request, PR 10006 is deleted (its repository keeps the rest)
    client.octokit.graphql = Object.assign((query: string, parameters?: Record<string, unknown>) => {
      if (query.includes('PullRequestOverflow')) gone.number = 99_999;
      return graphql(query, parameters);
    }, graphql);
    const result = await collectFromGitHub(w.store, client, dev, {}, all, { reviews: false });
    expect(result.prs).toBe(12);
    const records = loadRecords(w.store.db, dev);
    expect(records.find((r) => r.number === 10_006)!.files).toHaveLength(100);
    expect(records.find((r) => r.number === 10_000)!.files).toHaveLength(150);
  });

  it('collects whose work the person reviewed, and the portfolio shows people, counts and links, bots left out', async () => {
    const w = await setup(6);
    addReviewedPulls(w.org, 'dev-login', ['alice-x', 'bob-y', 'dependabot[bot]'], 9);
    const result = await collectFromGitHub(w.store, w.client(), dev, { owner: 'acme' }, all);
    expect(result.prs).toBe(6);
    expect(result.reviewed).toBe(9);
    expect(String(operations(w, 'ReviewedSearch')[0]!.variables!.q)).toMatch(/^reviewed-by:dev-login -author:dev-login is:pr is:merged merged:/);
    const portfolio = portfolioFromStore(w.store, dev, all, { now: new Date('2026-07-01T00:00:00Z') });
    const { reviewed, reviewedTotals, note } = portfolio.collaboration;
    expect(reviewed.map((r) => [r.login, r.prs, r.reviews])).toEqual([
      ['alice-x', 3, 6],
      ['bob-y', 3, 3],
    ]);
    expect(reviewedTotals).toEqual({ prs: 6, people: 2 });
    expect(reviewed[0]!.pullRequests[0]).toMatchObject({ ref: expect.stringMatching(/^acme\/.+#20006$/), url: expect.stringMatching(/^https:\/\/github\.com\/acme\/.+\/pull\/20006$/) });
    expect(note).toContain('3 reviewed pull requests by bots');
    expect(JSON.stringify(portfolio)).not.toContain('dependabot');
    expect(portfolio.summary).toContain('Reviewed 6 merged pull requests by 2 others.');
    const md = renderPortfolioMarkdown(portfolio);
    expect(md).toMatch(/\| @alice-x \| \d+ \| 3 \| 6 \|/);
    expect(md).toMatch(/- \[acme\/.+#20006 by @alice-x: Improve thing 6\]\(<https:\/\/github\.com\/acme\/.+\/pull\/20006>\)/);
    const model = buildPortfolioReportModel(portfolio);
    expect(model.collaboration.people.map((r) => [r.login, r.theirPrsReviewed, r.reviewsGiven])).toEqual(expect.arrayContaining([['alice-x', 3, 6], ['bob-y', 3, 3]]));
    expect(model.collaboration.reviewed[0]!.pullRequests[0]!.url).toMatch(/^https:\/\/github\.com\/acme\/[^"]+\/pull\/20006$/);
    expect(renderPortfolioHtml(portfolio)).toContain(JSON.stringify(model.collaboration.reviewed[0]!.pullRequests[0]!.url));
    const json = JSON.parse(renderPortfolioJson(portfolio));
    const validate = new Ajv2020({ strict: false }).compile(portfolioJsonSchema());
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    // incremental for reviews too: one search, nothing new
    const again = await collectFromGitHub(w.store, w.client(), dev, { owner: 'acme' }, all);
    expect(again.reviewed).toBe(0);
    expect(operations(w, 'ReviewedSearch')).toHaveLength(2);
  });

  it('says when whose work they reviewed is unknown rather than showing nobody', async () => {
    const w = await setup(3);
    await collectFromGitHub(w.store, w.client(), dev, { owner: 'acme' }, all, { reviews: false });
    const portfolio = portfolioFromStore(w.store, dev, all);
    expect(portfolio.collaboration.reviewedTotals).toBeNull();
    expect(portfolio.collaboration.note).toContain('Whose work this person reviewed was not collected');
    expect(renderPortfolioMarkdown(portfolio)).toMatch(/\| @reviewer-a \| \d+ \| n\/a \| n\/a \|/);
  });

  it('leaves out private repositories the token cannot read, and names them when asked for by name', async () => {
    const w = await setup(12);
    const hidden = w.org.repos.filter((r) => !r.isEmpty)[1]!;
    hidden.unreadable = true;
    const visible = w.org.repos.flatMap((r) => (r.unreadable ? [] : r.pulls)).filter((p) => p.author === 'dev-login').length;
    const owner = await collectFromGitHub(w.store, w.client(), dev, { owner: 'acme' }, all);
    expect(owner.prs).toBe(visible);
    expect(owner.prs).toBeLessThan(12);
    const named = await collectFromGitHub(w.store, w.client(), dev, { repos: [`acme/${w.org.repos[0]!.name}`, `acme/${hidden.name}`] }, all).catch((e: unknown) => e);
    expect(isRepoScoutError(named, 'GITHUB_NOT_FOUND')).toBe(true);
    expect((named as Error).message).toBe(
      `acme/${hidden.name}: no such repository, or a private one the token cannot read; check the repository names, or use a token with access to it (classic: the "repo" scope; fine-grained: that repository with pull requests read).`,
    );
    expect((named as RepoScoutError).remedy).toEqual({ do: 'fix_input', input: 'repos' });
  });

  it('refuses an unknown login, an unknown owner, and an identity without a login', async () => {
    const w = await setup(3);
    const unknown = await collectFromGitHub(w.store, w.client(), buildIdentity('no-such-person'), { owner: 'acme' }, all).catch((e: unknown) => e);
    expect(isRepoScoutError(unknown, 'PERSON_NOT_FOUND')).toBe(true);
    expect((unknown as Error).message).toContain('GitHub has no user "no-such-person"');
    const owner = await collectFromGitHub(w.store, w.client(), dev, { owner: 'no-such-org' }, all).catch((e: unknown) => e);
    expect(isRepoScoutError(owner, 'GITHUB_NOT_FOUND')).toBe(true);
    expect((owner as Error).message).toBe('GitHub has no user or organization "no-such-org" that the token can see; check the owner\'s name.');
    expect((owner as RepoScoutError).remedy).toEqual({ do: 'fix_input', input: 'owner' });
    await expect(collectFromGitHub(w.store, w.client(), buildIdentity('Dev Person'), {}, all)).rejects.toThrow(
      expect.objectContaining({ message: expect.stringMatching(/needs the person's GitHub login/), remedy: { do: 'fix_input', input: 'aliases' } }),
    );
    expect(stored(w)).toBe(0);
  });
});

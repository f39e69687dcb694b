// Collection from the fake GitHub: one search query per 100 PRs with everything a record
// needs, overflow files paged, windows split past search's 1,000 cap, incremental re-runs,
// and faults mid-collection that leave only whole pages stored and resume after them.
import { afterEach, describe, expect, it } from 'vitest';
import { addAuthoredPulls } from '../../test/fake-github/search';
import { FAKE_TOKEN, githubWorld, type GitHubWorld } from '../../test/helpers/github';
import { isRepoScoutError } from '../errors';
import { collectFromGitHub } from './collect-github';
import { prFlow } from './flow';
import { buildIdentity } from './identity';
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
const searches = (w: GitHubWorld) => w.fake.log.filter((r) => r.operation === 'AchievementSearch').length;

async function setup(count: number, options: Parameters<typeof addAuthoredPulls>[3] = {}): Promise<GitHubWorld> {
  world = await githubWorld({ repositories: 6 });
  addAuthoredPulls(world.org, 'dev-login', count, options);
  return world;
}

describe('collectFromGitHub', () => {
  it('collects full PR records in one search request per 100, paging only overflow files', async () => {
    const w = await setup(30, { filesEvery: 29 });
    const result = await collectFromGitHub(w.store, w.client(), dev, { owner: 'acme' }, all);
    expect(result.prs).toBe(30);
    expect(searches(w)).toBe(1);
    // two PRs (0 and 29) have 150 files: one extra request each
    expect(w.fake.log.filter((r) => r.operation === 'PullRequestFiles')).toHaveLength(2);
    const records = loadRecords(w.store.db, dev);
    expect(records).toHaveLength(30);
    const big = records.find((r) => r.number === 10_000)!;
    expect(big.files).toHaveLength(150);
    expect(big.source).toBe('github');
    expect(big.closingIssues[0]?.labels).toEqual(['bug']);
    expect(big.impact.components.map((c) => c.id)).toEqual(expect.arrayContaining(['review-effort', 'linked-issues']));
    const flow = prFlow(big);
    expect(flow.coding).toBeGreaterThan(0);
    expect(flow.pickup).toBe(1); // the comment an hour after opening comes before the review
    expect(flow.cycle).toBeGreaterThan(flow.coding!);
  });

  it('splits a window past the 1,000-result cap and still stores every PR once', async () => {
    const w = await setup(1_050);
    const result = await collectFromGitHub(w.store, w.client(), dev, {}, all);
    expect(result.prs).toBe(1_050);
    expect(result.windows).toBeGreaterThanOrEqual(2);
    expect(stored(w)).toBe(1_050);
    expect(result.requests / result.prs).toBeLessThan(0.05);
  });

  it('a second run asks only for what merged since, and picks up new PRs', async () => {
    const w = await setup(40);
    await collectFromGitHub(w.store, w.client(), dev, { owner: 'acme' }, parseWindow('2025-01-01', undefined), { now: new Date('2026-06-15T00:00:00Z') });
    const before = searches(w);
    addAuthoredPulls(w.org, 'dev-login', 2, { from: '2026-06-20T00:00:00Z', days: 1 });
    // numbers 10000 and 10001 again would collide: give the new ones their own numbers
    for (const repo of w.org.repos) for (const pr of repo.pulls) if (pr.createdAt >= '2026-06-20') pr.number += 500;
    const again = await collectFromGitHub(w.store, w.client(), dev, { owner: 'acme' }, parseWindow('2025-01-01', undefined), { now: new Date('2026-06-30T00:00:00Z') });
    expect(searches(w) - before).toBe(1);
    expect(again.prs).toBe(2);
    expect(stored(w)).toBe(42);
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
    expect(searches(w) - before).toBe(2);
    expect(stored(w)).toBe(250);
  });

  it('refuses an unknown login, and an identity without a login', async () => {
    const w = await setup(3);
    const unknown = await collectFromGitHub(w.store, w.client(), buildIdentity('no-such-person'), {}, all).catch((e: unknown) => e);
    expect(isRepoScoutError(unknown, 'PERSON_NOT_FOUND')).toBe(true);
    expect((unknown as Error).message).toContain('cannot search the pull requests of no-such-person');
    await expect(collectFromGitHub(w.store, w.client(), buildIdentity('Dev Person'), {}, all)).rejects.toThrow(/needs a login/);
    expect(stored(w)).toBe(0);
  });
});

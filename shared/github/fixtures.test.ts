// Recorded real GitHub answers (@octokit/fixtures) replayed through the fake server, so the
// client's transport, ETag cache, Link pagination and error translation meet GitHub's own
// shapes and headers, not only the ones our fake invents.
import { afterEach, describe, expect, it } from 'vitest';
import { octokitFixture } from '../../test/fake-github/fixtures';
import { startFakeGitHub, type FakeGitHub } from '../../test/fake-github/server';
import { isRepoScoutError } from '../errors';
import { createGitHubClient } from './client';
import { translateGitHubError } from './errors';
import { memoryHttpCache } from './http-cache';

// The token the fixtures were recorded with (a placeholder, not a secret).
const RECORDED_TOKEN = '0000000000000000000000000000000000000001';
let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function replay(...scenarios: string[]) {
  fake = await startFakeGitHub({ fixtures: scenarios.flatMap(octokitFixture) });
  return createGitHubClient({ token: RECORDED_TOKEN, baseUrl: fake.url, cache: memoryHttpCache(), retryBaseMs: 10 });
}

describe('@octokit/fixtures replayed through the client', () => {
  it('get-repository: the real repository shape, then a 304 revalidation served from the ETag cache', async () => {
    const client = await replay('get-repository');
    const first = await client.octokit.rest.repos.get({ owner: 'octokit-fixture-org', repo: 'hello-world' });
    expect(first.data).toMatchObject({ full_name: 'octokit-fixture-org/hello-world', default_branch: 'master', owner: { login: 'octokit-fixture-org' } });
    const second = await client.octokit.rest.repos.get({ owner: 'octokit-fixture-org', repo: 'hello-world' });
    expect(second.status).toBe(200);
    expect(second.data).toEqual(first.data);
    expect(fake!.log.map((r) => r.status)).toEqual([200, 304]);
    expect(fake!.log[1]!.ifNoneMatch).toBe('"00000000000000000000000000000000"');
    expect(client.stats).toMatchObject({ requests: 2, notModified: 1, restCost: 1 });
    expect(client.stats.rateLimit.core).toMatchObject({ limit: 5000 });
  });

  it('paginate-issues: follows the recorded Link headers across five pages', async () => {
    const client = await replay('paginate-issues');
    const issues = await client.octokit.paginate(client.octokit.rest.issues.listForRepo, { owner: 'octokit-fixture-org', repo: 'paginate-issues', per_page: 3 });
    expect(issues).toHaveLength(13);
    expect(new Set(issues.map((i) => i.number)).size).toBe(13);
    expect(fake!.log.map((r) => r.path)).toEqual([
      '/repos/octokit-fixture-org/paginate-issues/issues?per_page=3',
      '/repositories/1000/issues?per_page=3&page=2',
      '/repositories/1000/issues?per_page=3&page=3',
      '/repositories/1000/issues?per_page=3&page=4',
      '/repositories/1000/issues?per_page=3&page=5',
    ]);
  });

  it('get-organization and get-content: JSON and raw (non-JSON) media types', async () => {
    const client = await replay('get-organization', 'get-content');
    const org = await client.octokit.rest.orgs.get({ org: 'octokit-fixture-org' });
    expect(org.data.login).toBe('octokit-fixture-org');
    const listing = await client.octokit.rest.repos.getContent({ owner: 'octokit-fixture-org', repo: 'hello-world', path: '' });
    expect(Array.isArray(listing.data) && listing.data.map((e) => e.name)).toContain('README.md');
    const raw = await client.octokit.rest.repos.getContent({ owner: 'octokit-fixture-org', repo: 'hello-world', path: 'README.md', mediaType: { format: 'raw' } });
    expect(String(raw.data)).toBe('# hello-world');
  });

  it('errors: a real 422 "Validation Failed" becomes a RepoScoutError naming it, not a crash', async () => {
    const client = await replay('errors');
    const failure = await client.octokit.rest.issues.createLabel({ owner: 'octokit-fixture-org', repo: 'errors', name: 'foo', color: 'invalid' }).catch((e: unknown) => e);
    expect((failure as { status?: number }).status).toBe(422);
    const translated = translateGitHubError(failure, client, { doing: 'creating a label', resume: { do: 'retry' } });
    expect(isRepoScoutError(translated, 'GITHUB_FAILED')).toBe(true);
    expect(translated.message).toMatch(/Validation Failed/);
    expect(translated.message).not.toContain(RECORDED_TOKEN);
    // A 422 is a caller mistake: it is not retried.
    expect(fake!.log).toHaveLength(1);
  });
});

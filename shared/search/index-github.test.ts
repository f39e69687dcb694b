import { afterEach, describe, expect, it } from 'vitest';
import { githubWorld, type GitHubWorld } from '../../test/helpers/github';
import { ingestGitHubOwner } from '../github/ingest';
import { githubDocuments } from './index-github';
import { indexStoredRepositories } from './index-repositories';
import { openSpace } from './spaces';
import { searchDocuments } from './search';

let world: GitHubWorld | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

describe('GitHub data in the search index', () => {
  it('indexes every live ingested repository and its open issues, labels included', async () => {
    world = await githubWorld({ repositories: 8, hostile: true });
    const w = world;
    await ingestGitHubOwner(w.store, w.client(), 'acme', { now: w.org.now, batchSize: 50 });
    const docs = githubDocuments(w.store);
    const repos = docs.filter((d) => d.kind === 'repository');
    expect(repos).toHaveLength(8);
    expect(repos.every((d) => d.refKey.startsWith('github:') && d.owner === 'acme')).toBe(true);
    const withDescription = w.org.repos.find((r) => r.description);
    expect(repos.find((d) => d.title === `acme/${withDescription!.name}`)?.body).toContain(withDescription!.description!);
    const openIssues = w.org.repos.flatMap((r) => r.issues.filter((i) => i.state === 'OPEN'));
    const issueDocs = docs.filter((d) => d.kind === 'issue');
    // The detail pass reads each repository's newest issues; every open one it stored is
    // indexed, except in archived repositories, where nobody can contribute.
    const stored = w.store.db
      .prepare(`select count(*) from github_issues i join github_repositories g on g.repo_id = i.repo_id where i.state = 'OPEN' and g.is_archived = 0`)
      .pluck()
      .get() as number;
    expect(issueDocs).toHaveLength(stored);
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThanOrEqual(openIssues.length);
    expect(issueDocs.every((d) => d.state === 'open' && d.refKey.includes('#'))).toBe(true);

    const indexed = indexStoredRepositories(w.store);
    expect(indexed.indexed).toBe(docs.length);
    expect(indexStoredRepositories(w.store).indexed).toBe(0);
    const space = await openSpace(w.store, 'lexical');
    const hits = await searchDocuments(w.store, space, { query: withDescription!.description!, kinds: ['repository'], limit: 3, mode: 'bm25' });
    expect(hits.hits[0]?.refKey).toBe(`github:acme/${withDescription!.name}`);
  });

  it('leaves removed repositories out', async () => {
    world = await githubWorld({ repositories: 3 });
    const w = world;
    await ingestGitHubOwner(w.store, w.client(), 'acme', { now: w.org.now, batchSize: 50 });
    w.store.db.prepare(`update github_repositories set removed = 1 where repo_id = (select min(repo_id) from github_repositories)`).run();
    expect(githubDocuments(w.store).filter((d) => d.kind === 'repository')).toHaveLength(2);
  });
});

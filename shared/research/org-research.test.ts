import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubWorld, type GitHubWorld } from '../../test/helpers/github';
import { healthScore } from '../analyses/health';
import { isRepoScoutError, type RepoScoutError } from '../errors';
import { ingestGitHubOwner } from '../github/ingest';
import { parseCitationCff } from './citation-cff';
import { findReferences } from './org-citations';
import { researchOrganization, storedOrganizationResearch } from './org-research';
import { tokenize } from './org-topics';
import type { OrganizationResearch } from './org-types';
import { organizationRecordProblem } from '../../test/helpers/research-record';

describe('researchOrganization on a synthetic organization', () => {
  let world: GitHubWorld;
  let r: OrganizationResearch;

  beforeAll(async () => {
    world = await githubWorld({ repositories: 36 });
    await ingestGitHubOwner(world.store, world.client(), 'acme', { now: world.org.now, batchSize: 50 });
    r = researchOrganization(world.store, 'acme', { now: world.org.now });
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it('counts repositories by kind and ranks only live, original ones', () => {
    const repos = world.org.repos;
    expect(r.totals).toMatchObject({
      repositories: repos.length,
      archived: repos.filter((x) => x.isArchived).length,
      forks: repos.filter((x) => x.isFork).length,
      empty: repos.filter((x) => x.isEmpty).length,
    });
    expect(r.totals.ranked).toBe(repos.filter((x) => !x.isArchived && !x.isFork && !x.isEmpty).length);
    expect(Object.values(r.health.grades).reduce((a, b) => a + b, 0)).toBe(r.totals.ranked);
    expect(r.health.histogram.reduce((s, b) => s + b.count, 0)).toBe(r.totals.ranked);
    expect(r.health.best[0]!.health).toBeGreaterThanOrEqual(r.health.worst[0]!.health);
    expect(r.health.worst[0]!.weaknesses.length).toBeGreaterThan(0);
    expect(r.health.worst.every((x) => !x.isArchived && !x.isFork)).toBe(true);
  });

  it('measures the API-only health components for GitHub repositories', () => {
    const stored = world.store.db.prepare(`select result_json from research r join repositories p on p.id = r.repo_id where p.name = ?`);
    const active = world.org.repos.find((x) => !x.isArchived && !x.isEmpty && x.pulls.length > 5 && x.issues.length > 5)!;
    const research = JSON.parse(stored.pluck().get(active.name) as string);
    const ids = (research.health.components as { id: string; score: number | null }[]).filter((c) => c.score !== null).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['responsiveness', 'change-requests', 'maintained', 'releases', 'code-review']));
    expect(research.releases.source).toBe('github-releases');
    const archived = world.org.repos.find((x) => x.isArchived);
    if (archived) {
      const a = JSON.parse(stored.pluck().get(archived.name) as string);
      expect(a.health.components.find((c: { id: string }) => c.id === 'maintained')).toMatchObject({ score: 0 });
    }
  });

  it('builds the collaboration network: teams become communities, bots are left out, bus factor per repository', () => {
    const { network } = r;
    expect(network.people.some((p) => p.login.endsWith('[bot]'))).toBe(false);
    // Synthetic teams of five people work on their own repositories.
    expect(network.communities.length).toBeGreaterThanOrEqual(4);
    for (const c of network.communities.slice(0, 4)) {
      const teams = new Set(c.people.map((login) => login.slice(-2, -1)));
      expect(teams.size, c.people.join(',')).toBeLessThanOrEqual(2);
    }
    expect(network.repositories).toHaveLength(world.org.repos.length);
    const solo = network.repositories.find((x) => x.contributors === 1);
    if (solo) expect(solo.busFactor).toBe(1);
    const edge = network.edges[0]!;
    expect(edge.weight).toBeGreaterThan(0);
    expect(edge.sharedRepositories).toBeGreaterThan(0);
    expect(network.graph.nodes.length).toBe(network.people.length + network.repositories.length);
    expect(network.people.every((p) => p.betweenness >= 0 && p.betweenness <= 1)).toBe(true);
  });

  it('clusters topics so that each theme lands in one cluster', () => {
    expect(r.topics.clusters.length).toBeGreaterThanOrEqual(3);
    const ml = r.topics.clusters.find((c) => c.terms.includes('machine-learning') || c.terms.includes('deep-learning'));
    expect(ml).toBeDefined();
    expect(ml!.terms).not.toContain('kubernetes');
    const assigned = r.topics.perRepository.filter((x) => x.cluster !== null).length;
    expect(assigned / r.topics.perRepository.length).toBeGreaterThan(0.8);
  });

  it('finds citation files, DOIs, arXiv ids and Zenodo records', () => {
    const withCff = world.org.repos.filter((x) => x.files.has('CITATION.cff')).map((x) => x.name);
    expect(r.citations.repositories.filter((x) => x.cff).map((x) => x.name).sort()).toEqual(withCff.sort());
    expect(r.citations.counts.dois + r.citations.counts.arxiv + r.citations.counts.zenodo).toBeGreaterThan(0);
    for (const ref of r.citations.references) expect(ref.url).toMatch(/^https:\/\/(doi\.org|arxiv\.org\/abs|zenodo\.org\/records)\//);
  });

  it('is stored for report, and a missing owner says what to run', () => {
    expect(storedOrganizationResearch(world.store, 'ACME').totals).toEqual(r.totals);
    try {
      storedOrganizationResearch(world.store, 'someone-else');
      expect.unreachable();
    } catch (error) {
      expect(isRepoScoutError(error, 'NOT_RESEARCHED')).toBe(true);
      expect((error as RepoScoutError).remedy).toEqual({ do: 'ingest', target: 'someone-else', host: null });
    }
  });

  it('stores exactly the organization record shared/protocol/organization.ts declares, every field at every depth', () => {
    const json = storedOrganizationResearch(world.store, 'acme');
    // The synthetic organization fills the lists whose items have fields of their own.
    expect(json.network.people.length * json.network.edges.length * json.topics.clusters.length * json.citations.references.length).toBeGreaterThan(0);
    expect(json.citations.repositories.some((c) => c.cff !== null)).toBe(true);
    expect(organizationRecordProblem(json)).toBeNull();
    const extra = structuredClone(json);
    Object.assign(extra.network.people[0]!, { followers: 3 });
    expect(organizationRecordProblem(extra)).toBe('fields the schema does not declare: $.network.people[0].followers');
  });
});

describe('parseCitationCff', () => {
  it('reads the fields a report shows, including preferred-citation and identifiers', () => {
    const cff = parseCitationCff(`# comment
cff-version: 1.2.0
message: "If you use this software, please cite it as below."
title: 'My Research Software: a "tool"'
version: 2.0.4
date-released: 2021-08-11
identifiers:
  - type: url
    value: "https://example.org"
  - type: doi
    value: 10.5281/zenodo.1234
authors:
  - family-names: Druskat
    given-names: Stephan
    orcid: https://orcid.org/0000-0003-4925-7248
  - name: "The Research Software project"
abstract: >
  A long
  abstract.
keywords: [one, two]
preferred-citation:
  type: article
  title: "The article"
  doi: "https://doi.org/10.1000/xyz123"
  journal: "Journal of Software"
  year: 2021
  authors:
    - family-names: Doe
`);
    expect(cff).toEqual({
      title: 'My Research Software: a "tool"',
      version: '2.0.4',
      doi: '10.5281/zenodo.1234',
      dateReleased: '2021-08-11',
      authors: ['Stephan Druskat', 'The Research Software project'],
      preferredCitation: { title: 'The article', doi: '10.1000/xyz123', journal: 'Journal of Software', year: '2021' },
      problems: [],
    });
  });

  it.each([
    ['', /no "key: value" fields|missing cff-version/],
    ['just some text', /not a "key: value" line/],
    ['cff-version: 1.2.0\ntitle: x\n', /no authors/],
    ['\tbad: tabs\ncff-version: 1.2.0', /missing title/],
  ])('reports problems instead of throwing for %j', (text, problem) => {
    expect(parseCitationCff(text).problems.join('; ')).toMatch(problem);
  });
});

describe('findReferences', () => {
  it('finds DOIs, arXiv ids (new and old style) and Zenodo records, without trailing punctuation', () => {
    const text = `See https://doi.org/10.1038/s41586-020-2649-2. Also (doi:10.1145/3368089.3409741),
      arXiv:2106.09685v2 and https://arxiv.org/abs/hep-th/9711200 and [![DOI](https://zenodo.org/badge/DOI/10.5281/zenodo.4567.svg)](https://doi.org/10.5281/zenodo.4567)
      and https://zenodo.org/records/998877`;
    expect(findReferences(text)).toEqual({
      dois: ['10.1038/s41586-020-2649-2', '10.1145/3368089.3409741'],
      arxiv: ['2106.09685', 'hep-th/9711200'],
      zenodo: ['4567', '998877'],
    });
  });
});

describe('topic tokenizer', () => {
  it('drops markdown, code, URLs, HTML and stopwords', () => {
    expect(tokenize('# Title\n```js\nconst secret = 1\n```\nA [fast](http://x.y) **neural** <b>tensor</b> library using `inline` code for deep-learning.')).toEqual([
      'title',
      'neural',
      'tensor',
      'deep-learning',
    ]);
  });
});

describe('health: API-only components stay out of local research', () => {
  it('leaves change-requests and maintained unmeasured without GitHub inputs', () => {
    const base = { repository: { key: 'k', name: 'n', path: null, headSha: 'x', defaultBranch: null, isShallow: false, analyzedAt: '2026-01-01T00:00:00Z' } } as Parameters<typeof healthScore>[0];
    const input = {
      ...base,
      options: { windowMonths: 12, windowStart: '', now: '' },
      contributors: { humans: [], bots: [] },
      busFactor: { windowMonths: 12, window: { factor: 0, commits: 0, people: [] }, allTime: { factor: 0, commits: 0, people: [] } },
      activity: { totalCommits: 0, totalMerges: 0, firstCommitAt: '', lastCommitAt: '', daysSinceLastCommit: 0, commitsLast90Days: 0, activeWeeksLast26: 0, weeks: [] },
      hotspots: [],
      languages: [],
      communityFiles: { readme: null, license: null, contributing: null, codeOfConduct: null, security: null, citation: null, changelog: null, ci: [], tests: { present: false, files: 0, examples: [] }, linters: [], dependencyUpdates: [] },
      pullRequests: { total: 0, merge: 0, squash: 0, inWindow: 0, reviewedShare: null, recent: [] },
      releases: { tags: 0, last365Days: 0, latest: null },
    };
    const local = healthScore(input);
    for (const id of ['responsiveness', 'change-requests', 'maintained']) expect(local.components.find((c) => c.id === id)?.score).toBeNull();
    const github = healthScore({ ...input, changeRequests: { opened: 10, closed: 5, merged: 4 }, maintenance: { archived: true, commitsLast90Days: 9, maintainerActionsLast90Days: 9 } });
    expect(github.components.find((c) => c.id === 'change-requests')).toMatchObject({ score: 0.5 });
    expect(github.components.find((c) => c.id === 'maintained')).toMatchObject({ score: 0, detail: expect.stringMatching(/Archived/) });
  });
});

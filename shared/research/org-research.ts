import { healthComponents } from '../analyses/health';
import { isoTime, monthsBefore, SECONDS, weekIndex, weekStart } from '../analyses/time';
import { RepoScoutError } from '../errors';
import { findOwner } from '../github/github-store';
import { githubRepositoryKey, parseGitHubTarget } from '../github/target';
import type { Store } from '../store/open';
import { findRepositoryByKey } from '../store/repositories';
import { citations } from './org-citations';
import { loadOwner } from './org-data';
import { collaborationNetwork } from './org-network';
import { GITHUB_REPOSITORY_COLUMNS, researchGitHubRepository, type GitHubRepositoryRow } from './org-repository';
import { topics } from './org-topics';
import type { OrganizationRepository, OrganizationResearch } from './org-types';
import { loadResearch, saveResearch } from './stored-research';
import type { HealthScore, RepositoryResearch } from './types';

export interface OrganizationResearchOptions {
  host?: string;
  /** Recent window in months (default 12). */
  windowMonths?: number;
  /** Unix seconds; defaults to the clock. */
  now?: number;
}

const GRADES: HealthScore['grade'][] = ['A', 'B', 'C', 'D', 'F'];
const RANKED_SHOWN = 5;

/**
 * Researches every stored repository of a GitHub owner (run the ingest first): each
 * repository's research (stored, like a local clone's) and the organization view — health
 * distribution with the best and worst repositories and why, languages, activity, the
 * collaboration network, topic clusters and citations. The result is stored on the owner.
 */
export function researchOrganization(store: Store, owner: string, options: OrganizationResearchOptions = {}): OrganizationResearch {
  const host = options.host ?? 'github.com';
  const windowMonths = options.windowMonths ?? 12;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const { owner: ownerRow, repositories } = loadOwner(store, owner, host);
  const windowStart = monthsBefore(now, windowMonths);

  const results = new Map<string, RepositoryResearch>();
  store.db.transaction(() => {
    for (const row of repositories) {
      const research = researchGitHubRepository(store.db, row, { now, windowMonths });
      results.set(row.name, research);
      saveResearch(store.db, row.id, row.head_oid ?? 'empty', `github;window=${windowMonths}`, research);
    }
    // Immediate: a deferred transaction that reads and then writes fails at once with
    // SQLITE_BUSY when another process wrote in between (found by npm run soak).
  }).immediate();

  const summaries = repositories.map((row) => summarise(row, results.get(row.name) as RepositoryResearch));
  summaries.sort((a, b) => b.health - a.health || a.name.localeCompare(b.name));
  const ranked = summaries.filter((s) => !s.isArchived && !s.isFork && !s.isEmpty);
  const scores = ranked.map((s) => s.health);
  const histogram = Array.from({ length: 10 }, (_, i) => ({ bucket: i === 9 ? '90-100' : `${i * 10}-${i * 10 + 9}`, count: 0 }));
  for (const score of scores) (histogram[Math.min(9, Math.floor(score / 10))] as { count: number }).count += 1;
  const grades = Object.fromEntries(GRADES.map((g) => [g, ranked.filter((s) => s.grade === g).length])) as Record<HealthScore['grade'], number>;
  const componentAverages = healthComponents
    .map((rule) => {
      const measured = ranked.map((s) => results.get(s.name)?.health.components.find((c) => c.id === rule.id)?.score).filter((x): x is number => typeof x === 'number');
      return { id: rule.id, label: rule.label, weight: rule.weight, averageScore: measured.length ? round(measured.reduce((a, b) => a + b, 0) / measured.length) : 0, measured: measured.length };
    })
    .filter((c) => c.measured > 0)
    .sort((a, b) => a.averageScore - b.averageScore || b.weight - a.weight);

  const windowBusFactor = new Map(repositories.map((r) => [r.name, results.get(r.name)?.busFactor.window.factor ?? null]));
  const research: OrganizationResearch = {
    owner: { host, login: ownerRow.login, kind: ownerRow.kind, name: ownerRow.name, description: ownerRow.description },
    options: { windowMonths, windowStart: isoTime(windowStart), now: isoTime(now) },
    analyzedAt: isoTime(now),
    sync: { listedAt: ownerRow.listed_at, syncedAt: ownerRow.synced_at },
    totals: {
      repositories: summaries.length,
      ranked: ranked.length,
      archived: summaries.filter((s) => s.isArchived).length,
      forks: summaries.filter((s) => s.isFork).length,
      empty: summaries.filter((s) => s.isEmpty).length,
      active: summaries.filter((s) => s.pushedAt !== null && Date.parse(s.pushedAt) / 1000 >= now - 90 * SECONDS.DAY).length,
      dormant: summaries.filter((s) => s.pushedAt === null || Date.parse(s.pushedAt) / 1000 < now - 365 * SECONDS.DAY).length,
      stars: repositories.reduce((s, r) => s + r.stars, 0),
      openIssues: repositories.reduce((s, r) => s + r.open_issues, 0),
      openPullRequests: repositories.reduce((s, r) => s + r.open_pull_requests, 0),
      contributors: store.db
        .prepare(
          `select count(distinct gc.account_id) from github_contributions gc join github_accounts a on a.id = gc.account_id and a.is_bot = 0
             join github_repositories g on g.repo_id = gc.repo_id and g.owner_id = ? and g.removed = 0`,
        )
        .pluck()
        .get(ownerRow.id) as number,
    },
    health: {
      median: scores.length ? medianOf(scores) : null,
      mean: scores.length ? round(scores.reduce((a, b) => a + b, 0) / scores.length) : null,
      grades,
      histogram,
      best: ranked.slice(0, RANKED_SHOWN),
      worst: ranked.slice(-RANKED_SHOWN).reverse(),
      components: componentAverages,
    },
    repositories: summaries,
    languages: languageMix(repositories),
    activity: activityOf(store, ownerRow.id, repositories, now, windowStart, results),
    network: collaborationNetwork(store, ownerRow.login, { host, windowBusFactor }),
    topics: topics(store, ownerRow.login, { host }),
    citations: citations(store, ownerRow.login, { host }),
  };
  store.db
    .prepare(`update github_owners set research_json = ?, researched_at = ? where id = ?`)
    .run(JSON.stringify(research), research.analyzedAt, ownerRow.id);
  return research;
}

/** The stored organization research, or NOT_RESEARCHED with the command to run. */
export function storedOrganizationResearch(store: Store, owner: string, host = 'github.com'): OrganizationResearch {
  const { owner: login } = parseGitHubTarget(owner);
  const row = findOwner(store.db, host, login);
  if (!row) loadOwner(store, login, host);
  const json = row ? (store.db.prepare('select research_json from github_owners where id = ?').pluck().get(row.id) as string | null) : null;
  if (!json) throw new RepoScoutError('NOT_RESEARCHED', `${login} has not been researched yet.`, { remedy: { do: 'research_owner', owner: login } });
  return JSON.parse(json) as OrganizationResearch;
}

/** Researches one stored GitHub repository (ingested with "reposcout ingest owner/repo") and stores the result. */
export function researchGitHubRepositoryByName(store: Store, owner: string, name: string, options: OrganizationResearchOptions = {}): RepositoryResearch {
  const host = options.host ?? 'github.com';
  const row = store.db
    .prepare(`select ${GITHUB_REPOSITORY_COLUMNS} from repositories r join github_repositories g on g.repo_id = r.id where r.key = ?`)
    .get(githubRepositoryKey(host, owner, name)) as GitHubRepositoryRow | undefined;
  if (!row) throw new RepoScoutError('NOT_RESEARCHED', `${owner}/${name} is not stored yet.`, { remedy: { do: 'ingest', target: `${owner}/${name}`, host: host === 'github.com' ? null : host } });
  const windowMonths = options.windowMonths ?? 12;
  const research = researchGitHubRepository(store.db, row, { now: options.now ?? Math.floor(Date.now() / 1000), windowMonths });
  saveResearch(store.db, row.id, row.head_oid ?? 'empty', `github;window=${windowMonths}`, research);
  return research;
}

/** The stored research of one GitHub repository, or NOT_RESEARCHED. */
export function storedGitHubRepositoryResearch(store: Store, owner: string, name: string, host = 'github.com'): RepositoryResearch {
  const repo = findRepositoryByKey(store.db, githubRepositoryKey(host, owner, name));
  const stored = repo ? loadResearch(store.db, repo.id) : null;
  if (!stored) throw new RepoScoutError('NOT_RESEARCHED', `${owner}/${name} has not been researched yet.`, { remedy: { do: 'research_owner', owner } });
  return stored.research;
}

function summarise(row: GitHubRepositoryRow, r: RepositoryResearch): OrganizationRepository {
  const measured = r.health.components.filter((c) => c.score !== null);
  const totalWeight = measured.reduce((s, c) => s + c.weight, 0) || 1;
  const lost = measured
    .map((c) => ({ c, missed: (100 * c.weight) / totalWeight - c.points }))
    .filter((x) => x.missed >= 1)
    .sort((a, b) => b.missed - a.missed);
  const earned = [...measured].filter((c) => (c.score ?? 0) >= 0.75).sort((a, b) => b.points - a.points);
  return {
    name: row.name,
    key: row.key,
    url: row.url,
    description: row.description,
    language: row.primary_language,
    license: r.communityFiles.license?.spdxId ?? null,
    topics: JSON.parse(row.topics_json) as string[],
    stars: row.stars,
    forks: row.forks,
    isArchived: row.is_archived === 1,
    isFork: row.is_fork === 1,
    isEmpty: row.head_oid === null,
    pushedAt: row.pushed_at,
    health: r.health.score,
    grade: r.health.grade,
    busFactor: r.busFactor.window.factor,
    contributors: r.contributors.humans.length,
    commitsInWindow: r.repository.github?.commitsInWindow ?? 0,
    strengths: earned.slice(0, 2).map((c) => `${c.label} ${Math.round((c.score ?? 0) * 100)}%: ${c.detail}`),
    weaknesses: lost.slice(0, 3).map(({ c }) => `${c.label} ${Math.round((c.score ?? 0) * 100)}%: ${c.detail}`),
  };
}

function languageMix(repositories: GitHubRepositoryRow[]): OrganizationResearch['languages'] {
  const bytes = new Map<string, number>();
  const primary = new Map<string, number>();
  for (const r of repositories) {
    for (const l of JSON.parse(r.languages_json) as { name: string; bytes: number }[]) bytes.set(l.name, (bytes.get(l.name) ?? 0) + l.bytes);
    if (r.primary_language) primary.set(r.primary_language, (primary.get(r.primary_language) ?? 0) + 1);
  }
  const total = [...bytes.values()].reduce((a, b) => a + b, 0);
  return [...bytes.entries()]
    .map(([language, b]) => ({ language, bytes: b, share: total > 0 ? round(b / total) : 0, repositories: primary.get(language) ?? 0 }))
    .sort((a, b) => b.bytes - a.bytes || a.language.localeCompare(b.language));
}

function activityOf(store: Store, ownerId: number, repositories: GitHubRepositoryRow[], now: number, windowStart: number, results: Map<string, RepositoryResearch>): OrganizationResearch['activity'] {
  const rows = store.db
    .prepare(
      `select c.committed_at, c.repo_id, c.author_account_id, c.author_name from github_commits c
         join github_repositories g on g.repo_id = c.repo_id and g.owner_id = ? and g.removed = 0
        where c.committed_at >= ?`,
    )
    .all(ownerId, windowStart) as { committed_at: number; repo_id: number; author_account_id: number | null; author_name: string | null }[];
  const byWeek = new Map<number, { commits: number; repos: Set<number>; authors: Set<string> }>();
  for (const r of rows) {
    const w = weekIndex(r.committed_at);
    const e = byWeek.get(w) ?? { commits: 0, repos: new Set<number>(), authors: new Set<string>() };
    e.commits += 1;
    e.repos.add(r.repo_id);
    e.authors.add(String(r.author_account_id ?? r.author_name));
    byWeek.set(w, e);
  }
  const weeks = [];
  for (let w = weekIndex(windowStart); w <= weekIndex(now); w++) {
    const e = byWeek.get(w);
    weeks.push({ week: weekStart(w), commits: e?.commits ?? 0, repositories: e?.repos.size ?? 0, authors: e?.authors.size ?? 0 });
  }
  const count = (sql: string) => store.db.prepare(sql).pluck().get(ownerId, windowStart) as number;
  return {
    weeks,
    commitsInWindow: rows.length,
    commitsInWindowReported: repositories.reduce((s, r) => s + (results.get(r.name)?.repository.github?.commitsInWindow ?? 0), 0),
    pullRequestsMergedInWindow: count(`select count(*) from pull_requests p join github_repositories g on g.repo_id = p.repo_id and g.owner_id = ? and g.removed = 0 where p.source = 'github' and p.merged_at >= ?`),
    issuesOpenedInWindow: count(`select count(*) from github_issues i join github_repositories g on g.repo_id = i.repo_id and g.owner_id = ? and g.removed = 0 where i.created_at >= ?`),
    releasesInWindow: count(`select count(*) from github_releases x join github_repositories g on g.repo_id = x.repo_id and g.owner_id = ? and g.removed = 0 where x.published_at >= ?`),
  };
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

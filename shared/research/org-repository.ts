import { busFactor } from '../analyses/bus-factor';
import { detectCommunityFiles } from '../analyses/community-files';
import { healthScore, type HealthInput } from '../analyses/health';
import { isoTime, monthsBefore, SECONDS, weekIndex, weekStart } from '../analyses/time';
import type { Db } from '../store/open';
import type { ContributorStats, GitHubHealthInputs, RepositoryResearch, WeeklyActivity } from './types';

/** One GitHub repository's stored rows, as the org research reads them. */
export interface GitHubRepositoryRow {
  id: number;
  key: string;
  owner: string;
  name: string;
  description: string | null;
  default_branch: string | null;
  head_oid: string | null;
  url: string | null;
  is_fork: number;
  is_archived: number;
  stars: number;
  forks: number;
  open_issues: number;
  open_pull_requests: number;
  merged_pull_requests: number;
  releases: number;
  primary_language: string | null;
  license_spdx: string | null;
  gh_created_at: string | null;
  pushed_at: string | null;
  topics_json: string;
  languages_json: string;
  community_json: string;
}

export const GITHUB_REPOSITORY_COLUMNS = `r.id, r.key, r.owner, r.name, r.description, r.default_branch, g.head_oid, g.url, g.is_fork, g.is_archived,
  g.stars, g.forks, g.open_issues, g.open_pull_requests, g.merged_pull_requests, g.releases, g.primary_language, g.license_spdx,
  g.gh_created_at, g.pushed_at, g.topics_json, g.languages_json, g.community_json`;

const HOUR = 3600;

type Statements = (source: string) => ReturnType<Db['prepare']>;
const cachedStatements = new WeakMap<Db, Map<string, ReturnType<Db['prepare']>>>();

/**
 * Statements prepared once per database: an organization's research runs the same handful
 * of queries for each of its (thousands of) repositories, and preparing them each time
 * cost more than running them.
 */
function statementsFor(db: Db): Statements {
  let cache = cachedStatements.get(db);
  if (!cache) {
    cache = new Map();
    cachedStatements.set(db, cache);
  }
  const known = cache;
  return (source) => {
    let statement = known.get(source);
    if (!statement) {
      statement = db.prepare(source);
      known.set(source, statement);
    }
    return statement;
  };
}
const unixOf = (iso: string | null) => (iso ? Math.floor(Date.parse(iso) / 1000) : null);

/**
 * The research result of one GitHub repository, computed from what the ingest stored:
 * the same shape (and the same health formula) as a local clone's, with the API-only
 * components measured and history-only parts (hotspots, merge reconstruction) left empty.
 */
export function researchGitHubRepository(db: Db, row: GitHubRepositoryRow, { now, windowMonths }: { now: number; windowMonths: number }): RepositoryResearch {
  const windowStart = monthsBefore(now, windowMonths);
  const sql = statementsFor(db);
  const commits = sql(
      `select c.committed_at, c.additions, c.deletions, c.author_account_id, coalesce(a.login, c.author_name, 'unknown') as who, coalesce(a.is_bot, 0) as is_bot
         from github_commits c left join github_accounts a on a.id = c.author_account_id
        where c.repo_id = ? and c.committed_at >= ? order by c.committed_at`,
    )
    .all(row.id, windowStart) as { committed_at: number; additions: number; deletions: number; author_account_id: number | null; who: string; is_bot: number }[];
  const contributions = sql(
      `select a.login, a.is_bot, gc.contributions from github_contributions gc join github_accounts a on a.id = gc.account_id
        where gc.repo_id = ? order by gc.contributions desc, a.login`,
    )
    .all(row.id) as { login: string; is_bot: number; contributions: number }[];

  // Contributors: all-time counts from GitHub, window detail from the commits read.
  const byLogin = new Map<string, ContributorStats>();
  const stat = (login: string, isBotFlag: boolean): ContributorStats => {
    let s = byLogin.get(login.toLowerCase());
    if (!s) {
      s = { login, name: login, email: '', isBot: isBotFlag, commits: 0, merges: 0, additions: 0, deletions: 0, firstCommitAt: '', lastCommitAt: '', activeWeeks: 0, commitsInWindow: 0 };
      byLogin.set(login.toLowerCase(), s);
    }
    return s;
  };
  for (const c of contributions) stat(c.login, c.is_bot === 1).commits = c.contributions;
  const weeksByLogin = new Map<string, Set<number>>();
  // Commits come oldest first: a contributor's first is the first seen, the last the last seen
  // (formatted once per contributor, not once per commit).
  const span = new Map<ContributorStats, { first: number; last: number }>();
  for (const c of commits) {
    const s = stat(c.who, c.is_bot === 1);
    s.commitsInWindow += 1;
    s.additions += c.additions;
    s.deletions += c.deletions;
    const known = span.get(s);
    if (known) known.last = c.committed_at;
    else span.set(s, { first: c.committed_at, last: c.committed_at });
    const weeks = weeksByLogin.get(c.who.toLowerCase()) ?? new Set<number>();
    weeks.add(weekIndex(c.committed_at));
    weeksByLogin.set(c.who.toLowerCase(), weeks);
  }
  for (const [login, weeks] of weeksByLogin) {
    const s = byLogin.get(login);
    if (s) s.activeWeeks = weeks.size;
  }
  for (const [s, { first, last }] of span) {
    s.firstCommitAt = isoTime(first);
    s.lastCommitAt = isoTime(last);
  }
  for (const s of byLogin.values()) s.commits = Math.max(s.commits, s.commitsInWindow);
  const all = [...byLogin.values()].sort((a, b) => b.commits - a.commits || a.name.localeCompare(b.name));
  const humans = all.filter((c) => !c.isBot);
  const bots = all.filter((c) => c.isBot);

  const pushedAt = unixOf(row.pushed_at);
  const lastCommit = commits.at(-1)?.committed_at ?? pushedAt ?? unixOf(row.gh_created_at) ?? now;
  const weeks = weeklySeries(commits, now, windowStart);
  const last26 = weekIndex(now) - 25;
  const activeWeeksLast26 = new Set(commits.filter((c) => weekIndex(c.committed_at) >= last26).map((c) => weekIndex(c.committed_at))).size;
  const commitsLast90Days = commits.filter((c) => c.committed_at >= now - 90 * SECONDS.DAY).length;

  const root = JSON.parse(row.community_json) as { root?: string[]; tree?: string[] };
  const tree = (root.tree ?? root.root ?? []).filter((p) => !p.endsWith('/')).sort();
  const { licensePath, ...files } = detectCommunityFiles(tree.map((path) => ({ path, size: null })));
  const spdx = row.license_spdx && row.license_spdx !== 'NOASSERTION' ? row.license_spdx : null;
  const license = licensePath || row.license_spdx ? { path: licensePath ?? 'LICENSE', spdxId: spdx } : null;

  const inputs = githubHealthInputs(sql, row, now, windowStart, commitsLast90Days);
  const prRows = sql(
      `select p.number, p.title, p.merged_at, p.head_ref, p.additions, p.deletions, p.files_changed, p.first_response_at, a.login
         from pull_requests p left join github_accounts a on a.id = p.author_account_id
        where p.repo_id = ? and p.source = 'github' and p.merged_at is not null order by p.merged_at desc`,
    )
    .all(row.id) as { number: number; title: string; merged_at: number; head_ref: string | null; additions: number; deletions: number; files_changed: number; first_response_at: number | null; login: string | null }[];
  const mergedInWindow = prRows.filter((p) => p.merged_at >= windowStart);
  const releaseRows = sql('select tag_name, published_at from github_releases where repo_id = ? order by published_at desc nulls last, tag_name desc').all(row.id) as { tag_name: string; published_at: number | null }[];
  const latestRelease = releaseRows[0];

  const topics = JSON.parse(row.topics_json) as string[];
  const languages = JSON.parse(row.languages_json) as { name: string; bytes: number }[];
  const totalBytes = languages.reduce((s, l) => s + l.bytes, 0);
  const commitsTotal = Number(sql(`select value from sync_state where repo_id = ? and kind = 'github.commits.total'`).pluck().get(row.id) ?? commits.length);

  const partial: Omit<RepositoryResearch, 'health'> = {
    repository: {
      source: 'github',
      key: row.key,
      name: row.name,
      path: row.url,
      headSha: row.head_oid ?? '',
      defaultBranch: row.default_branch,
      isShallow: false,
      analyzedAt: isoTime(now),
      github: {
        owner: row.owner,
        url: row.url,
        description: row.description,
        stars: row.stars,
        forks: row.forks,
        openIssues: row.open_issues,
        openPullRequests: row.open_pull_requests,
        topics,
        primaryLanguage: row.primary_language,
        license: spdx,
        isArchived: row.is_archived === 1,
        isFork: row.is_fork === 1,
        createdAt: row.gh_created_at,
        pushedAt: row.pushed_at,
        commitsInWindow: commitsTotal,
      },
    },
    options: { windowMonths, windowStart: isoTime(windowStart), now: isoTime(now) },
    contributors: { humans, bots },
    busFactor: {
      windowMonths,
      window: busFactor(humans.map((c) => ({ name: c.name, email: c.login ?? c.name, commits: c.commitsInWindow }))),
      allTime: busFactor(humans.map((c) => ({ name: c.name, email: c.login ?? c.name, commits: c.commits }))),
    },
    activity: {
      totalCommits: all.reduce((s, c) => s + c.commits, 0),
      totalMerges: 0,
      firstCommitAt: row.gh_created_at ?? '',
      lastCommitAt: isoTime(lastCommit),
      daysSinceLastCommit: Math.max(0, Math.floor((now - lastCommit) / SECONDS.DAY)),
      commitsLast90Days,
      activeWeeksLast26,
      weeks,
    },
    hotspots: [],
    languages: languages.map((l) => ({ language: l.name, files: 0, bytes: l.bytes, share: totalBytes > 0 ? l.bytes / totalBytes : 0 })),
    communityFiles: { ...files, license },
    pullRequests: {
      total: Math.max(row.merged_pull_requests, prRows.length),
      merge: 0,
      squash: 0,
      inWindow: mergedInWindow.length,
      // Scorecard Code-Review on GitHub: merged pull requests that someone other than the author answered or reviewed.
      reviewedShare: mergedInWindow.length === 0 ? null : mergedInWindow.filter((p) => p.first_response_at !== null).length / mergedInWindow.length,
      recent: prRows.slice(0, 10).map((p) => ({
        number: p.number,
        source: 'github' as const,
        title: p.title,
        author: p.login ? { name: p.login, email: '' } : null,
        mergedAt: isoTime(p.merged_at),
        sha: null,
        headRef: p.head_ref,
        additions: p.additions,
        deletions: p.deletions,
        filesChanged: p.files_changed,
        files: [],
      })),
    },
    releases: {
      source: 'github-releases',
      tags: Math.max(row.releases, releaseRows.length),
      last365Days: releaseRows.filter((r) => r.published_at !== null && r.published_at >= now - 365 * SECONDS.DAY).length,
      latest: latestRelease ? { name: latestRelease.tag_name, date: latestRelease.published_at === null ? null : isoTime(latestRelease.published_at) } : null,
    },
    githubInputs: inputs,
  };
  const input: HealthInput = { ...partial, ...inputs };
  return { ...partial, health: healthScore(input) };
}

function weeklySeries(commits: { committed_at: number; who: string }[], now: number, windowStart: number): WeeklyActivity[] {
  const start = weekIndex(windowStart);
  const end = weekIndex(now);
  const byWeek = new Map<number, { commits: number; authors: Set<string> }>();
  for (const c of commits) {
    const w = weekIndex(c.committed_at);
    const entry = byWeek.get(w) ?? { commits: 0, authors: new Set<string>() };
    entry.commits += 1;
    entry.authors.add(c.who);
    byWeek.set(w, entry);
  }
  const weeks: WeeklyActivity[] = [];
  for (let w = start; w <= end; w++) weeks.push({ week: weekStart(w), commits: byWeek.get(w)?.commits ?? 0, authors: byWeek.get(w)?.authors.size ?? 0 });
  return weeks;
}

/** Responsiveness, change-request closure and maintenance, from stored issues and pull requests. */
function githubHealthInputs(sql: Statements, row: GitHubRepositoryRow, now: number, windowStart: number, commitsLast90Days: number): GitHubHealthInputs {
  const items = sql(
      `select i.created_at, i.closed_at, i.first_response_at from github_issues i left join github_accounts a on a.id = i.author_account_id
        where i.repo_id = ? and i.created_at >= ? and coalesce(a.is_bot, 0) = 0
       union all
       select p.created_at, p.closed_at, p.first_response_at from pull_requests p left join github_accounts a on a.id = p.author_account_id
        where p.repo_id = ? and p.source = 'github' and p.created_at >= ? and coalesce(a.is_bot, 0) = 0`,
    )
    .all(row.id, windowStart, row.id, windowStart) as { created_at: number; closed_at: number | null; first_response_at: number | null }[];
  // CHAOSS time to first response: the first answer or closing by someone else; an unanswered
  // item counts at its age so far, so silence makes the median worse rather than invisible.
  let unanswered = 0;
  const hours = items.map((i) => {
    const answered = [i.first_response_at, i.closed_at].filter((t): t is number => t !== null);
    if (answered.length === 0) unanswered += 1;
    const at = answered.length > 0 ? Math.min(...answered) : now;
    return Math.max(0, at - i.created_at) / HOUR;
  });
  const prs = sql(
      `select created_at, closed_at, merged_at from pull_requests where repo_id = ? and source = 'github' and (created_at >= ? or closed_at >= ?)`,
    )
    .all(row.id, windowStart, windowStart) as { created_at: number; closed_at: number | null; merged_at: number | null }[];
  const since90 = now - 90 * SECONDS.DAY;
  const actions = (
    sql(
        `select (select count(*) from github_issues where repo_id = @repo and (closed_at >= @since or first_response_at >= @since))
              + (select count(*) from pull_requests where repo_id = @repo and source = 'github' and (closed_at >= @since or first_response_at >= @since)) as n`,
      )
      .get({ repo: row.id, since: since90 }) as { n: number }
  ).n;
  return {
    responsiveness: hours.length === 0 ? null : { medianHoursToFirstResponse: median(hours), sampled: hours.length, unanswered },
    changeRequests: {
      opened: prs.filter((p) => p.created_at >= windowStart).length,
      closed: prs.filter((p) => p.closed_at !== null && p.closed_at >= windowStart).length,
      merged: prs.filter((p) => p.merged_at !== null && p.merged_at >= windowStart).length,
    },
    maintenance: { archived: row.is_archived === 1, commitsLast90Days, maintainerActionsLast90Days: actions },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

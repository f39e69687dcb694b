import type { ContributorStats } from '../research/types';
import { defineAnalysis, PUBLISHED_TOP } from './analysis';
import type { AnalysisContext } from './context';
import type { GitHubSource } from './sources';
import { isoTime, SECONDS, weekIndex } from './time';

interface ContributorRow {
  name: string;
  email: string;
  is_bot: number;
  commits: number;
  merges: number;
  additions: number;
  deletions: number;
  first_at: number;
  last_at: number;
  active_weeks: number;
  in_window: number;
}

/**
 * Per-author totals after .mailmap, most commits first. Commits and lines count
 * non-merge commits only (a merge's diff is its branch's work, already counted).
 */
export function contributors(ctx: AnalysisContext): { humans: ContributorStats[]; bots: ContributorStats[] } {
  const rows = ctx.db
    .prepare(
      `select p.name, p.email, p.is_bot,
              sum(c.parent_count <= 1) as commits,
              sum(c.parent_count > 1) as merges,
              sum(case when c.parent_count <= 1 then c.additions else 0 end) as additions,
              sum(case when c.parent_count <= 1 then c.deletions else 0 end) as deletions,
              min(c.authored_at) as first_at,
              max(c.authored_at) as last_at,
              count(distinct (c.authored_at + ${3 * SECONDS.DAY}) / ${SECONDS.WEEK}) as active_weeks,
              sum(c.parent_count <= 1 and c.authored_at >= ?) as in_window
         from commits c join people p on p.id = c.author_id
        where c.repo_id = ?
        group by p.id
        order by commits desc, p.email`,
    )
    .all(ctx.windowStart, ctx.repoId) as ContributorRow[];
  const all = rows.map(
    (row): ContributorStats => ({
      name: row.name,
      email: row.email,
      isBot: row.is_bot === 1,
      commits: row.commits,
      merges: row.merges,
      additions: row.additions,
      deletions: row.deletions,
      firstCommitAt: isoTime(row.first_at),
      lastCommitAt: isoTime(row.last_at),
      activeWeeks: row.active_weeks,
      commitsInWindow: row.in_window,
    }),
  );
  return { humans: all.filter((c) => !c.isBot), bots: all.filter((c) => c.isBot) };
}

/**
 * Contributors of a GitHub repository: all-time counts from GitHub's contributor list,
 * window detail (lines, weeks, first and last commit) from the window's commits.
 */
export function contributorsFromGitHub({ sql, row, commits }: GitHubSource): { humans: ContributorStats[]; bots: ContributorStats[] } {
  const contributions = sql(
    `select a.login, a.is_bot, gc.contributions from github_contributions gc join github_accounts a on a.id = gc.account_id
      where gc.repo_id = ? order by gc.contributions desc, a.login`,
  ).all(row.id) as { login: string; is_bot: number; contributions: number }[];
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
  return { humans: all.filter((c) => !c.isBot), bots: all.filter((c) => c.isBot) };
}

export const contributorsAnalysis = defineAnalysis({
  name: 'contributors',
  publish: (c) => ({ humans: c.humans.length, bots: c.bots.length, top: c.humans.slice(0, PUBLISHED_TOP).map(({ isBot: _isBot, ...person }) => person) }),
  needs: 'both',
  local: ({ ctx }) => contributors(ctx),
  github: contributorsFromGitHub,
});

// GitHub's pull-request search (`search(type: ISSUE, query: "author:x is:pr is:merged merged:a..b")`)
// in GitHub's response shapes, over a SyntheticOrg's pull requests. Files, the first commit
// and closing issues are derived deterministically from each synthetic PR, because the
// synthetic data does not carry them. Like GitHub, a search returns at most 1,000 results.
import type { SynthPullRequest, SynthRepo, SyntheticOrg } from './synthetic';

const SEARCH_CAP = 1_000;
type Vars = Record<string, unknown>;

interface Parsed {
  author: string | null;
  merged: { from: number; to: number } | null;
  owners: string[];
  repos: string[];
}

/** Reads the qualifiers RepoScout uses; anything else in the query is ignored, as free text would be. */
export function parseSearchQuery(q: string): Parsed {
  const parsed: Parsed = { author: null, merged: null, owners: [], repos: [] };
  for (const token of q.split(/\s+/)) {
    const [key, ...rest] = token.split(':');
    const value = rest.join(':');
    if (key === 'author') parsed.author = value.toLowerCase();
    else if (key === 'user' || key === 'org') parsed.owners.push(value.toLowerCase());
    else if (key === 'repo') parsed.repos.push(value.toLowerCase());
    else if (key === 'merged') {
      const range = /^(.+)\.\.(.+)$/.exec(value);
      const ge = /^>=(.+)$/.exec(value);
      if (range) parsed.merged = { from: Date.parse(range[1]!), to: Date.parse(range[2]!) };
      else if (ge) parsed.merged = { from: Date.parse(ge[1]!), to: Infinity };
    }
  }
  return parsed;
}

const encode = (i: number) => Buffer.from(`search:${i}`).toString('base64');
const decode = (c: unknown) => (typeof c === 'string' ? Number(/search:(\d+)/.exec(Buffer.from(c, 'base64').toString())?.[1] ?? -1) : -1);

/** Files a synthetic PR touched: source files in its repository's language, a test file for half of them. */
export function pullFiles(repo: SynthRepo, pr: SynthPullRequest): { path: string; additions: number; deletions: number }[] {
  const ext = { Python: 'py', TypeScript: 'ts', Go: 'go', Rust: 'rs', JavaScript: 'js', 'C++': 'cpp' }[repo.languages[0]?.name ?? ''] ?? 'txt';
  const n = Math.max(1, pr.changedFiles);
  return Array.from({ length: n }, (_, i) => {
    const path = i === 1 && pr.number % 2 === 0 ? `tests/test_${pr.number}.${ext}` : `src/module_${(pr.number + i) % 17}/part_${i}.${ext}`;
    return { path, additions: Math.max(0, Math.round(pr.additions / n)), deletions: Math.max(0, Math.round(pr.deletions / n)) };
  });
}

function pullNode(org: SyntheticOrg, repo: SynthRepo, pr: SynthPullRequest, fileLimit: number): unknown {
  const files = pullFiles(repo, pr);
  const firstCommit = new Date(Date.parse(pr.createdAt) - (1 + (pr.number % 48)) * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const bug = pr.labels.includes('bug');
  return {
    __typename: 'PullRequest',
    number: pr.number,
    title: pr.title,
    url: `https://github.com/${org.login}/${repo.name}/pull/${pr.number}`,
    createdAt: pr.createdAt,
    mergedAt: pr.mergedAt,
    updatedAt: pr.updatedAt,
    additions: pr.additions,
    deletions: pr.deletions,
    author: { __typename: 'User', login: pr.author },
    repository: { nameWithOwner: `${org.login}/${repo.name}` },
    labels: { nodes: pr.labels.map((name) => ({ name })) },
    files: { totalCount: files.length, pageInfo: { hasNextPage: files.length > fileLimit, endCursor: files.length > fileLimit ? encode(fileLimit - 1) : null }, nodes: files.slice(0, fileLimit) },
    commits: { totalCount: 1 + (pr.number % 5), nodes: [{ commit: { authoredDate: firstCommit } }] },
    reviews: { totalCount: pr.reviews.length, nodes: pr.reviews.map((r) => ({ author: { __typename: r.type, login: r.login }, state: 'APPROVED', submittedAt: r.createdAt })) },
    comments: { totalCount: pr.comments.length, nodes: pr.comments.map((c) => ({ author: { __typename: c.type, login: c.login }, createdAt: c.createdAt })) },
    closingIssuesReferences: { nodes: bug ? [{ number: Math.max(1, pr.number - 1), labels: { nodes: [{ name: 'bug' }] } }] : [] },
  };
}

/** Answers AchievementSearch and PullRequestFiles, or null for another operation. */
export function answerAchievementQuery(orgs: SyntheticOrg[], operation: string | undefined, query: string, vars: Vars, rate: (cost: number) => unknown): { body: unknown; cost: number } | null {
  const fileLimit = Number(/files\(first:\s*(\d+)/.exec(query)?.[1] ?? 100);
  if (operation === 'AchievementSearch') {
    const q = parseSearchQuery(String(vars.q ?? ''));
    // GitHub refuses a search for a login it does not know (with type INVALID, search null).
    const known = (login: string) => orgs.some((o) => o.people.includes(login) || o.repos.some((r) => r.pulls.some((p) => p.author.toLowerCase() === login) || r.contributors.some((c) => c.login.toLowerCase() === login)));
    if (q.author !== null && !known(q.author)) {
      return { cost: 1, body: { data: { rateLimit: rate(1), search: null }, errors: [{ type: 'INVALID', path: ['search'], message: `The listed users cannot be searched either because the users do not exist or you do not have permission to view the users.` }] } };
    }
    const first = Number(/search\([^)]*first:\s*(\d+)/.exec(query)?.[1] ?? 100);
    const hits: { org: SyntheticOrg; repo: SynthRepo; pr: SynthPullRequest }[] = [];
    for (const org of orgs) {
      if (q.owners.length > 0 && !q.owners.includes(org.login.toLowerCase())) continue;
      for (const repo of org.repos) {
        if (q.repos.length > 0 && !q.repos.includes(`${org.login}/${repo.name}`.toLowerCase())) continue;
        for (const pr of repo.pulls) {
          if (pr.state !== 'MERGED' || pr.mergedAt === null) continue;
          if (q.author !== null && pr.author.toLowerCase() !== q.author) continue;
          const at = Date.parse(pr.mergedAt);
          if (q.merged && (at < q.merged.from || at > q.merged.to)) continue;
          hits.push({ org, repo, pr });
        }
      }
    }
    hits.sort((a, b) => Date.parse(a.pr.mergedAt!) - Date.parse(b.pr.mergedAt!) || a.pr.number - b.pr.number);
    const visible = hits.slice(0, SEARCH_CAP);
    const start = vars.cursor ? decode(vars.cursor) + 1 : 0;
    const page = visible.slice(start, start + first);
    const end = start + page.length - 1;
    const cost = Math.max(1, Math.round((first * (1 + fileLimit + 60)) / 100 / 100) || 1);
    return {
      cost,
      body: {
        data: {
          rateLimit: rate(cost),
          search: {
            issueCount: hits.length,
            pageInfo: { hasNextPage: end < visible.length - 1, endCursor: page.length ? encode(end) : null },
            nodes: page.map((h) => pullNode(h.org, h.repo, h.pr, fileLimit)),
          },
        },
      },
    };
  }
  if (operation === 'PullRequestFiles') {
    const org = orgs.find((o) => o.login.toLowerCase() === String(vars.owner).toLowerCase());
    const repo = org?.repo(String(vars.name));
    const pr = repo?.pulls.find((p) => p.number === Number(vars.number));
    if (!org || !repo || !pr) return { cost: 1, body: { data: { rateLimit: rate(1), repository: null }, errors: [{ type: 'NOT_FOUND', path: ['repository'], message: 'Could not resolve to a Repository.' }] } };
    const files = pullFiles(repo, pr);
    const start = vars.cursor ? decode(vars.cursor) + 1 : 0;
    const page = files.slice(start, start + fileLimit);
    const end = start + page.length - 1;
    return {
      cost: 1,
      body: { data: { rateLimit: rate(1), repository: { pullRequest: { files: { totalCount: files.length, pageInfo: { hasNextPage: end < files.length - 1, endCursor: page.length ? encode(end) : null }, nodes: page } } } } },
    };
  }
  return null;
}

/**
 * Gives `login` `count` merged pull requests spread evenly over the organization's
 * repositories (for the achievements tests and benchmark), deterministic by index.
 */
export function addAuthoredPulls(org: SyntheticOrg, login: string, count: number, options: { from?: string; days?: number; filesEvery?: number } = {}): void {
  const from = Date.parse(options.from ?? '2025-06-01T00:00:00Z');
  const days = options.days ?? 360;
  const repos = org.repos.filter((r) => !r.isEmpty);
  for (let i = 0; i < count; i += 1) {
    const repo = repos[i % repos.length]!;
    const created = from + Math.floor((i / count) * days * 86_400_000);
    const merged = created + (2 + (i % 30)) * 3_600_000;
    const number = 10_000 + i;
    const iso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
    repo.pulls.push({
      number,
      title: `${['Fix', 'Add', 'Speed up', 'Refactor', 'Document'][i % 5]} ${['parser', 'cache', 'router', 'index', 'loader'][i % 5]} ${i}`,
      state: 'MERGED',
      author: login,
      createdAt: iso(created),
      updatedAt: iso(merged),
      closedAt: iso(merged),
      mergedAt: iso(merged),
      labels: i % 4 === 0 ? ['bug'] : [],
      comments: i % 3 === 0 ? [{ login: 'reviewer-a', type: 'User', createdAt: iso(created + 3_600_000) }] : [],
      reviews: [{ login: i % 2 === 0 ? 'reviewer-a' : 'reviewer-b', type: 'User', createdAt: iso(created + 2 * 3_600_000) }],
      additions: 10 + (i % 300),
      deletions: i % 90,
      changedFiles: options.filesEvery && i % options.filesEvery === 0 ? 150 : 1 + (i % 8),
      headRefName: `work-${i}`,
    });
  }
}

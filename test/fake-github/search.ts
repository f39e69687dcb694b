// GitHub's pull-request search (`search(type: ISSUE, query: "author:x is:pr is:merged merged:a..b")`,
// also `reviewed-by:`, `-author:` and `updated:>=`) in GitHub's response shapes, over a
// SyntheticOrg's pull requests; the next pages of a PR's nested connections (files, reviews,
// comments, labels, closing issues) with pageInfo cursors; and the user/owner/repository lookups
// that explain a refused search. Files, the first commit and closing issues are derived
// deterministically from each synthetic PR where the synthetic data does not carry them. Like
// GitHub, a search returns at most 1,000 results, and leaves out repositories the token cannot read.
import type { SynthPullRequest, SynthRepo, SyntheticOrg } from './synthetic';

const SEARCH_CAP = 1_000;
type Vars = Record<string, unknown>;
type Rate = (cost: number) => unknown;

interface Parsed {
  author: string | null;
  notAuthor: string | null;
  reviewedBy: string | null;
  merged: { from: number; to: number } | null;
  updatedSince: number | null;
  owners: string[];
  repos: string[];
}

/** Reads the qualifiers RepoScout uses; anything else in the query is ignored, as free text would be. */
export function parseSearchQuery(q: string): Parsed {
  const parsed: Parsed = { author: null, notAuthor: null, reviewedBy: null, merged: null, updatedSince: null, owners: [], repos: [] };
  for (const token of q.split(/\s+/)) {
    const [key, ...rest] = token.split(':');
    const value = rest.join(':');
    if (key === 'author') parsed.author = value.toLowerCase();
    else if (key === '-author') parsed.notAuthor = value.toLowerCase();
    else if (key === 'reviewed-by') parsed.reviewedBy = value.toLowerCase();
    else if (key === 'user' || key === 'org') parsed.owners.push(value.toLowerCase());
    else if (key === 'repo') parsed.repos.push(value.toLowerCase());
    else if (key === 'updated') {
      const ge = /^>=(.+)$/.exec(value);
      if (ge) parsed.updatedSince = Date.parse(ge[1]!);
    } else if (key === 'merged') {
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

/** Every node of each paged connection of a synthetic PR, in GitHub's node shapes. */
function connections(repo: SynthRepo, pr: SynthPullRequest): Record<string, unknown[]> {
  const closing = pr.closingIssues ?? (pr.labels.includes('bug') ? [{ number: Math.max(1, pr.number - 1), labels: ['bug'] }] : []);
  return {
    files: pullFiles(repo, pr),
    reviews: pr.reviews.map((r) => ({ author: { __typename: r.type, login: r.login }, state: 'APPROVED', submittedAt: r.createdAt })),
    comments: pr.comments.map((c) => ({ author: { __typename: c.type, login: c.login }, createdAt: c.createdAt })),
    labels: pr.labels.map((name) => ({ name })),
    closingIssuesReferences: closing.map((i) => ({ number: i.number, labels: { nodes: i.labels.map((name) => ({ name })) } })),
  };
}
const COUNTED = new Set(['files', 'reviews', 'comments']);

/** One page of a connection from offset `start`, as GitHub shapes it (totalCount only where RepoScout asks for it). */
function connectionPage(name: string, all: unknown[], start: number, first: number): unknown {
  const page = all.slice(start, start + first);
  const end = start + page.length - 1;
  return {
    ...(COUNTED.has(name) ? { totalCount: all.length } : {}),
    pageInfo: { hasNextPage: end < all.length - 1, endCursor: page.length ? encode(end) : null },
    nodes: page,
  };
}

/** The `first:` of a connection as the query text asks for it. */
const firstOf = (query: string, name: string, fallback: number) => Number(new RegExp(`\\b${name}\\(first:\\s*(\\d+)`).exec(query)?.[1] ?? fallback);

function pullNode(org: SyntheticOrg, repo: SynthRepo, pr: SynthPullRequest, query: string): unknown {
  const all = connections(repo, pr);
  const firstCommit = new Date(Date.parse(pr.createdAt) - (1 + (pr.number % 48)) * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
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
    author: { __typename: pr.author.endsWith('[bot]') ? 'Bot' : 'User', login: pr.author },
    repository: { nameWithOwner: `${org.login}/${repo.name}` },
    labels: connectionPage('labels', all.labels!, 0, firstOf(query, 'labels', 100)),
    files: connectionPage('files', all.files!, 0, firstOf(query, 'files', 100)),
    commits: { totalCount: 1 + (pr.number % 5), nodes: [{ commit: { authoredDate: firstCommit } }] },
    reviews: connectionPage('reviews', all.reviews!, 0, firstOf(query, 'reviews', 100)),
    comments: connectionPage('comments', all.comments!, 0, firstOf(query, 'comments', 100)),
    closingIssuesReferences: connectionPage('closingIssuesReferences', all.closingIssuesReferences!, 0, firstOf(query, 'closingIssuesReferences', 100)),
  };
}

/** A merged PR by someone else, with only `login`'s reviews (the `reviews(author:)` argument). */
function reviewedNode(org: SyntheticOrg, repo: SynthRepo, pr: SynthPullRequest, login: string): unknown {
  const mine = pr.reviews.filter((r) => r.login.toLowerCase() === login.toLowerCase());
  return {
    __typename: 'PullRequest',
    number: pr.number,
    title: pr.title,
    url: `https://github.com/${org.login}/${repo.name}/pull/${pr.number}`,
    mergedAt: pr.mergedAt,
    author: { __typename: pr.author.endsWith('[bot]') ? 'Bot' : 'User', login: pr.author },
    repository: { nameWithOwner: `${org.login}/${repo.name}` },
    reviews: { totalCount: mine.length, nodes: mine.slice(0, 1).map((r) => ({ submittedAt: r.createdAt })) },
  };
}

const readable = (repo: SynthRepo) => !repo.unreadable;
const findRepo = (orgs: SyntheticOrg[], owner: unknown, name: unknown) => {
  const repo = orgs.find((o) => o.login.toLowerCase() === String(owner).toLowerCase())?.repo(String(name));
  return repo && readable(repo) ? repo : undefined;
};
/** Logins GitHub would know: the org's people, PR authors, reviewers and commenters, contributors. */
function knownLogin(orgs: SyntheticOrg[], login: string): boolean {
  const l = login.toLowerCase();
  return orgs.some(
    (o) =>
      o.people.includes(l) ||
      o.repos.some((r) => r.contributors.some((c) => c.login.toLowerCase() === l) || r.pulls.some((p) => p.author.toLowerCase() === l || p.reviews.some((x) => x.login.toLowerCase() === l) || p.comments.some((x) => x.login.toLowerCase() === l))),
  );
}

const refuse = (rate: Rate, message: string) => ({ cost: 1, body: { data: { rateLimit: rate(1), search: null }, errors: [{ type: 'INVALID', path: ['search'], message }] } });

function answerSearch(orgs: SyntheticOrg[], operation: string, query: string, vars: Vars, rate: Rate): { body: unknown; cost: number } {
  const q = parseSearchQuery(String(vars.q ?? ''));
  // GitHub refuses a search naming a login, owner or repository it does not know or the token cannot read (type INVALID, search null).
  const people = [q.author, q.reviewedBy].filter((x): x is string => x !== null);
  if (people.some((p) => !knownLogin(orgs, p)) || q.owners.some((o) => !orgs.some((x) => x.login.toLowerCase() === o))) {
    return refuse(rate, 'The listed users cannot be searched either because the users do not exist or you do not have permission to view the users.');
  }
  if (q.repos.some((full) => !findRepo(orgs, full.split('/')[0], full.split('/')[1]))) {
    return refuse(rate, 'The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.');
  }
  const first = Number(/search\([^)]*first:\s*(\d+)/.exec(query)?.[1] ?? 100);
  const hits: { org: SyntheticOrg; repo: SynthRepo; pr: SynthPullRequest }[] = [];
  for (const org of orgs) {
    if (q.owners.length > 0 && !q.owners.includes(org.login.toLowerCase())) continue;
    for (const repo of org.repos) {
      if (!readable(repo)) continue;
      if (q.repos.length > 0 && !q.repos.includes(`${org.login}/${repo.name}`.toLowerCase())) continue;
      for (const pr of repo.pulls) {
        if (pr.state !== 'MERGED' || pr.mergedAt === null) continue;
        const author = pr.author.toLowerCase();
        if (q.author !== null && author !== q.author) continue;
        if (q.notAuthor !== null && author === q.notAuthor) continue;
        if (q.reviewedBy !== null && !pr.reviews.some((r) => r.login.toLowerCase() === q.reviewedBy)) continue;
        const at = Date.parse(pr.mergedAt);
        if (q.merged && (at < q.merged.from || at > q.merged.to)) continue;
        if (q.updatedSince !== null && Date.parse(pr.updatedAt) < q.updatedSince) continue;
        hits.push({ org, repo, pr });
      }
    }
  }
  hits.sort((a, b) => Date.parse(a.pr.mergedAt!) - Date.parse(b.pr.mergedAt!) || a.pr.number - b.pr.number);
  const visible = hits.slice(0, SEARCH_CAP);
  const start = vars.cursor ? decode(vars.cursor) + 1 : 0;
  const page = visible.slice(start, start + first);
  const end = start + page.length - 1;
  const fileLimit = firstOf(query, 'files', 0);
  const cost = Math.max(1, Math.round((first * (1 + fileLimit + 60)) / 100 / 100) || 1);
  const node = operation === 'ReviewedSearch' ? (h: (typeof hits)[number]) => reviewedNode(h.org, h.repo, h.pr, String(vars.login ?? '')) : (h: (typeof hits)[number]) => pullNode(h.org, h.repo, h.pr, query);
  return {
    cost,
    body: {
      data: {
        rateLimit: rate(cost),
        search: { issueCount: hits.length, pageInfo: { hasNextPage: end < visible.length - 1, endCursor: page.length ? encode(end) : null }, nodes: page.map(node) },
      },
    },
  };
}

/** The next pages of some PRs' connections: one `pN: repository(...) { pullRequest(...) { conn(first:, after:) } }` alias per PR. */
function answerOverflow(orgs: SyntheticOrg[], query: string, vars: Vars, rate: Rate): { body: unknown; cost: number } {
  const data: Record<string, unknown> = {};
  const errors: unknown[] = [];
  let nodes = 0;
  for (const segment of query.split(/\n(?=\s*p\d+: repository\()/).slice(1)) {
    const i = Number(/p(\d+): repository\(/.exec(segment)?.[1]);
    const repo = findRepo(orgs, vars[`o${i}`], vars[`n${i}`]);
    const pr = repo?.pulls.find((p) => p.number === Number(vars[`k${i}`]));
    if (!repo || !pr) {
      data[`p${i}`] = null;
      errors.push({ type: 'NOT_FOUND', path: [`p${i}`], message: `Could not resolve to a Repository with the name '${String(vars[`o${i}`])}/${String(vars[`n${i}`])}'.` });
      continue;
    }
    const all = connections(repo, pr);
    const pullRequest: Record<string, unknown> = {};
    for (const m of segment.matchAll(/(\w+)\(first:\s*(\d+),\s*after:\s*\$(\w+)\)/g)) {
      const [, name, first, variable] = m;
      const list = all[name!];
      if (!list) continue;
      pullRequest[name!] = connectionPage(name!, list, decode(vars[variable!]) + 1, Math.min(100, Number(first)));
      nodes += Number(first);
    }
    data[`p${i}`] = { pullRequest };
  }
  const cost = Math.max(1, Math.round(nodes / 100));
  return { cost, body: { data: { rateLimit: rate(cost), ...data }, ...(errors.length ? { errors } : {}) } };
}

/** user(login:), repositoryOwner(login:) and repository(owner:, name:) lookups, null with NOT_FOUND when unknown or unreadable. */
function answerScopeCheck(orgs: SyntheticOrg[], query: string, vars: Vars): { body: unknown; cost: number } {
  const data: Record<string, unknown> = {};
  const errors: unknown[] = [];
  const missing = (alias: string, message: string) => {
    data[alias] = null;
    errors.push({ type: 'NOT_FOUND', path: [alias], message });
  };
  if (/person: user\(/.test(query)) {
    const login = String(vars.login ?? '');
    const isOrg = orgs.some((o) => o.login.toLowerCase() === login.toLowerCase() && o.kind === 'Organization');
    if (!isOrg && knownLogin(orgs, login)) data.person = { login };
    else missing('person', `Could not resolve to a User with the login of '${login}'.`);
  }
  if (/owner: repositoryOwner\(/.test(query)) {
    const owner = String(vars.owner ?? '');
    const org = orgs.find((o) => o.login.toLowerCase() === owner.toLowerCase());
    if (org || knownLogin(orgs, owner)) data.owner = { login: org?.login ?? owner };
    else missing('owner', `Could not resolve to a RepositoryOwner with the login of '${owner}'.`);
  }
  for (const m of query.matchAll(/(r\d+): repository\(owner: \$(\w+), name: \$(\w+)\)/g)) {
    const [, alias, ownerVar, nameVar] = m;
    const repo = findRepo(orgs, vars[ownerVar!], vars[nameVar!]);
    if (repo) data[alias!] = { nameWithOwner: `${String(vars[ownerVar!])}/${repo.name}` };
    else missing(alias!, `Could not resolve to a Repository with the name '${String(vars[ownerVar!])}/${String(vars[nameVar!])}'.`);
  }
  return { cost: 1, body: { data, ...(errors.length ? { errors } : {}) } };
}

/** Answers the achievements operations (searches, overflow pages, scope checks), or null for another operation. */
export function answerAchievementQuery(orgs: SyntheticOrg[], operation: string | undefined, query: string, vars: Vars, rate: Rate): { body: unknown; cost: number } | null {
  if (operation === 'AchievementSearch' || operation === 'ReviewedSearch') return answerSearch(orgs, operation, query, vars, rate);
  if (operation === 'PullRequestOverflow') return answerOverflow(orgs, query, vars, rate);
  if (operation === 'AchievementScopeCheck') return answerScopeCheck(orgs, query, vars);
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

/**
 * Gives `reviewer` one approving review on each of `count` merged pull requests by the
 * `authors` in turn (a login ending in "[bot]" is a bot), spread over the organization's
 * repositories, numbered from 20,000: the PRs a developer reviewed.
 */
export function addReviewedPulls(org: SyntheticOrg, reviewer: string, authors: readonly string[], count: number, options: { from?: string; days?: number } = {}): void {
  const from = Date.parse(options.from ?? '2025-06-01T00:00:00Z');
  const days = options.days ?? 360;
  const repos = org.repos.filter((r) => !r.isEmpty);
  const iso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (let i = 0; i < count; i += 1) {
    const repo = repos[i % repos.length]!;
    const author = authors[i % authors.length]!;
    const created = from + Math.floor((i / count) * days * 86_400_000);
    const merged = created + 5 * 3_600_000;
    repo.pulls.push({
      number: 20_000 + i,
      title: `${author.endsWith('[bot]') ? 'Bump' : 'Improve'} thing ${i}`,
      state: 'MERGED',
      author,
      createdAt: iso(created),
      updatedAt: iso(merged),
      closedAt: iso(merged),
      mergedAt: iso(merged),
      labels: [],
      comments: [],
      reviews: [
        { login: reviewer, type: 'User', createdAt: iso(created + 3_600_000) },
        ...(i % 3 === 0 ? [{ login: reviewer, type: 'User' as const, createdAt: iso(created + 2 * 3_600_000) }] : []),
      ],
      additions: 5,
      deletions: 1,
      changedFiles: 1,
      headRefName: `other-${i}`,
    });
  }
}

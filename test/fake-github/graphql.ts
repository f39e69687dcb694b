// Answers the GraphQL operations RepoScout sends, in GitHub's response shapes, from a
// SyntheticOrg. Operations are recognised by name and each repository alias's selection
// is read from the query text, so a query asking for less gets less (and costs less).
import { answerAchievementQuery } from './search';
import type { SynthEntry, SynthRepo, SyntheticOrg } from './synthetic';

export interface GraphqlAnswer {
  body: unknown;
  /** Points this query costs, following GitHub's published formula for our shapes. */
  cost: number;
}

type Vars = Record<string, unknown>;

const encodeCursor = (index: number) => Buffer.from(`cursor:v2:${index}`).toString('base64');
const decodeCursor = (cursor: unknown) => (typeof cursor === 'string' ? Number(/cursor:v2:(\d+)/.exec(Buffer.from(cursor, 'base64').toString())?.[1] ?? -1) : -1);

function ownerInfo(org: SyntheticOrg) {
  return org.kind === 'Organization'
    ? { __typename: 'Organization', login: org.login, name: `${org.login} (synthetic)`, description: `Synthetic organization ${org.login}` }
    : { __typename: 'User', login: org.login, name: `${org.login} (synthetic)`, bio: 'Synthetic user' };
}

function entries(list: SynthEntry[] | undefined, depth: number): unknown {
  return (list ?? []).map((e) => ({
    name: e.name,
    type: e.type,
    ...(depth > 1 ? { object: e.type === 'tree' ? { entries: entries(e.children, depth - 1) } : {} } : {}),
  }));
}

export function repositoryNode(org: SyntheticOrg, repo: SynthRepo): unknown {
  const openIssues = repo.issues.filter((x) => x.state === 'OPEN').length;
  return {
    id: repo.nodeId,
    name: repo.name,
    url: `https://github.com/${org.login}/${repo.name}`,
    homepageUrl: null,
    description: repo.description,
    isFork: repo.isFork,
    isArchived: repo.isArchived,
    isPrivate: false,
    isTemplate: false,
    stargazerCount: repo.stars,
    forkCount: repo.forks,
    diskUsage: repo.isEmpty ? 0 : 100 + repo.index,
    createdAt: repo.createdAt,
    updatedAt: repo.updatedAt,
    pushedAt: repo.pushedAt,
    watchers: { totalCount: Math.floor(repo.stars / 10) },
    owner: { __typename: org.kind, login: org.login },
    primaryLanguage: repo.languages[0] ? { name: repo.languages[0].name } : null,
    languages: { edges: repo.languages.map((l) => ({ size: l.size, node: { name: l.name } })) },
    repositoryTopics: { nodes: repo.topics.map((name) => ({ topic: { name } })) },
    licenseInfo: repo.license ? { spdxId: repo.license } : null,
    defaultBranchRef: repo.isEmpty ? null : { name: 'main', target: { oid: repo.headOid } },
    openIssues: { totalCount: openIssues },
    closedIssues: { totalCount: repo.issues.length - openIssues },
    openPullRequests: { totalCount: repo.pulls.filter((p) => p.state === 'OPEN').length },
    mergedPullRequests: { totalCount: repo.pulls.filter((p) => p.state === 'MERGED').length },
    latestIssue: { nodes: repo.issues.slice(0, 1).map((x) => ({ updatedAt: x.updatedAt })) },
    latestPullRequest: { nodes: repo.pulls.slice(0, 1).map((x) => ({ updatedAt: x.updatedAt })) },
    releases: { totalCount: repo.releases.length },
    latestRelease: repo.releases[0] ? { tagName: repo.releases[0].tagName, publishedAt: repo.releases[0].publishedAt } : null,
    root: repo.isEmpty ? null : { entries: entries(repo.root, 1) },
  };
}

const actor = (login: string, type: string = 'User') => ({ __typename: type, login });

function detailNode(repo: SynthRepo, segment: string, vars: Vars, i: number): unknown {
  const node: Record<string, unknown> = { id: repo.nodeId };
  if (segment.includes('...DetailTree')) {
    node.tree = repo.isEmpty ? null : { entries: entries(repo.root, 2) };
    node.workflows = repo.workflows.length ? { entries: repo.workflows.map((name) => ({ name, type: 'blob' })) } : null;
  }
  for (const [alias, variable] of [['readme', `rd${i}`], ['citation', `ct${i}`]] as const) {
    if (!segment.includes(`${alias}: object(`)) continue;
    const expression = String(vars[variable] ?? '');
    const text = repo.files.get(expression.replace(/^HEAD:/, ''));
    node[alias] = text === undefined ? null : { oid: `blob-${repo.index}-${alias}`, text, byteSize: Buffer.byteLength(text), isBinary: false, isTruncated: false };
  }
  if (segment.includes('history(')) {
    const since = Date.parse(String(vars[`cs${i}`] ?? '1970-01-01T00:00:00Z'));
    const list = repo.commits.filter((c) => Date.parse(c.committedDate) >= since);
    node.defaultBranchRef = repo.isEmpty
      ? null
      : {
          target: {
            history: {
              totalCount: list.length,
              nodes: list.slice(0, 100).map((c) => ({ oid: c.oid, committedDate: c.committedDate, additions: c.additions, deletions: c.deletions, author: { name: c.name, user: c.login ? { login: c.login } : null } })),
            },
          },
        };
  }
  if (segment.includes('issues(')) {
    const since = vars[`is${i}`] ? Date.parse(String(vars[`is${i}`])) : 0;
    node.issues = {
      nodes: repo.issues
        .filter((x) => Date.parse(x.updatedAt) >= since)
        .slice(0, 50)
        .map((x) => ({
          number: x.number,
          title: x.title,
          state: x.state,
          createdAt: x.createdAt,
          updatedAt: x.updatedAt,
          closedAt: x.closedAt,
          author: actor(x.author),
          labels: { nodes: x.labels.map((name) => ({ name })) },
          comments: { totalCount: x.comments.length, nodes: x.comments.slice(0, 5).map((c) => ({ createdAt: c.createdAt, author: actor(c.login, c.type) })) },
        })),
    };
  }
  if (segment.includes('pullRequests(')) {
    node.pullRequests = {
      nodes: repo.pulls.slice(0, 50).map((p) => ({
        number: p.number,
        title: p.title,
        state: p.state,
        createdAt: p.createdAt,
        updatedAt: p.updatedAt,
        closedAt: p.closedAt,
        mergedAt: p.mergedAt,
        additions: p.additions,
        deletions: p.deletions,
        changedFiles: p.changedFiles,
        headRefName: p.headRefName,
        author: actor(p.author),
        labels: { nodes: p.labels.map((name) => ({ name })) },
        comments: { nodes: p.comments.map((c) => ({ createdAt: c.createdAt, author: actor(c.login, c.type) })) },
        reviews: { nodes: p.reviews.map((c) => ({ createdAt: c.createdAt, author: actor(c.login, c.type) })) },
      })),
    };
  }
  if (segment.includes('releases(')) {
    node.releases = { totalCount: repo.releases.length, nodes: repo.releases.slice(0, 20).map((r) => ({ ...r, isDraft: false })) };
  }
  return node;
}

/** Cost of one alias's selection: connections requested, as GitHub counts them. */
function detailCost(segment: string): number {
  let requests = 0;
  if (segment.includes('history(')) requests += 1;
  if (segment.includes('issues(')) requests += 1 + 50 * 2;
  if (segment.includes('pullRequests(')) requests += 1 + 50 * 3;
  if (segment.includes('releases(')) requests += 1;
  return requests;
}

const points = (requests: number) => Math.max(1, Math.round(requests / 100));

function rateLimitField(cost: number, remaining: number) {
  return { cost, remaining, limit: 5000, resetAt: new Date(Date.now() + 3600_000).toISOString() };
}

/** Returns the answer to one GraphQL request, or null for an operation this fake does not know. */
export function answerGraphql(orgs: SyntheticOrg[], query: string, vars: Vars, remaining: number): GraphqlAnswer | null {
  const operation = /query\s+(\w+)/.exec(query)?.[1];
  const findOrg = (login: unknown) => orgs.find((o) => o.login.toLowerCase() === String(login).toLowerCase());
  const achievements = answerAchievementQuery(orgs, operation, query, vars, (cost) => rateLimitField(cost, remaining));
  if (achievements) return achievements;
  if (operation === 'OwnerRepositories') {
    const org = findOrg(vars.login);
    const first = Number(/repositories\(first:\s*(\d+)/.exec(query)?.[1] ?? 100);
    const cost = points(1 + first * 4);
    if (!org) return { cost, body: { data: { rateLimit: rateLimitField(cost, remaining), repositoryOwner: null } } };
    const sorted = [...org.repos].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
    const start = vars.cursor ? decodeCursor(vars.cursor) + 1 : 0;
    const page = sorted.slice(start, start + first);
    const end = start + page.length - 1;
    return {
      cost,
      body: {
        data: {
          rateLimit: rateLimitField(cost, remaining),
          repositoryOwner: {
            ...ownerInfo(org),
            repositories: {
              totalCount: sorted.length,
              pageInfo: { hasNextPage: end < sorted.length - 1, endCursor: page.length ? encodeCursor(end) : null },
              nodes: page.map((r) => repositoryNode(org, r)),
            },
          },
        },
      },
    };
  }
  if (operation === 'SingleRepository') {
    const org = findOrg(vars.owner);
    const repo = org?.repo(String(vars.name));
    const data = { rateLimit: rateLimitField(1, remaining), repositoryOwner: org ? ownerInfo(org) : null, repository: org && repo ? repositoryNode(org, repo) : null };
    const errors = repo ? undefined : [{ type: 'NOT_FOUND', path: ['repository'], message: `Could not resolve to a Repository with the name '${String(vars.owner)}/${String(vars.name)}'.` }];
    return { cost: 1, body: errors ? { data, errors } : { data } };
  }
  if (operation === 'RepositoryDetail') {
    const segments = query.split(/\n(?=\s*r\d+: repository\()/).slice(1);
    const data: Record<string, unknown> = {};
    const errors: unknown[] = [];
    let requests = 0;
    for (const segment of segments) {
      const i = Number(/r(\d+): repository\(/.exec(segment)?.[1]);
      const org = findOrg(vars[`o${i}`]);
      const repo = org?.repo(String(vars[`n${i}`]));
      requests += 1 + detailCost(segment);
      if (!org || !repo) {
        data[`r${i}`] = null;
        errors.push({ type: 'NOT_FOUND', path: [`r${i}`], message: `Could not resolve to a Repository with the name '${String(vars[`o${i}`])}/${String(vars[`n${i}`])}'.` });
        continue;
      }
      data[`r${i}`] = detailNode(repo, segment, vars, i);
    }
    const cost = points(requests);
    const body = { data: { rateLimit: rateLimitField(cost, remaining), ...data }, ...(errors.length ? { errors } : {}) };
    return { cost, body };
  }
  return null;
}

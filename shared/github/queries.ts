// GraphQL documents RepoScout sends. Every query asks for rateLimit so the client can
// count the points spent. Operation names are stable: the fake GitHub in test/ keys on them.

const RATE_LIMIT = 'rateLimit { cost remaining resetAt limit }';

/**
 * What the listing pass brings for each repository: everything the analyses need that
 * GitHub can give per page of 100, plus the latest issue / pull request / release
 * timestamps and the head commit, which together tell whether any detail changed.
 */
export const REPOSITORY_FIELDS = `
fragment RepositoryFields on Repository {
  id name url homepageUrl description
  isFork isArchived isPrivate isTemplate
  stargazerCount forkCount diskUsage createdAt updatedAt pushedAt
  watchers { totalCount }
  owner { __typename login }
  primaryLanguage { name }
  languages(first: 10, orderBy: {field: SIZE, direction: DESC}) { edges { size node { name } } }
  repositoryTopics(first: 20) { nodes { topic { name } } }
  licenseInfo { spdxId }
  defaultBranchRef { name target { oid } }
  openIssues: issues(states: OPEN) { totalCount }
  closedIssues: issues(states: CLOSED) { totalCount }
  openPullRequests: pullRequests(states: OPEN) { totalCount }
  mergedPullRequests: pullRequests(states: MERGED) { totalCount }
  latestIssue: issues(first: 1, orderBy: {field: UPDATED_AT, direction: DESC}) { nodes { updatedAt } }
  latestPullRequest: pullRequests(first: 1, orderBy: {field: UPDATED_AT, direction: DESC}) { nodes { updatedAt } }
  releases { totalCount }
  latestRelease { tagName publishedAt }
  root: object(expression: "HEAD:") { ... on Tree { entries { name type } } }
}`;

export const OWNER_REPOSITORIES_QUERY = `
query OwnerRepositories($login: String!, $cursor: String) {
  ${RATE_LIMIT}
  repositoryOwner(login: $login) {
    __typename login
    ... on Organization { name description }
    ... on User { name bio }
    repositories(first: 100, after: $cursor, ownerAffiliations: [OWNER], orderBy: {field: NAME, direction: ASC}) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ...RepositoryFields }
    }
  }
}
${REPOSITORY_FIELDS}`;

export const SINGLE_REPOSITORY_QUERY = `
query SingleRepository($owner: String!, $name: String!) {
  ${RATE_LIMIT}
  repositoryOwner(login: $owner) {
    __typename login
    ... on Organization { name description }
    ... on User { name bio }
  }
  repository(owner: $owner, name: $name) { ...RepositoryFields }
}
${REPOSITORY_FIELDS}`;

/** How many issues / pull requests / releases / commits one detail fetch brings per repository. */
export const DETAIL_LIMITS = { issues: 50, pullRequests: 50, releases: 20, commits: 100 } as const;

const DETAIL_FRAGMENTS = `
fragment DetailTree on Repository {
  tree: object(expression: "HEAD:") { ... on Tree { entries { name type object { ... on Tree { entries { name type } } } } } }
  workflows: object(expression: "HEAD:.github/workflows") { ... on Tree { entries { name type } } }
}
fragment DetailIssue on Issue {
  number title state createdAt updatedAt closedAt
  author { __typename login }
  labels(first: 10) { nodes { name } }
  comments(first: 5) { totalCount nodes { createdAt author { __typename login } } }
}
fragment DetailPullRequest on PullRequest {
  number title state createdAt updatedAt closedAt mergedAt additions deletions changedFiles headRefName
  author { __typename login }
  labels(first: 10) { nodes { name } }
  comments(first: 5) { nodes { createdAt author { __typename login } } }
  reviews(first: 5) { nodes { createdAt author { __typename login } } }
}
fragment DetailRelease on Release { tagName name publishedAt isPrerelease isDraft }
fragment DetailCommit on Commit { oid committedDate additions deletions author { name user { login } } }
fragment DetailBlob on Blob { oid text byteSize isBinary isTruncated }`;

/** Which kinds of detail a repository needs this run, and the inputs for them. */
export interface DetailRequest {
  owner: string;
  name: string;
  tree: boolean;
  /** Default-branch commits since this ISO time (the research window), or null to skip. */
  commitsSince: string | null;
  /** Issues: fetch those updated since this ISO time; '' for the most recent ones; null to skip. */
  issuesSince: string | null;
  pullRequests: boolean;
  releases: boolean;
  /** "HEAD:<path>" expressions for the README and CITATION.cff, when present. */
  readmePath: string | null;
  citationPath: string | null;
}

/**
 * One query for several repositories (aliases r0, r1, ...), asking each only for the kinds
 * of detail that changed since the last sync. Values travel as variables, never as text.
 */
export function repositoryDetailQuery(requests: DetailRequest[]): { query: string; variables: Record<string, string> } {
  const declarations: string[] = [];
  const variables: Record<string, string> = {};
  const blocks = requests.map((req, i) => {
    declarations.push(`$o${i}: String!`, `$n${i}: String!`);
    variables[`o${i}`] = req.owner;
    variables[`n${i}`] = req.name;
    const lines: string[] = [];
    if (req.tree) lines.push('    ...DetailTree');
    if (req.readmePath) {
      declarations.push(`$rd${i}: String!`);
      variables[`rd${i}`] = `HEAD:${req.readmePath}`;
      lines.push(`    readme: object(expression: $rd${i}) { ...DetailBlob }`);
    }
    if (req.citationPath) {
      declarations.push(`$ct${i}: String!`);
      variables[`ct${i}`] = `HEAD:${req.citationPath}`;
      lines.push(`    citation: object(expression: $ct${i}) { ...DetailBlob }`);
    }
    if (req.commitsSince !== null) {
      declarations.push(`$cs${i}: GitTimestamp!`);
      variables[`cs${i}`] = req.commitsSince;
      lines.push(`    defaultBranchRef { target { ... on Commit { history(first: ${DETAIL_LIMITS.commits}, since: $cs${i}) { totalCount nodes { ...DetailCommit } } } } }`);
    }
    if (req.issuesSince !== null) {
      let filter = '';
      if (req.issuesSince !== '') {
        declarations.push(`$is${i}: DateTime!`);
        variables[`is${i}`] = req.issuesSince;
        filter = `, filterBy: {since: $is${i}}`;
      }
      lines.push(`    issues(first: ${DETAIL_LIMITS.issues}, orderBy: {field: UPDATED_AT, direction: DESC}${filter}) { nodes { ...DetailIssue } }`);
    }
    if (req.pullRequests) {
      lines.push(`    pullRequests(first: ${DETAIL_LIMITS.pullRequests}, orderBy: {field: UPDATED_AT, direction: DESC}) { nodes { ...DetailPullRequest } }`);
    }
    if (req.releases) {
      lines.push(`    releases(first: ${DETAIL_LIMITS.releases}, orderBy: {field: CREATED_AT, direction: DESC}) { totalCount nodes { ...DetailRelease } }`);
    }
    return `  r${i}: repository(owner: $o${i}, name: $n${i}) {\n    id\n${lines.join('\n')}\n  }`;
  });
  // GraphQL refuses fragments that are defined but not used.
  const used = DETAIL_FRAGMENTS.split(/\n(?=fragment )/)
    .map((fragment) => fragment.trim())
    .filter((fragment) => {
      const name = /^fragment (\w+)/.exec(fragment)?.[1];
      return name !== undefined && blocks.some((block) => block.includes(`...${name}\n`) || block.includes(`...${name} `));
    });
  const query = `query RepositoryDetail(${declarations.join(', ')}) {\n  ${RATE_LIMIT}\n${blocks.join('\n')}\n}\n${used.join('\n')}`;
  return { query, variables };
}

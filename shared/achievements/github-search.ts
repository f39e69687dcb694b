import { z } from 'zod';

// The GraphQL RepoScout sends for a developer's merged pull requests, and the shapes it
// accepts back (validated: GitHub's answer is a trust boundary like any input).
// Everything a PR record needs comes in the search query itself; only the connections of
// the few PRs that overflow their first page (many files, reviews, comments, labels or
// closing issues) are paged afterwards, several PRs per request.

export const SEARCH_PAGE = 100;
export const FILES_PAGE = 100;
export const NESTED_PAGE = 50;
export const LABELS_PAGE = 20;
export const ISSUES_PAGE = 10;
/** Connections paged after the search, per request (GitHub caps `first` at 100). */
export const OVERFLOW_PAGE = 100;
/** PRs whose overflow is asked for in one request (aliases), keeping the query's node count modest. */
export const OVERFLOW_BATCH = 10;

const page = 'pageInfo { hasNextPage endCursor }';
const FIELDS = {
  files: 'totalCount PAGE nodes { path additions deletions }',
  reviews: 'totalCount PAGE nodes { author { __typename login } state submittedAt }',
  comments: 'totalCount PAGE nodes { author { __typename login } createdAt }',
  labels: 'PAGE nodes { name }',
  closingIssuesReferences: 'PAGE nodes { number labels(first: 10) { nodes { name } } }',
} as const;
export type OverflowConnection = keyof typeof FIELDS;
export const OVERFLOW_CONNECTIONS = Object.keys(FIELDS) as OverflowConnection[];
const selection = (c: OverflowConnection) => `{ ${FIELDS[c].replace('PAGE', page)} }`;

/** A search for pull requests, one page from `$cursor`, selecting `fields` on each. */
const pullRequestSearch = (name: string, variables: string, fields: string) => `query ${name}($q: String!, $cursor: String${variables}) {
  rateLimit { cost remaining resetAt }
  search(type: ISSUE, query: $q, first: ${SEARCH_PAGE}, after: $cursor) {
    issueCount
    pageInfo { hasNextPage endCursor }
    nodes {
      __typename
      ... on PullRequest {
${fields}
      }
    }
  }
}`;

export const ACHIEVEMENT_SEARCH_QUERY = pullRequestSearch(
  'AchievementSearch',
  '',
  `        number title url createdAt mergedAt updatedAt additions deletions
        author { __typename login }
        repository { nameWithOwner }
        labels(first: ${LABELS_PAGE}) ${selection('labels')}
        files(first: ${FILES_PAGE}) ${selection('files')}
        commits(first: 1) { totalCount nodes { commit { authoredDate } } }
        reviews(first: ${NESTED_PAGE}) ${selection('reviews')}
        comments(first: ${NESTED_PAGE}) ${selection('comments')}
        closingIssuesReferences(first: ${ISSUES_PAGE}) ${selection('closingIssuesReferences')}`,
);

/**
 * Pull requests other people authored that `$login` reviewed: the review side of the
 * collaboration section. `reviews(author:)` returns only that person's reviews, so the
 * count is theirs without paging anyone else's.
 */
export const REVIEWED_SEARCH_QUERY = pullRequestSearch(
  'ReviewedSearch',
  ', $login: String!',
  `        number title url mergedAt
        author { __typename login }
        repository { nameWithOwner }
        reviews(first: 1, author: $login) { totalCount nodes { submittedAt } }`,
);

/** One PR's connections still to page, each from its cursor. */
export interface OverflowRequest {
  owner: string;
  name: string;
  number: number;
  cursors: Partial<Record<OverflowConnection, string>>;
}

/** The next page of every listed connection of up to OVERFLOW_BATCH PRs, one alias per PR. */
export function overflowQuery(requests: readonly OverflowRequest[]): { query: string; variables: Record<string, unknown> } {
  const declarations: string[] = [];
  const aliases: string[] = [];
  const variables: Record<string, unknown> = {};
  requests.forEach((r, i) => {
    declarations.push(`$o${i}: String!`, `$n${i}: String!`, `$k${i}: Int!`);
    Object.assign(variables, { [`o${i}`]: r.owner, [`n${i}`]: r.name, [`k${i}`]: r.number });
    const connections = OVERFLOW_CONNECTIONS.filter((c) => r.cursors[c] !== undefined).map((c) => {
      declarations.push(`$${c}${i}: String`);
      variables[`${c}${i}`] = r.cursors[c];
      return `${c}(first: ${OVERFLOW_PAGE}, after: $${c}${i}) ${selection(c)}`;
    });
    aliases.push(`  p${i}: repository(owner: $o${i}, name: $n${i}) { pullRequest(number: $k${i}) { ${connections.join(' ')} } }`);
  });
  return { query: `query PullRequestOverflow(${declarations.join(', ')}) {\n  rateLimit { cost remaining resetAt }\n${aliases.join('\n')}\n}`, variables };
}

/** The owner/login checks that turn search's "cannot be searched" into a message naming what is wrong. */
export function scopeCheckQuery(login: string, scope: { owner?: string; repos?: readonly string[] }): { query: string; variables: Record<string, unknown> } {
  const declarations = ['$login: String!'];
  const fields = ['  person: user(login: $login) { login }'];
  const variables: Record<string, unknown> = { login };
  if (scope.owner) {
    declarations.push('$owner: String!');
    fields.push('  owner: repositoryOwner(login: $owner) { login }');
    variables.owner = scope.owner;
  }
  (scope.repos ?? []).forEach((full, i) => {
    const [owner = '', name = ''] = full.split('/');
    declarations.push(`$ro${i}: String!`, `$rn${i}: String!`);
    fields.push(`  r${i}: repository(owner: $ro${i}, name: $rn${i}) { nameWithOwner }`);
    Object.assign(variables, { [`ro${i}`]: owner, [`rn${i}`]: name });
  });
  return { query: `query AchievementScopeCheck(${declarations.join(', ')}) {\n${fields.join('\n')}\n}`, variables };
}

const actor = z.object({ __typename: z.string().optional(), login: z.string() }).nullable();
const pageInfo = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });
const fileNode = z.object({ path: z.string().min(1), additions: z.number().int().min(0), deletions: z.number().int().min(0) });
const reviewNode = z.object({ author: actor, state: z.string(), submittedAt: z.string().nullable() });
const commentNode = z.object({ author: actor, createdAt: z.string() });
const labelNode = z.object({ name: z.string() });
const issueNode = z.object({ number: z.number().int(), labels: z.object({ nodes: z.array(labelNode) }) });

export const connectionSchemas = {
  files: z.object({ totalCount: z.number().int(), pageInfo, nodes: z.array(fileNode) }),
  reviews: z.object({ totalCount: z.number().int(), pageInfo, nodes: z.array(reviewNode) }),
  comments: z.object({ totalCount: z.number().int(), pageInfo, nodes: z.array(commentNode) }),
  labels: z.object({ pageInfo, nodes: z.array(labelNode) }),
  closingIssuesReferences: z.object({ pageInfo, nodes: z.array(issueNode) }),
};

export const pullRequestNodeSchema = z.object({
  __typename: z.literal('PullRequest'),
  number: z.number().int(),
  title: z.string(),
  url: z.string(),
  createdAt: z.string(),
  mergedAt: z.string(),
  updatedAt: z.string(),
  additions: z.number().int(),
  deletions: z.number().int(),
  author: actor,
  repository: z.object({ nameWithOwner: z.string() }),
  labels: connectionSchemas.labels,
  files: connectionSchemas.files.nullable(),
  commits: z.object({ totalCount: z.number().int(), nodes: z.array(z.object({ commit: z.object({ authoredDate: z.string() }) })) }),
  reviews: connectionSchemas.reviews,
  comments: connectionSchemas.comments,
  closingIssuesReferences: connectionSchemas.closingIssuesReferences.nullable(),
});
export type PullRequestNode = z.infer<typeof pullRequestNodeSchema>;

export const reviewedNodeSchema = pullRequestNodeSchema.pick({ __typename: true, number: true, title: true, url: true, mergedAt: true, author: true, repository: true }).extend({
  reviews: z.object({ totalCount: z.number().int(), nodes: z.array(z.object({ submittedAt: z.string().nullable() })) }),
});
export type ReviewedNode = z.infer<typeof reviewedNodeSchema>;

export const searchAnswerSchema = z.object({
  search: z.object({
    issueCount: z.number().int(),
    pageInfo,
    // search can return other node types in theory; anything not a PR is skipped
    nodes: z.array(z.unknown()),
  }),
});

/** One alias of the overflow answer: the PR's connections that were asked for (null when the PR is gone). */
export const overflowAliasSchema = z
  .object({
    pullRequest: z
      .object({
        files: connectionSchemas.files.optional(),
        reviews: connectionSchemas.reviews.optional(),
        comments: connectionSchemas.comments.optional(),
        labels: connectionSchemas.labels.optional(),
        closingIssuesReferences: connectionSchemas.closingIssuesReferences.optional(),
      })
      .nullable(),
  })
  .nullable();

/** GitHub search's date qualifiers take seconds with an offset, not milliseconds. */
export function searchTime(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** The search string: who, merged window, optionally only PRs updated since a moment, and the scope. */
export function searchString(
  who: { author: string } | { reviewedBy: string },
  from: string,
  to: string,
  scope: { owner?: string; repos?: readonly string[] },
  updatedSince: string | null = null,
): string {
  const parts = 'author' in who ? [`author:${who.author}`] : [`reviewed-by:${who.reviewedBy}`, `-author:${who.reviewedBy}`];
  parts.push('is:pr', 'is:merged', `merged:${searchTime(from)}..${searchTime(to)}`);
  if (updatedSince !== null) parts.push(`updated:>=${searchTime(updatedSince)}`);
  if (scope.owner) parts.push(`user:${scope.owner}`);
  for (const repo of scope.repos ?? []) parts.push(`repo:${repo}`);
  // Oldest first: a PR that joins the results while a run is paged (or paused and resumed
  // from a stored cursor) lands after the pages already read or shifts them later, never
  // making the next page skip one.
  parts.push('sort:created-asc');
  return parts.join(' ');
}

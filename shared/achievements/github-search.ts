import { z } from 'zod';

// The GraphQL search RepoScout sends for a developer's merged pull requests, and the
// shapes it accepts back (validated: GitHub's answer is a trust boundary like any input).
// Everything a PR record needs comes in the search query itself; only files beyond the
// first 100 are paged separately.

export const SEARCH_PAGE = 100;
export const FILES_PAGE = 100;
const NESTED = 50;

export const ACHIEVEMENT_SEARCH_QUERY = `query AchievementSearch($q: String!, $cursor: String) {
  rateLimit { cost remaining resetAt }
  search(type: ISSUE, query: $q, first: ${SEARCH_PAGE}, after: $cursor) {
    issueCount
    pageInfo { hasNextPage endCursor }
    nodes {
      __typename
      ... on PullRequest {
        number title url createdAt mergedAt updatedAt additions deletions
        author { __typename login }
        repository { nameWithOwner }
        labels(first: 20) { nodes { name } }
        files(first: ${FILES_PAGE}) { totalCount pageInfo { hasNextPage endCursor } nodes { path additions deletions } }
        commits(first: 1) { totalCount nodes { commit { authoredDate } } }
        reviews(first: ${NESTED}) { totalCount nodes { author { __typename login } state submittedAt } }
        comments(first: ${NESTED}) { totalCount nodes { author { __typename login } createdAt } }
        closingIssuesReferences(first: 10) { nodes { number labels(first: 10) { nodes { name } } } }
      }
    }
  }
}`;

export const PULL_REQUEST_FILES_QUERY = `query PullRequestFiles($owner: String!, $name: String!, $number: Int!, $cursor: String) {
  rateLimit { cost remaining resetAt }
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      files(first: ${FILES_PAGE}, after: $cursor) { totalCount pageInfo { hasNextPage endCursor } nodes { path additions deletions } }
    }
  }
}`;

const actor = z.object({ __typename: z.string().optional(), login: z.string() }).nullable();
const fileNode = z.object({ path: z.string().min(1), additions: z.number().int().min(0), deletions: z.number().int().min(0) });
const filesConnection = z.object({
  totalCount: z.number().int(),
  pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
  nodes: z.array(fileNode),
});

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
  labels: z.object({ nodes: z.array(z.object({ name: z.string() })) }),
  files: filesConnection.nullable(),
  commits: z.object({ totalCount: z.number().int(), nodes: z.array(z.object({ commit: z.object({ authoredDate: z.string() }) })) }),
  reviews: z.object({ totalCount: z.number().int(), nodes: z.array(z.object({ author: actor, state: z.string(), submittedAt: z.string().nullable() })) }),
  comments: z.object({ totalCount: z.number().int(), nodes: z.array(z.object({ author: actor, createdAt: z.string() })) }),
  closingIssuesReferences: z.object({ nodes: z.array(z.object({ number: z.number().int(), labels: z.object({ nodes: z.array(z.object({ name: z.string() })) }) })) }).nullable(),
});
export type PullRequestNode = z.infer<typeof pullRequestNodeSchema>;

export const searchAnswerSchema = z.object({
  search: z.object({
    issueCount: z.number().int(),
    pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
    // search can return other node types in theory; anything not a PR is skipped
    nodes: z.array(z.unknown()),
  }),
});

export const filesAnswerSchema = z.object({
  repository: z.object({ pullRequest: z.object({ files: filesConnection }).nullable() }).nullable(),
});

/** The search string: author, merged and merged-window qualifiers, and the scope. */
export function searchString(login: string, from: string, to: string, scope: { owner?: string; repos?: readonly string[] }): string {
  const parts = [`author:${login}`, 'is:pr', 'is:merged', `merged:${from}..${to}`];
  if (scope.owner) parts.push(`user:${scope.owner}`);
  for (const repo of scope.repos ?? []) parts.push(`repo:${repo}`);
  return parts.join(' ');
}

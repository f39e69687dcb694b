import { z } from 'zod';

// Shapes of GitHub's answers, checked once at the edge. Anything GitHub may leave out or
// null is optional here, so a sparse answer (an empty repository, a deleted user) is
// accepted and a malformed one is refused with a precise path.

const count = z.object({ totalCount: z.number().int().nonnegative() });
const actor = z.object({ __typename: z.string().optional(), login: z.string() }).nullish();
const treeEntry = z.object({ name: z.string(), type: z.string() });

export const repositoryNodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string().nullish(),
  homepageUrl: z.string().nullish(),
  description: z.string().nullish(),
  isFork: z.boolean().default(false),
  isArchived: z.boolean().default(false),
  isPrivate: z.boolean().default(false),
  isTemplate: z.boolean().default(false),
  stargazerCount: z.number().int().default(0),
  forkCount: z.number().int().default(0),
  diskUsage: z.number().int().nullish(),
  createdAt: z.string(),
  updatedAt: z.string(),
  pushedAt: z.string().nullish(),
  watchers: count.nullish(),
  owner: z.object({ __typename: z.string().optional(), login: z.string() }),
  primaryLanguage: z.object({ name: z.string() }).nullish(),
  languages: z.object({ edges: z.array(z.object({ size: z.number(), node: z.object({ name: z.string() }) })) }).nullish(),
  repositoryTopics: z.object({ nodes: z.array(z.object({ topic: z.object({ name: z.string() }) })) }).nullish(),
  licenseInfo: z.object({ spdxId: z.string().nullish() }).nullish(),
  defaultBranchRef: z.object({ name: z.string(), target: z.object({ oid: z.string() }).nullish() }).nullish(),
  openIssues: count.nullish(),
  closedIssues: count.nullish(),
  openPullRequests: count.nullish(),
  mergedPullRequests: count.nullish(),
  latestIssue: z.object({ nodes: z.array(z.object({ updatedAt: z.string() })) }).nullish(),
  latestPullRequest: z.object({ nodes: z.array(z.object({ updatedAt: z.string() })) }).nullish(),
  releases: count.nullish(),
  latestRelease: z.object({ tagName: z.string(), publishedAt: z.string().nullish() }).nullish(),
  root: z.object({ entries: z.array(treeEntry).nullish() }).nullish(),
});
export type RepositoryNode = z.infer<typeof repositoryNodeSchema>;

const ownerFields = {
  __typename: z.string(),
  login: z.string(),
  name: z.string().nullish(),
  description: z.string().nullish(),
  bio: z.string().nullish(),
};
const ownerSchema = z.object(ownerFields);
/** An organization or user as GitHub describes it. */
export type OwnerInfo = z.infer<typeof ownerSchema>;

export const ownerPageSchema = z.object({
  repositoryOwner: z
    .object({
      ...ownerFields,
      repositories: z.object({
        totalCount: z.number().int(),
        pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() }),
        nodes: z.array(repositoryNodeSchema.nullable()),
      }),
    })
    .nullable(),
});
export type OwnerPage = z.infer<typeof ownerPageSchema>;

export const singleRepositorySchema = z.object({
  repositoryOwner: ownerSchema.nullable(),
  repository: repositoryNodeSchema.nullable(),
});


const blob = z.object({ oid: z.string().nullish(), text: z.string().nullish(), byteSize: z.number().nullish(), isBinary: z.boolean().nullish(), isTruncated: z.boolean().nullish() }).nullish();
const response = z.object({ createdAt: z.string(), author: actor });
const labels = z.object({ nodes: z.array(z.object({ name: z.string() }).nullable()) }).nullish();

/** What an issue and a pull request node both carry. */
const issueLikeFields = {
  number: z.number().int(),
  title: z.string(),
  state: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullish(),
};

export const issueNodeSchema = z.object({
  ...issueLikeFields,
  author: actor,
  labels,
  comments: z.object({ totalCount: z.number().int().optional(), nodes: z.array(response.nullable()) }).nullish(),
});
export type IssueNode = z.infer<typeof issueNodeSchema>;

export const pullRequestNodeSchema = z.object({
  ...issueLikeFields,
  mergedAt: z.string().nullish(),
  additions: z.number().int().default(0),
  deletions: z.number().int().default(0),
  changedFiles: z.number().int().default(0),
  headRefName: z.string().nullish(),
  author: actor,
  labels,
  comments: z.object({ nodes: z.array(response.nullable()) }).nullish(),
  reviews: z.object({ nodes: z.array(response.nullable()) }).nullish(),
});
export type PullRequestNode = z.infer<typeof pullRequestNodeSchema>;

export const detailNodeSchema = z.object({
  id: z.string(),
  tree: z.object({ entries: z.array(treeEntry.extend({ object: z.object({ entries: z.array(treeEntry).nullish() }).nullish() })).nullish() }).nullish(),
  workflows: z.object({ entries: z.array(treeEntry).nullish() }).nullish(),
  readme: blob,
  citation: blob,
  defaultBranchRef: z
    .object({
      target: z
        .object({
          history: z
            .object({
              totalCount: z.number().int(),
              nodes: z.array(
                z
                  .object({
                    oid: z.string(),
                    committedDate: z.string(),
                    additions: z.number().int().default(0),
                    deletions: z.number().int().default(0),
                    author: z.object({ name: z.string().nullish(), user: z.object({ login: z.string() }).nullish() }).nullish(),
                  })
                  .nullable(),
              ),
            })
            .nullish(),
        })
        .nullish(),
    })
    .nullish(),
  issues: z.object({ nodes: z.array(issueNodeSchema.nullable()) }).nullish(),
  pullRequests: z.object({ nodes: z.array(pullRequestNodeSchema.nullable()) }).nullish(),
  releases: z
    .object({
      totalCount: z.number().int(),
      nodes: z.array(z.object({ tagName: z.string(), name: z.string().nullish(), publishedAt: z.string().nullish(), isPrerelease: z.boolean().default(false), isDraft: z.boolean().default(false) }).nullable()),
    })
    .nullish(),
});
export type DetailNode = z.infer<typeof detailNodeSchema>;

/** REST /repos/{owner}/{repo}/contributors items. */
export const contributorSchema = z.object({
  login: z.string().optional(),
  type: z.string().optional(),
  contributions: z.number().int(),
});
export type ContributorItem = z.infer<typeof contributorSchema>;

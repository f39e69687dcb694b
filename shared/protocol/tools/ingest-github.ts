import { z } from 'zod';
import { defineContract } from '../contract';

const input = z.strictObject({
  target: z
    .string()
    .min(1, 'target is empty; pass a GitHub owner such as "octo-org" or a repository such as "octo-org/hello-world"')
    .max(200)
    .describe('Owner ("octo-org": all repositories), "owner/repo" or a GitHub URL.'),
  research: z.boolean().default(true).describe('Research it after (offline); false: ingest only.'),
  detail: z.boolean().default(true).describe('Fetch issues, PRs, releases, README, commits; false: list repositories only.'),
  windowMonths: z.number().int().min(1).max(240).default(12).describe('Recent window, in months, for commits read and for the research.'),
  concurrency: z.number().int().min(1).max(16).default(4).describe('Requests in flight.'),
  maxWaitSeconds: z.number().int().min(0).max(900).default(60).describe('Longest rate-limit wait before stopping (a rerun resumes).'),
});

const output = z.object({
  host: z.string(),
  owner: z.string(),
  ownerKind: z.string().nullable(),
  repository: z.string().nullable(),
  authenticated: z.boolean(),
  repositories: z.number(),
  detailed: z.number(),
  unchanged: z.number(),
  removed: z.number(),
  cost: z.object({ requests: z.number(), notModified: z.number(), rateLimitCost: z.number(), rateLimitRemaining: z.number().nullable(), rateLimitLimit: z.number().nullable() }),
  research: z.object({ repositories: z.number(), medianHealth: z.number().nullable(), key: z.string().nullable() }).nullable(),
});

export const ingestGitHubContract = defineContract({
  name: 'ingest_github',
  toolset: 'research',
  title: 'Ingest from GitHub',
  description:
    'Fetch a GitHub owner\'s repositories (or one repository) into the database: metadata, issues, PRs, releases, README, citations, commits, contributors; then research them. Re-runs fetch only changes and resume.',
  input,
  output,
  hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
});

export type IngestGitHubArgs = z.input<typeof input>;
export type IngestGitHubResult = z.output<typeof output>;

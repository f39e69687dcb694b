import { z } from 'zod';

// The achievements capability's contract: records, tool inputs and outputs. Zod only, no
// engine imports, so the engine, the MCP tools and the extension parse with the same shapes.

/** The change classes a pull request falls into. */
export const PR_CLASSES = ['feature', 'fix', 'performance', 'security', 'refactor', 'docs', 'tests', 'build-ci', 'chore', 'revert'] as const;
export const prClassSchema = z.enum(PR_CLASSES);
export type PrClass = z.infer<typeof prClassSchema>;

/** Which step of the cascade decided a class: the author's own words first, then paths, then the model. */
export const CLASSIFY_RULES = ['conventional-prefix', 'label', 'revert-title', 'security-words', 'paths-docs', 'paths-tests', 'paths-ci-build', 'paths-dependencies', 'model'] as const;
export const classifyRuleSchema = z.enum(CLASSIFY_RULES);
export type ClassifyRule = z.infer<typeof classifyRuleSchema>;

export const changedFileSchema = z.object({
  path: z.string().min(1).max(4_096),
  // null for binary files, as git's numstat reports them
  additions: z.number().int().min(0).nullable(),
  deletions: z.number().int().min(0).nullable(),
});
export type ChangedFile = z.infer<typeof changedFileSchema>;

/** One line of a `reposcout classify` input file; `label` and unknown keys are ignored. */
export const classifyRecordSchema = z.object({
  id: z.union([z.string().min(1).max(500), z.number().int()]).transform(String),
  title: z.string().max(2_000),
  files: z.array(changedFileSchema).max(100_000).default([]),
  labels: z.array(z.string().max(200)).max(200).optional(),
});
export type ClassifyRecord = z.input<typeof classifyRecordSchema>;

export const classificationSchema = z.object({
  class: prClassSchema,
  rule: classifyRuleSchema,
  confidence: z.number().min(0).max(1),
});
export type Classification = z.infer<typeof classificationSchema>;

export const RECORD_SOURCES = ['github', 'git'] as const;
export const recordSourceSchema = z.enum(RECORD_SOURCES);
export type RecordSource = z.infer<typeof recordSourceSchema>;

const isoTime = z.string().describe('ISO-8601 UTC');

export const actorSchema = z.object({
  login: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
});
export type Actor = z.infer<typeof actorSchema>;

/** Someone's review or comment on a pull request (GitHub only: git cannot see them). */
export const interactionSchema = z.object({
  login: z.string(),
  kind: z.enum(['review', 'comment']),
  state: z.string().nullable(),
  at: isoTime,
  isBot: z.boolean(),
});

export const impactComponentSchema = z.object({
  id: z.string(),
  label: z.string(),
  weight: z.number(),
  /** the 0–1 score of this component; negative components subtract */
  score: z.number(),
  points: z.number(),
  detail: z.string(),
});
export type ImpactComponent = z.infer<typeof impactComponentSchema>;

export const impactSchema = z.object({
  score: z.number().describe('0–100'),
  components: z.array(impactComponentSchema),
});
export type Impact = z.infer<typeof impactSchema>;

/** One merged pull request as the portfolio sees it, from GitHub or reconstructed from git. */
export const achievementRecordSchema = z.object({
  source: recordSourceSchema,
  repository: z.string().describe('owner/name, or the local folder name'),
  repositoryKey: z.string(),
  number: z.number().int(),
  title: z.string(),
  url: z.string().nullable(),
  sha: z.string().nullable().describe('merge or squash commit'),
  author: actorSchema,
  createdAt: isoTime.nullable().describe('null from git: it cannot see when a PR was opened'),
  mergedAt: isoTime,
  firstCommitAt: isoTime.nullable(),
  additions: z.number().int(),
  deletions: z.number().int(),
  files: z.array(changedFileSchema),
  labels: z.array(z.string()),
  interactions: z.array(interactionSchema),
  closingIssues: z.array(z.object({ number: z.number().int(), labels: z.array(z.string()) })),
  revertedBy: z.string().nullable().describe('the commit or PR that reverted this one'),
  dependencies: z.array(z.string()).describe('dependencies declared in manifests the PR touched, read at its merge commit'),
  classification: classificationSchema,
  impact: impactSchema,
});
export type AchievementRecord = z.infer<typeof achievementRecordSchema>;

/** A duration metric's distribution over the PRs where it is known. */
export const durationStatsSchema = z.object({
  n: z.number().int(),
  medianHours: z.number().nullable(),
  p75Hours: z.number().nullable(),
});

export const flowQuarterSchema = z.object({
  quarter: z.string(),
  prs: z.number().int(),
  source: recordSourceSchema,
  /** DevLake definitions; only from GitHub data */
  codingTime: durationStatsSchema.nullable(),
  pickupTime: durationStatsSchema.nullable(),
  reviewTime: durationStatsSchema.nullable(),
  cycleTime: durationStatsSchema.nullable(),
  /** from git alone: first commit to merge, labelled inferred */
  branchLifetimeInferred: durationStatsSchema.nullable(),
  medianSizeLines: z.number().nullable(),
});

export const skillSchema = z.object({
  name: z.string(),
  kind: z.enum(['language', 'framework', 'tool', 'platform']),
  weight: z.number(),
  prs: z.array(z.string()).describe('repository#number of the PRs that show it'),
});

export const highlightSchema = z.object({
  ref: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  mergedAt: isoTime,
  class: prClassSchema,
  impact: z.number(),
  reason: z.string(),
});

/** Prose a language model wrote from the portfolio's data, marked as such wherever it is shown. */
export const portfolioProseSchema = z.object({
  writtenBy: z.literal('language-model'),
  provider: z.string().describe('e.g. anthropic'),
  model: z.string(),
  promptVersion: z.number().int(),
  summary: z.string().describe("the model's executive summary; `summary` keeps the deterministic one"),
  highlightReasons: z.array(z.object({ ref: z.string(), reason: z.string() })).describe("the model's one-line reason per highlight"),
});
export type PortfolioProse = z.infer<typeof portfolioProseSchema>;

export const portfolioSchema = z.object({
  who: z.string(),
  identities: z.array(z.string()),
  window: z.object({ since: isoTime.nullable(), until: isoTime.nullable() }),
  generatedAt: isoTime,
  sources: z.array(recordSourceSchema),
  totals: z.object({ prs: z.number().int(), repositories: z.number().int(), additions: z.number().int(), deletions: z.number().int(), impact: z.number() }),
  summary: z.string().describe('written deterministically from the data'),
  prose: portfolioProseSchema.nullable().describe('written by a language model when one was asked for (--llm); null otherwise'),
  notices: z.array(z.string()),
  highlights: z.array(highlightSchema),
  classMix: z.array(z.object({ class: prClassSchema, prs: z.number().int(), share: z.number() })),
  themes: z.array(z.object({ quarter: z.string(), prs: z.number().int(), impact: z.number(), topClasses: z.array(prClassSchema), themes: z.array(z.string()) })),
  impactOverTime: z.array(z.object({ month: z.string(), impact: z.number(), prs: z.number().int() })),
  skills: z.array(skillSchema),
  flow: z.object({ quarters: z.array(flowQuarterSchema), benchmark: z.string() }),
  collaboration: z.object({
    reviewedBy: z.array(z.object({ login: z.string(), reviews: z.number().int() })),
    /** whose merged PRs the person reviewed (GitHub only), bots left out */
    reviewed: z.array(
      z.object({
        login: z.string(),
        prs: z.number().int(),
        reviews: z.number().int(),
        pullRequests: z.array(z.object({ ref: z.string(), title: z.string(), url: z.string().nullable() })).describe('the most recent of them'),
      }),
    ),
    reviewedTotals: z.object({ prs: z.number().int(), people: z.number().int() }).nullable().describe('null when reviews given were not collected (git alone cannot see them)'),
    note: z.string().nullable(),
  }),
  repositories: z.array(z.object({ repository: z.string(), prs: z.number().int(), impact: z.number() })),
  pullRequests: z.array(z.object({ ref: z.string(), title: z.string(), url: z.string().nullable(), mergedAt: isoTime, class: prClassSchema, rule: classifyRuleSchema, impact: z.number(), source: recordSourceSchema })),
});
export type Portfolio = z.infer<typeof portfolioSchema>;

// ---- MCP tool inputs and outputs (kept compact: tools/list is read by every agent) ----

// Dates are checked by the engine's parseWindow, which names the wrong value and the fix;
// a regex here would repeat in every tool's schema that agents read.
const when = () => z.string().max(40);
const personInput = {
  who: z.string().min(1, 'who is empty; pass a GitHub login, an e-mail or a name').max(320).describe('GitHub login, e-mail, or name as git records it'),
  as: z.array(z.string().min(1).max(320)).max(20).optional().describe("the same person's other e-mails, logins or names"),
  since: when().optional().describe('merged on or after (YYYY-MM-DD or ISO time)'),
  until: when().optional().describe('merged on or before; a date means its end'),
};

// Sources: local clones and/or one GitHub scope (owner, repos or everywhere). Which
// combinations are allowed and the shape of names are checked by the tool, whose messages
// name the fix; the schema stays small because every agent reads it.
export const collectAchievementsInput = z.strictObject({
  ...personInput,
  local: z.array(z.string().min(1).max(4_096)).max(50).optional().describe('local git clones to read'),
  owner: z.string().min(1).max(100).optional().describe('GitHub user or org to search in'),
  repos: z.array(z.string().min(3).max(200)).max(50).optional().describe('GitHub owner/name list'),
  everywhere: z.boolean().optional().describe('search all of GitHub'),
});
export const collectAchievementsOutput = z.object({
  who: z.string(),
  repositories: z.array(z.object({ name: z.string(), prs: z.number(), newCommits: z.number() })),
  prs: z.number(),
  requests: z.number().describe('GitHub requests made'),
  summary: z.string(),
});

export const listAchievementsInput = z.strictObject({
  ...personInput,
  classes: z.array(prClassSchema).max(10).optional().describe('only these classes'),
  repository: z.string().min(1).max(300).optional().describe('only this repository (name or key)'),
  minImpact: z.number().min(0).max(100).optional().describe('only PRs with at least this impact'),
  limit: z.number().int().min(1).max(100).default(20).describe('page size'),
  cursor: z.string().max(500).optional().describe('nextCursor of the previous page, same filters'),
});
export const achievementBriefSchema = z.object({
  ref: z.string(),
  repositoryKey: z.string(),
  number: z.number(),
  title: z.string(),
  mergedAt: z.string(),
  class: prClassSchema,
  impact: z.number(),
  source: recordSourceSchema,
  url: z.string().nullable(),
  sha: z.string().nullable(),
});
export const listAchievementsOutput = z.object({ items: z.array(achievementBriefSchema), total: z.number(), nextCursor: z.string().nullable() });

export const getPullRequestImpactInput = z.strictObject({
  repository: z.string().min(1).max(300).describe('repositoryKey or name from list_achievements'),
  number: z.number().int().min(1).max(1_000_000_000).describe('pull request number'),
});
export const getPullRequestImpactOutput = z.object({
  ref: z.string(),
  title: z.string(),
  source: recordSourceSchema,
  classification: z.object({ class: prClassSchema, rule: classifyRuleSchema, confidence: z.number() }),
  impact: z.number(),
  components: z.array(z.object({ label: z.string(), points: z.number(), detail: z.string() })),
});

export const PORTFOLIO_SECTIONS = ['highlights', 'themes', 'classMix', 'skills', 'flow', 'collaboration', 'repositories', 'impactOverTime'] as const;
export const getPortfolioInput = z.strictObject({
  ...personInput,
  sections: z.array(z.enum(PORTFOLIO_SECTIONS)).max(PORTFOLIO_SECTIONS.length).optional().describe('sections to add to the summary'),
});
export const getPortfolioOutput = z.object({
  who: z.string(),
  totals: z.object({ prs: z.number(), repositories: z.number(), additions: z.number(), deletions: z.number(), impact: z.number() }),
  summary: z.string(),
  notices: z.array(z.string()),
  sections: z.record(z.string(), z.unknown()).describe('the requested sections, as in the JSON export'),
});

// ---- Exports as MCP resources (read by the VS Code extension; resources cost tools/list nothing) ----

export const PORTFOLIO_EXPORT_FORMATS = ['md', 'html', 'json', 'pdf'] as const;
export type PortfolioExportFormat = (typeof PORTFOLIO_EXPORT_FORMATS)[number];
export const PORTFOLIO_EXPORT_TEMPLATE = 'reposcout://portfolio/{who}/export/{format}';
export const PORTFOLIO_EXPORT_MIME: Record<PortfolioExportFormat, string> = { md: 'text/markdown', html: 'text/html', json: 'application/json', pdf: 'application/pdf' };

/** JSON-RPC error code of a PDF export on a machine without a Chromium-family browser. */
export const PORTFOLIO_NO_BROWSER_CODE = -32010;

/**
 * The URI of one export of everything stored for `who` and the same person's `aliases` (one
 * path segment: the names joined by newlines, percent-encoded); a PDF comes back as a base64 blob.
 */
export function portfolioExportUri(who: string, format: PortfolioExportFormat, aliases: readonly string[] = []): string {
  return `reposcout://portfolio/${encodeURIComponent([who, ...aliases].join('\n'))}/export/${format}`;
}

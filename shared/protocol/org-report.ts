import { z } from 'zod';
import { gradeSchema } from './records';
import {
  citationCountsSchema,
  citationReferenceSchema,
  healthComponentAveragesSchema,
  healthHistogramSchema,
  networkCommunitySchema,
  networkPersonSchema,
  topicClusterSchema,
  topicTermSchema,
} from './organization';

// The organization report's model: what the self-contained HTML organization report and the
// VS Code dashboard both render, with the same browser code (webview-client/org-report.ts).
// The engine builds it from an organization research (shared/reports/org-report-model.ts)
// and serves it as the resource ORG_REPORT_MODEL_TEMPLATE; the extension fills the same
// shape for its local clones from the repository tools, leaving the organization-only parts
// empty. Repository and people text inside is data: rendered with textContent only.

/** Where the engine serves a researched GitHub owner's report model (JSON); `owner` percent-encoded. */
export const ORG_REPORT_MODEL_TEMPLATE = 'reposcout://organization/{owner}/report-model';

/** The organization report model's URI for one owner login. */
export function orgReportModelUri(owner: string): string {
  return `reposcout://organization/${encodeURIComponent(owner)}/report-model`;
}

const n = () => z.number();
const fact = z.object({ label: z.string(), value: z.string() });

/** A repository in the best and worst lists, with the sentences behind its score. */
const rankedRowSchema = z.object({ key: z.string(), name: z.string(), health: n(), grade: gradeSchema, busFactor: n(), reasons: z.array(z.string()) });

/** A repository in the full table; `key` opens its report. What a source does not know is null. */
export const orgReportRepositorySchema = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  health: n().nullable(),
  grade: gradeSchema.nullable(),
  language: z.string().nullable(),
  stars: n().nullable(),
  contributors: n().nullable(),
  busFactor: n().nullable(),
  pushedAt: z.string().nullable(),
  lastCommitAt: z.string().nullable(),
  /** archived, fork, empty, topics: one line of plain text. */
  notes: z.string(),
});

/** A node of the drawn collaboration graph: a person (community from the research, -1 when none) or a repository. */
export const orgGraphNodeSchema = z.object({
  id: z.string(),
  kind: z.enum(['person', 'repository']),
  label: z.string(),
  /** Diameter in pixels. */
  size: n(),
  community: n(),
  health: n().nullable(),
  /** The repository's stored key (opens its report); null for people. */
  key: z.string().nullable(),
  /** What identifies a person to the extension's contributor lookup (e-mail, or the GitHub login). */
  email: z.string().nullable(),
});

export const orgReportModelSchema = z.object({
  owner: z.object({
    /** The GitHub login; null for the local clones. */
    login: z.string().nullable(),
    title: z.string(),
    name: z.string().nullable(),
    description: z.string().nullable(),
    kind: z.string().nullable(),
    host: z.string().nullable(),
  }),
  analyzedAt: z.string().nullable(),
  /** The overview facts (empty for the local clones). */
  overview: z.array(fact),
  kpis: z.object({
    repositories: n(),
    medianHealth: n().nullable(),
    averageHealth: n().nullable(),
    active: n().nullable(),
    dormant: n().nullable(),
    archived: n().nullable(),
    contributors: n(),
    communities: n().nullable(),
    stars: n().nullable(),
    pullRequestsMerged: n().nullable(),
    repositoriesWithCitations: n().nullable(),
  }),
  health: z.object({
    /** Repositories the ranking compares (null: every scored one). */
    ranked: n().nullable(),
    grades: z.array(z.object({ grade: z.enum(['A', 'B', 'C', 'D', 'F', 'n/a']), count: n() })),
    /** Ten score buckets; empty when the source has none (then the grades are charted). */
    histogram: healthHistogramSchema,
    best: z.array(rankedRowSchema),
    worst: z.array(rankedRowSchema),
    /** Component averages, weakest first. */
    components: healthComponentAveragesSchema,
  }),
  /** `share`: of the code (null when unknown); `repositories`: where it is the primary language. */
  languages: z.array(z.object({ language: z.string(), share: n().nullable(), repositories: n() })),
  activity: z.object({ weeks: z.array(z.object({ week: z.string(), commits: n(), repositories: n() })), facts: z.array(fact) }).nullable(),
  /** The largest clusters and most common terms; the counts say how many there are in all. */
  topics: z.object({ clusters: z.array(topicClusterSchema.omit({ id: true })), clusterCount: n(), terms: z.array(topicTermSchema), termCount: n() }).nullable(),
  network: z.object({
    nodes: z.array(orgGraphNodeSchema),
    edges: z.array(z.object({ source: z.string(), target: z.string(), weight: n() })),
    people: n(),
    repositories: n(),
    shownPeople: n(),
    shownRepositories: n(),
    notes: z.array(z.string()),
    central: z.array(networkPersonSchema.omit({ pagerank: true })),
    communities: z.array(networkCommunitySchema),
    /** Repositories whose work rests on the fewest people, riskiest first; `atRisk` counts them all. */
    atRisk: n(),
    busFactorRisk: z.array(z.object({ name: z.string(), busFactor: n(), busFactorWindow: n().nullable(), topContributor: z.string().nullable(), share: n() })),
  }),
  citations: z
    .object({
      counts: citationCountsSchema,
      files: z.array(z.object({ name: z.string(), title: z.string().nullable(), authors: z.array(z.string()), version: z.string().nullable(), doi: z.string().nullable(), problems: z.array(z.string()) })),
      references: z.array(citationReferenceSchema),
    })
    .nullable(),
  repositories: z.array(orgReportRepositorySchema),
});
export type OrgReportModel = z.output<typeof orgReportModelSchema>;

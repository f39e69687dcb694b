import { z } from 'zod';
import {
  activitySectionSchema,
  busFactorsSchema,
  communityFilesSchema,
  githubFactsSchema,
  healthSchema,
  healthComponentSchema,
  hotspotSchema,
  identitySchema,
  languageShareSchema,
  pullRequestsSectionSchema,
  releasesSchema,
  summarySchema,
} from './records';
import { contributorStatsSchema } from './research';

// The repository report's model: what the self-contained HTML report and the VS Code report
// webview both render, with the same browser code (webview-client/report.ts). The engine
// builds it from the research record (shared/reports/report-model.ts) and serves it as the
// resource REPORT_MODEL_TEMPLATE; it is made of the records get_repository publishes, so no
// shape is written twice. Repository text inside is data: rendered with textContent only.

/** Where the engine serves a stored repository's report model (JSON); `key` percent-encoded. */
export const REPORT_MODEL_TEMPLATE = 'reposcout://repository/{key}/report-model';

/** The report model's URI for one repository key. */
export function reportModelUri(key: string): string {
  return `reposcout://repository/${encodeURIComponent(key)}/report-model`;
}

/** One line of a report's prose, e.g. { label: 'Window', value: 'Last 12 months, since 2024-06-02' }: plain text. */
export const reportFactSchema = z.object({ label: z.string(), value: z.string() });
export type ReportFact = z.output<typeof reportFactSchema>;

export const reportModelSchema = z.object({
  repository: identitySchema,
  summary: summarySchema,
  /**
   * The report's sentences, worded once by the engine (shared/reports/facts.ts) for the
   * Markdown report and both renderings: the summary card, the activity facts under its
   * chart, and why some health components were left out (null when none was).
   */
  facts: z.object({ summary: z.array(reportFactSchema), activity: z.array(reportFactSchema), healthNote: z.string().nullable() }),
  github: githubFactsSchema.nullable(),
  /** `possible`: the points a component could earn, its weight renormalised over the measured ones (0 when not measured). */
  health: healthSchema.extend({ components: z.array(healthComponentSchema.extend({ possible: z.number() })) }),
  /** `recentWeeks`: the window's whole weekly series, as the old report charted it. */
  activity: activitySectionSchema,
  /** Counts, the humans with the most commits (`top`) and every bot account (`botAccounts`), each by commits. */
  contributors: z.object({ humans: z.number(), bots: z.number(), top: z.array(contributorStatsSchema), botAccounts: z.array(contributorStatsSchema) }),
  busFactor: busFactorsSchema,
  hotspots: z.array(hotspotSchema),
  languages: z.array(languageShareSchema),
  communityFiles: communityFilesSchema,
  pullRequests: pullRequestsSectionSchema,
  releases: releasesSchema,
});
export type ReportModel = z.output<typeof reportModelSchema>;

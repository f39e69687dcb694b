import { z } from 'zod';
import {
  activitySectionSchema,
  busFactorsSchema,
  communityFilesSchema,
  githubFactsSchema,
  healthSchema,
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

export const reportModelSchema = z.object({
  repository: identitySchema,
  summary: summarySchema,
  github: githubFactsSchema.nullable(),
  health: healthSchema,
  activity: activitySectionSchema,
  /** Counts, and the people shown: the humans with the most commits, then the bots. */
  contributors: z.object({ humans: z.number(), bots: z.number(), shown: z.array(contributorStatsSchema) }),
  busFactor: busFactorsSchema,
  hotspots: z.array(hotspotSchema),
  languages: z.array(languageShareSchema),
  communityFiles: communityFilesSchema,
  pullRequests: pullRequestsSectionSchema,
  releases: releasesSchema,
});
export type ReportModel = z.output<typeof reportModelSchema>;

import type { z } from 'zod';
import type {
  activitySchema,
  contributorStatsSchema,
  githubHealthInputsSchema,
  githubRepositoryFactsSchema,
  reconstructedPullRequestSchema,
  pullRequestSummarySchema,
  releasesRecordSchema,
  repositoryResearchSchema,
  researchedRepositorySchema,
} from '../protocol/research';
import type { busFactorSchema, communityFilesSchema, healthComponentSchema, healthSchema, hotspotSchema, languageShareSchema, weekSchema } from '../protocol/records';

// The engine's names for the research record and its parts. The record is declared once, as
// zod schemas in shared/protocol/research.ts (and the parts tools publish in records.ts); the
// field comments are there.

/** The research result for one repository: what `reposcout research` stores, prints with --json, and renders into reports. */
export type RepositoryResearch = z.output<typeof repositoryResearchSchema>;
/** The record's header: which repository, at which commit, when. */
export type ResearchedRepository = z.output<typeof researchedRepositorySchema>;
export type GitHubRepositoryFacts = z.output<typeof githubRepositoryFactsSchema>;
export type GitHubHealthInputs = z.output<typeof githubHealthInputsSchema>;
export type ContributorStats = z.output<typeof contributorStatsSchema>;
export type BusFactorResult = z.output<typeof busFactorSchema>;
export type WeeklyActivity = z.output<typeof weekSchema>;
export type Activity = z.output<typeof activitySchema>;
export type Hotspot = z.output<typeof hotspotSchema>;
export type LanguageShare = z.output<typeof languageShareSchema>;
export type CommunityFiles = z.output<typeof communityFilesSchema>;
export type ReconstructedPullRequest = z.output<typeof reconstructedPullRequestSchema>;
export type PullRequestSummary = z.output<typeof pullRequestSummarySchema>;
export type Releases = z.output<typeof releasesRecordSchema>;
export type HealthComponent = z.output<typeof healthComponentSchema>;
export type HealthScore = z.output<typeof healthSchema>;

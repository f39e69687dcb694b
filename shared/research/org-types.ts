import type { z } from 'zod';
import type {
  cffSummarySchema,
  citationReferenceSchema,
  citationsSchema,
  coContributionEdgeSchema,
  collaborationNetworkSchema,
  networkCommunitySchema,
  networkPersonSchema,
  networkRepositorySchema,
  organizationActivitySchema,
  organizationHealthSchema,
  organizationLanguageRecordSchema,
  organizationRepositorySchema,
  organizationResearchSchema,
  repositoryCitationsSchema,
  serializedGraphSchema,
  topicClusterSchema,
  topicsSchema,
  topicTermSchema,
} from '../protocol/organization';
import type { organizationSummarySchema } from '../protocol/records';

// The engine's names for the organization research record and its parts: what `reposcout
// research <owner>` stores, prints with --json, and renders into the organization report.
// The record is declared once, as zod schemas in shared/protocol/organization.ts; the field
// comments are there.

export type OrganizationResearch = z.output<typeof organizationResearchSchema>;
export type OrganizationTotals = z.output<typeof organizationSummarySchema>['totals'];
export type OrganizationRepository = z.output<typeof organizationRepositorySchema>;
export type OrganizationHealth = z.output<typeof organizationHealthSchema>;
export type OrganizationLanguage = z.output<typeof organizationLanguageRecordSchema>;
export type OrganizationActivity = z.output<typeof organizationActivitySchema>;
export type NetworkPerson = z.output<typeof networkPersonSchema>;
export type NetworkRepository = z.output<typeof networkRepositorySchema>;
export type CoContributionEdge = z.output<typeof coContributionEdgeSchema>;
export type NetworkCommunity = z.output<typeof networkCommunitySchema>;
export type SerializedGraph = z.output<typeof serializedGraphSchema>;
export type CollaborationNetwork = z.output<typeof collaborationNetworkSchema>;
export type TopicTerm = z.output<typeof topicTermSchema>;
export type TopicCluster = z.output<typeof topicClusterSchema>;
export type TopicsResult = z.output<typeof topicsSchema>;
export type CffSummary = z.output<typeof cffSummarySchema>;
export type RepositoryCitations = z.output<typeof repositoryCitationsSchema>;
export type CitationReference = z.output<typeof citationReferenceSchema>;
export type CitationsResult = z.output<typeof citationsSchema>;

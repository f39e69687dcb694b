import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { ownerInput } from '../inputs';
import { healthComponentAveragesSchema, healthHistogramSchema, organizationActivitySectionSchema, organizationLanguageSchema, rankedRepositorySchema } from '../organization';
import { organizationSummarySchema } from '../records';

export const organizationSections = ['health', 'best', 'worst', 'languages', 'activity'] as const;

const input = z.strictObject({
  owner: ownerInput,
  sections: z
    .array(z.enum([...organizationSections, 'all']))
    .max(6)
    .default([])
    .describe('Sections besides the summary.'),
});

// The sections: parts of the stored organization record (shared/protocol/organization.ts).
const output = organizationSummarySchema.extend({
  healthDistribution: z.object({ histogram: healthHistogramSchema, components: healthComponentAveragesSchema }).optional(),
  best: z.array(rankedRepositorySchema).optional(),
  worst: z.array(rankedRepositorySchema).optional(),
  languages: z.array(organizationLanguageSchema).optional(),
  activity: organizationActivitySectionSchema.optional(),
});

export const getOrganizationContract = defineContract({
  name: 'get_organization',
  toolset: 'research',
  title: "Get an organization's research",
  description:
    'Get a researched GitHub organization or user: repository counts, stars, contributors, median health and grades; sections add health distribution, best and worst repositories, languages, activity.',
  input,
  output,
  hints: READ_ONLY,
});

export type GetOrganizationArgs = z.input<typeof input>;
export type GetOrganizationResult = z.output<typeof output>;

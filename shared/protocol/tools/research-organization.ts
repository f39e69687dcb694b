import { z } from 'zod';
import { defineContract } from '../contract';
import { ownerInput } from '../inputs';
import { organizationSummarySchema } from '../records';

const input = z.strictObject({
  owner: ownerInput,
  windowMonths: z.number().int().min(1).max(240).default(12).describe('Recent window, in months, for bus factor, activity and health.'),
});

// Headline figures only: get_organization reads the rest.
const n = () => z.number();
const output = z.object({
  owner: z.string(),
  analyzedAt: z.string(),
  windowMonths: n(),
  repositories: n(),
  ranked: n(),
  medianHealth: n().nullable(),
  grades: organizationSummarySchema.shape.health.shape.grades,
});

export const researchOrganizationContract = defineContract({
  name: 'research_organization',
  toolset: 'research',
  title: 'Research a GitHub organization',
  description:
    'Recompute a GitHub organization\'s research offline from what ingest_github stored: repository health, bus factor, languages, activity, network, topics, citations. Use it to change windowMonths.',
  input,
  output,
  hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
});

export type ResearchOrganizationArgs = z.input<typeof input>;
export type ResearchOrganizationResult = z.output<typeof output>;

import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { ownerInput } from '../inputs';
import { gradeSchema, organizationSummarySchema } from '../records';

export const organizationSections = ['health', 'best', 'worst', 'languages', 'activity'] as const;

const input = z.strictObject({
  owner: ownerInput,
  sections: z
    .array(z.enum([...organizationSections, 'all']))
    .max(6)
    .default([])
    .describe('Sections besides the summary.'),
});

const n = () => z.number();
const ranked = z.object({
  name: z.string(),
  key: z.string(),
  health: n(),
  grade: gradeSchema,
  language: z.string().nullable(),
  busFactor: n(),
  contributors: n(),
  pushedAt: z.string().nullable(),
  strengths: z.array(z.string()),
  weaknesses: z.array(z.string()),
});

const output = organizationSummarySchema.extend({
  healthDistribution: z
    .object({
      histogram: z.array(z.object({ bucket: z.string(), count: n() })),
      components: z.array(z.object({ id: z.string(), label: z.string(), weight: n(), averageScore: n(), measured: n() })),
    })
    .optional(),
  best: z.array(ranked).optional(),
  worst: z.array(ranked).optional(),
  languages: z.array(z.object({ language: z.string(), share: n(), repositories: n() })).optional(),
  activity: z
    .object({
      commitsInWindow: n(),
      commitsInWindowReported: n(),
      pullRequestsMergedInWindow: n(),
      issuesOpenedInWindow: n(),
      releasesInWindow: n(),
      recentWeeks: z.array(z.object({ week: z.string(), commits: n(), repositories: n(), authors: n() })),
    })
    .optional(),
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

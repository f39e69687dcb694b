import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { cursorInput, limitInput, ownerInput } from '../inputs';
import { cffSummarySchema, citationCountsSchema, citationKindSchema, citationReferenceSchema } from '../organization';

const input = z.strictObject({
  owner: ownerInput,
  kind: citationKindSchema.optional().describe('Only references of this kind.'),
  repository: z.string().min(1).max(100).optional().describe('Only this repository (its name).'),
  limit: limitInput(100, 20),
  cursor: cursorInput('owner, kind and repository'),
});

// Parts of the stored organization record (shared/protocol/organization.ts).
const n = () => z.number();
const output = z.object({
  owner: z.string(),
  counts: citationCountsSchema,
  references: z.array(citationReferenceSchema.extend({ repositoryCount: n() })),
  total: n(),
  nextCursor: z.string().nullable(),
  citationFiles: z.array(z.object({ repository: z.string(), ...cffSummarySchema.omit({ preferredCitation: true }).shape })),
});

export const getCitationsContract = defineContract({
  name: 'get_citations',
  toolset: 'research',
  title: "An organization's citations",
  description:
    'Read a researched organization\'s citations: CITATION.cff files (title, version, DOI, authors) and the DOIs, arXiv ids and Zenodo records READMEs mention. Paged.',
  input,
  output,
  hints: READ_ONLY,
});

export type GetCitationsArgs = z.input<typeof input>;
export type GetCitationsResult = z.output<typeof output>;

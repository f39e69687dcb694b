import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { cursorInput, limitInput, ownerInput } from '../inputs';

const input = z.strictObject({
  owner: ownerInput,
  kind: z.enum(['doi', 'arxiv', 'zenodo']).optional().describe('Only references of this kind.'),
  repository: z.string().min(1).max(100).optional().describe('Only this repository (its name).'),
  limit: limitInput(100, 20),
  cursor: cursorInput('owner, kind and repository'),
});

const n = () => z.number();
const output = z.object({
  owner: z.string(),
  counts: z.object({ citationFiles: n(), dois: n(), arxiv: n(), zenodo: n(), repositoriesWithCitations: n() }),
  references: z.array(z.object({ kind: z.enum(['doi', 'arxiv', 'zenodo']), id: z.string(), url: z.string(), repositories: z.array(z.string()), repositoryCount: n() })),
  total: n(),
  nextCursor: z.string().nullable(),
  citationFiles: z.array(
    z.object({
      repository: z.string(),
      title: z.string().nullable(),
      version: z.string().nullable(),
      doi: z.string().nullable(),
      dateReleased: z.string().nullable(),
      authors: z.array(z.string()),
      problems: z.array(z.string()),
    }),
  ),
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

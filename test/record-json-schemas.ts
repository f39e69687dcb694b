import { z } from 'zod';
import { organizationResearchSchema } from '../shared/protocol/organization';
import { repositoryResearchSchema } from '../shared/protocol/research';

const published = (title: string, schema: z.ZodType) => () => `${JSON.stringify({ title, ...z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }) }, null, 2)}\n`;

/** The research records as published JSON Schemas (draft 2020-12), generated from the protocol's zod schemas by `npm run readme`. */
export const recordJsonSchemas: Record<string, () => string> = {
  'schemas/research.schema.json': published('RepoScout repository research', repositoryResearchSchema),
  'schemas/organization.schema.json': published('RepoScout organization research', organizationResearchSchema),
};

import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { organizationResearchSchema } from '../../shared/protocol/organization';
import { repositoryResearchSchema } from '../../shared/protocol/research';

/**
 * Why a stored record (its JSON, parsed) is not exactly what `schema` declares, or null when
 * it is. zod objects drop fields they do not declare, so a field the engine writes but the
 * protocol does not declare, at any depth, shows up as a difference between the JSON and what
 * the schema makes of it.
 */
export function recordProblem(schema: z.ZodType, json: unknown): string | null {
  const parsed = schema.safeParse(json);
  if (!parsed.success) return parsed.error.message;
  return isDeepStrictEqual(parsed.data, json) ? null : `fields the schema does not declare: ${undeclared(json, parsed.data).join(', ')}`;
}

/** The same for a repository's research record (shared/protocol/research.ts). */
export const researchRecordProblem = (json: unknown) => recordProblem(repositoryResearchSchema, json);
/** The same for an organization's research record (shared/protocol/organization.ts). */
export const organizationRecordProblem = (json: unknown) => recordProblem(organizationResearchSchema, json);

function undeclared(json: unknown, kept: unknown, at = '$'): string[] {
  if (Array.isArray(json) && Array.isArray(kept)) return json.flatMap((item, i) => undeclared(item, kept[i], `${at}[${i}]`));
  if (json && typeof json === 'object' && kept && typeof kept === 'object') {
    return Object.entries(json).flatMap(([key, value]) => (key in kept ? undeclared(value, (kept as Record<string, unknown>)[key], `${at}.${key}`) : [`${at}.${key}`]));
  }
  return [];
}

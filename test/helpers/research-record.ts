import { isDeepStrictEqual } from 'node:util';
import { repositoryResearchSchema } from '../../shared/protocol/research';

/**
 * Why a stored research record (its JSON, parsed) is not exactly the protocol's research
 * record, or null when it is. zod objects drop fields they do not declare, so a field the
 * engine writes but shared/protocol/research.ts does not declare, at any depth, shows up as
 * a difference between the JSON and what the schema makes of it.
 */
export function researchRecordProblem(json: unknown): string | null {
  const parsed = repositoryResearchSchema.safeParse(json);
  if (!parsed.success) return parsed.error.message;
  return isDeepStrictEqual(parsed.data, json) ? null : `fields the schema does not declare: ${undeclared(json, parsed.data).join(', ')}`;
}

function undeclared(json: unknown, kept: unknown, at = '$'): string[] {
  if (Array.isArray(json) && Array.isArray(kept)) return json.flatMap((item, i) => undeclared(item, kept[i], `${at}[${i}]`));
  if (json && typeof json === 'object' && kept && typeof kept === 'object') {
    return Object.entries(json).flatMap(([key, value]) => (key in kept ? undeclared(value, (kept as Record<string, unknown>)[key], `${at}.${key}`) : [`${at}.${key}`]));
  }
  return [];
}

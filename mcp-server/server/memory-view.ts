import { z } from 'zod';
import { MEMORY_LINK_KINDS, type Memory, type MemoryVersion } from '../../shared/memory/types';
import { quote } from './untrusted';

// Projections and inputs shared by the memory toolset. Memory text is user content: in a
// text answer it only ever appears quoted, inside a data block.

export const linkInput = z.strictObject({
  kind: z.enum(MEMORY_LINK_KINDS).describe('repository, pull_request or job'),
  target: z
    .string()
    .min(1)
    .max(2000)
    .describe('repository: owner/name, a key (github:owner/name, local:/path) or a GitHub URL; pull_request: owner/name#123 or a PR URL; job: its id.'),
});

const tagInput = z.string().min(1).max(64).describe('A tag: letters, digits and . _ : / - (e.g. "perf", "area/search"); case-insensitive.');

const dateInput = (name: string, meaning: string) =>
  z
    .string()
    .min(1)
    .max(40)
    .refine((v) => !Number.isNaN(Date.parse(v)), `${name} must be a date such as 2025-01-31 or an ISO-8601 time such as 2025-01-31T12:00:00Z`)
    .optional()
    .describe(meaning);

/** The filters recall and list_memories share; every given condition must hold. */
export const memoryFilterInputs = {
  tags: z.array(tagInput).min(1).max(32).optional().describe('Only memories carrying every one of these tags.'),
  link: linkInput.optional().describe('Only memories linked to this repository, pull request or job.'),
  since: dateInput('since', 'Only memories last updated at or after this date or time (ISO-8601).'),
  until: dateInput('until', 'Only memories last updated before this date or time (ISO-8601).'),
};

export const memorySchema = z.object({
  id: z.number(),
  text: z.string(),
  tags: z.array(z.string()),
  links: z.array(z.object({ kind: z.enum(MEMORY_LINK_KINDS), target: z.string() })),
  timesRemembered: z.number().describe('1 + near-duplicates merged into it'),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export function memoryOf(m: Memory): z.output<typeof memorySchema> {
  return { id: m.id, text: m.text, tags: m.tags, links: m.links, timesRemembered: m.timesRemembered, createdAt: m.createdAt, updatedAt: m.updatedAt };
}

export const versionSchema = z.object({
  event: z.enum(['created', 'merged']),
  text: z.string(),
  tags: z.array(z.string()),
  similarity: z.number().nullable(),
  at: z.string(),
});

export function versionOf(v: MemoryVersion): z.output<typeof versionSchema> {
  return { event: v.event, text: v.text, tags: v.tags, similarity: v.similarity, at: v.at };
}

/** A memory in a text answer (inside a memory data block): id, date, tags, links, quoted text. */
export function memoryRow(m: z.output<typeof memorySchema>, max = 500): string {
  const tags = m.tags.length ? ` tags ${quote(m.tags.join(', '))}` : '';
  const links = m.links.length ? ` links ${m.links.map((l) => `${l.kind} ${quote(l.target)}`).join(', ')}` : '';
  const times = m.timesRemembered > 1 ? ` remembered ${m.timesRemembered}x` : '';
  return `memory ${m.id} updated ${m.updatedAt.slice(0, 10)}${times}${tags}${links}\n   text ${quote(m.text, max)}`;
}

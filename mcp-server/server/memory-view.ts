import type { z } from 'zod';
import type { Memory, MemoryVersion } from '../../shared/memory/types';
import { memorySchema, memoryVersionSchema as versionSchema } from '../../shared/protocol/records';
import { quote } from './untrusted';

// Projections and inputs shared by the memory toolset. Memory text is user content: in a
// text answer it only ever appears quoted, inside a data block.

export function memoryOf(m: Memory): z.output<typeof memorySchema> {
  return { id: m.id, text: m.text, tags: m.tags, links: m.links, timesRemembered: m.timesRemembered, createdAt: m.createdAt, updatedAt: m.updatedAt };
}

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

import type { Memory } from '../../shared/memory/types';
import { quote } from './untrusted';

// What the memory toolset shares. The engine's memories are the protocol's records
// (shared/memory/types.ts), so they go out as they are. Memory text is user content: in a
// text answer it only ever appears quoted, inside a data block.

/** A memory in a text answer (inside a memory data block): id, date, tags, links, quoted text. */
export function memoryRow(m: Memory, max = 500): string {
  const tags = m.tags.length ? ` tags ${quote(m.tags.join(', '))}` : '';
  const links = m.links.length ? ` links ${m.links.map((l) => `${l.kind} ${quote(l.target)}`).join(', ')}` : '';
  const times = m.timesRemembered > 1 ? ` remembered ${m.timesRemembered}x` : '';
  return `memory ${m.id} updated ${m.updatedAt.slice(0, 10)}${times}${tags}${links}\n   text ${quote(m.text, max)}`;
}

import type { z } from 'zod';
import type { memoryLinkSchema, memorySchema, memoryVersionSchema } from '../protocol/records';

export { MEMORY_LINK_KINDS, type MemoryLinkKind } from '../protocol/limits';

// The records memories travel as are declared once, in shared/protocol/records.ts.
export type MemoryLink = z.output<typeof memoryLinkSchema>;
export type Memory = z.output<typeof memorySchema>;
export type MemoryVersion = z.output<typeof memoryVersionSchema>;

/** Which memories a recall or a listing considers. All given conditions must hold. */
export interface MemoryFilters {
  /** Memories carrying every one of these tags. */
  tags?: readonly string[];
  /** Memories linked to this target. */
  link?: MemoryLink;
  /** ISO-8601; memories last updated at or after. */
  since?: string;
  /** ISO-8601; memories last updated before. */
  until?: string;
}

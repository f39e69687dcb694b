import type { MemoryLinkKind } from '../protocol/limits';

export { MEMORY_LINK_KINDS, type MemoryLinkKind } from '../protocol/limits';

export interface MemoryLink {
  kind: MemoryLinkKind;
  /** 'github:owner/name' or 'local:/path'; '<repository>#<number>' for a PR; a job id. */
  target: string;
}

export interface Memory {
  id: number;
  text: string;
  tags: string[];
  links: MemoryLink[];
  /** 1 + how many near-duplicates were merged into it. */
  timesRemembered: number;
  createdAt: string;
  updatedAt: string;
}

export interface MemoryVersion {
  event: 'created' | 'merged';
  text: string;
  tags: string[];
  /** Similarity to the memory it was merged into (cosine in the embedder's space), for merges. */
  similarity: number | null;
  at: string;
}

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

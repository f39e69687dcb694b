// The memory store's engine API, for the CLI and the MCP `memory` toolset.
export { remember, memoryDocument, MERGE_SIMILARITY, MERGE_WORD_OVERLAP, type RememberInput, type RememberResult } from './remember';
export { recall, normalizeFilters, type RecallInput, type RecallResult, type RecalledMemory } from './recall';
export { listMemories, type ListMemoriesInput, type MemoryPage } from './list';
export { forgetMemories } from './forget';
export { loadMemory, memoryHistory } from './rows';
export { rememberInputSchema, recallInputSchema, listMemoriesInputSchema, forgetInputSchema } from './schemas';
export type { Memory, MemoryFilters, MemoryLink, MemoryLinkKind, MemoryVersion } from './types';

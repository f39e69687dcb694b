// The search engine's API, for the CLI and the MCP tools.
export { indexDocuments, removeDocuments, getDocument, DOCUMENT_KINDS, type DocumentKind, type SearchDocumentInput, type IndexResult } from './documents';
export { indexStoredRepositories, researchDocument } from './index-repositories';
export { openSpace, currentSpace, listSpaces, clearSpace, type VectorSpace, type SpaceSummary } from './spaces';
export { syncEmbeddings, countPending, type SyncResult } from './sync';
export { searchDocuments, type SearchRequest, type SearchResponse, type SearchHit, type SearchMode } from './search';
export { MAX_QUERY_CHARS } from './query';
export { searchInputSchema } from './schemas';

// The engine functions the evaluation harness and the benchmarks call, bundled by them
// with esbuild (native packages external) so they run on plain Node.
export { openStore } from '../../shared/store/open';
export { importRepositories } from '../../shared/exchange/import';
export { openSpace } from '../../shared/search/spaces';
export { syncEmbeddings } from '../../shared/search/sync';
export { indexDocuments } from '../../shared/search/documents';
export { searchDocuments } from '../../shared/search/search';
export { similarRepositories } from '../../shared/recommend/similar';
export { loadTransformersEmbedder } from '../../shared/embeddings/transformers';
export { createLexicalEmbedder, fitLexicalModel } from '../../shared/embeddings/lexical';

export { remember } from '../../shared/memory/remember';
export { recall } from '../../shared/memory/recall';
export { DEFAULT_TUNING } from '../../shared/search/search';
export { prepareSearchIndex } from '../../shared/search/prepare';
export { DEFAULT_DIVERSITY } from '../../shared/recommend/diversity';
export { readVectors } from '../../shared/search/vectors';
export { dot } from '../../shared/embeddings/vector';

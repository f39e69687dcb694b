// Embedders: one interface, a built-in lexical (LSA) embedder and transformers.js.
export { embedderFingerprint, type Embedder, type EmbedderName } from './types';
export { createLexicalEmbedder, fitLexicalModel, LEXICAL_DIMENSIONS, LEXICAL_MODEL, type LexicalModel } from './lexical';
export { loadTransformersEmbedder, downloadModel, DEFAULT_MODEL_ID, type TransformersEmbedderOptions } from './transformers';
export { resolveEmbedderSettings, loadEmbedder, type EmbedderSettings, type EmbedderChoice } from './settings';

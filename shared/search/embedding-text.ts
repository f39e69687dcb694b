/** Characters of body the embedders see; the start of a README says what the project is. */
export const EMBED_BODY_CHARS = 4_000;

/** The text an embedding is computed from; its hash decides whether a vector is stale. */
export function embeddingText(doc: { title: string; body: string; topics_text: string; expansion_text?: string }): string {
  // The expansion (lexicon concepts) is embedded too, so vectors of "pg" and "PostgreSQL" meet.
  return [doc.title, doc.topics_text, doc.expansion_text ?? '', doc.body.slice(0, EMBED_BODY_CHARS)].filter((s) => s.trim() !== '').join('\n');
}

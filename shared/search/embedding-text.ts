/** Characters of body the embedders see; the start of a README says what the project is. */
export const EMBED_BODY_CHARS = 4_000;

/** The text an embedding is computed from; its hash decides whether a vector is stale. */
export function embeddingText(doc: { title: string; body: string; topics_text: string }): string {
  return [doc.title, doc.topics_text, doc.body.slice(0, EMBED_BODY_CHARS)].filter((s) => s.trim() !== '').join('\n');
}

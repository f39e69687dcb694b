import type { Store } from '../store/open';
import { contentHash } from './documents';
import { documentExpansion, LEXICON_VERSION } from './lexicon';

const BATCH = 2_000;

/**
 * Recomputes the expansion of documents indexed before the current lexicon (after the
 * upgrade that added expansions, or after the lexicon changed). Their content hash follows,
 * so their vectors become pending and the next sync re-embeds them. One indexed query when
 * nothing is stale. Returns how many documents were updated.
 */
export function refreshExpansions(store: Store): number {
  const { db } = store;
  const stale = db.prepare('select id, title, body, topics_text, language from search_documents where expansion_version != ? order by id limit ?');
  const update = db.prepare('update search_documents set expansion_text = ?, expansion_version = ?, content_hash = ? where id = ?');
  let updated = 0;
  for (;;) {
    const rows = stale.all(LEXICON_VERSION, BATCH) as { id: number; title: string; body: string; topics_text: string; language: string | null }[];
    if (rows.length === 0) return updated;
    db.transaction(() => {
      for (const row of rows) {
        const expansion = documentExpansion(row);
        update.run(expansion, LEXICON_VERSION, contentHash({ title: row.title, body: row.body, topics_text: row.topics_text, expansion_text: expansion }), row.id);
      }
    }).immediate();
    updated += rows.length;
  }
}

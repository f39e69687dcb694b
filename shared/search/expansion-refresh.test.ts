import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from '../../test/helpers/temp-store';
import { indexDocuments } from './documents';
import { refreshExpansions } from './expansion-refresh';
import { LEXICON_VERSION } from './lexicon';

let ctx: ReturnType<typeof tempStore>;
beforeEach(() => {
  ctx = tempStore();
});
afterEach(() => ctx.cleanup());

describe('refreshExpansions', () => {
  it('recomputes expansions written before the current lexicon (an upgraded store), and the content hash with them', () => {
    indexDocuments(ctx.store, [
      { kind: 'repository', refKey: 'github:jackc/pgx', title: 'jackc/pgx', body: 'PostgreSQL driver and toolkit for Go', language: 'Go' },
      { kind: 'repository', refKey: 'github:kubernetes/client-go', title: 'kubernetes/client-go', body: 'Go client for k8s.' },
    ]);
    const { db } = ctx.store;
    const before = db.prepare('select ref_key, expansion_text, content_hash from search_documents order by id').all();
    expect(before[0]).toMatchObject({ expansion_text: expect.stringContaining('postgresql') });
    // What the migration leaves: empty expansions of version 0, and hashes without them.
    db.prepare(`update search_documents set expansion_text = '', expansion_version = 0, content_hash = 'old'`).run();
    expect(db.prepare(`select count(*) as n from search_fts where search_fts match 'expansion_text : kubernetes'`).get()).toEqual({ n: 0 });

    expect(refreshExpansions(ctx.store)).toBe(2);
    expect(db.prepare('select ref_key, expansion_text, content_hash from search_documents order by id').all()).toEqual(before);
    expect(db.prepare('select distinct expansion_version as v from search_documents').all()).toEqual([{ v: LEXICON_VERSION }]);
    // The FTS column follows (update trigger), so BM25 sees the concepts again.
    expect(db.prepare(`select count(*) as n from search_fts where search_fts match 'expansion_text : kubernetes'`).get()).toEqual({ n: 1 });
    expect(refreshExpansions(ctx.store)).toBe(0);
  });
});

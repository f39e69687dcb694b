import type { Migration } from './types';

/**
 * Query and document expansion (shared/search/lexicon.ts): each document keeps the
 * developer-vocabulary concepts it names in `expansion_text`, a fourth FTS5 column with its
 * own BM25 weight. `expansion_version` says which lexicon computed it, so a changed lexicon
 * recomputes stored expansions (shared/search/expansion-refresh.ts) instead of a migration.
 * The FTS table is rebuilt with the new column; rows start with an empty expansion.
 */
export const searchExpansion: Migration = {
  version: 6,
  name: 'search-expansion',
  sql: `
    alter table search_documents add column expansion_text text not null default '';
    alter table search_documents add column expansion_version integer not null default 0;
    create index search_documents_expansion_version on search_documents(expansion_version);

    drop trigger search_documents_ai;
    drop trigger search_documents_ad;
    drop trigger search_documents_au;
    drop table search_fts;
    create virtual table search_fts using fts5(
      title, body, topics_text, expansion_text,
      content = 'search_documents', content_rowid = 'id',
      tokenize = 'porter unicode61 remove_diacritics 2'
    );
    create trigger search_documents_ai after insert on search_documents begin
      insert into search_fts (rowid, title, body, topics_text, expansion_text) values (new.id, new.title, new.body, new.topics_text, new.expansion_text);
    end;
    create trigger search_documents_ad after delete on search_documents begin
      insert into search_fts (search_fts, rowid, title, body, topics_text, expansion_text) values ('delete', old.id, old.title, old.body, old.topics_text, old.expansion_text);
    end;
    create trigger search_documents_au after update of title, body, topics_text, expansion_text on search_documents begin
      insert into search_fts (search_fts, rowid, title, body, topics_text, expansion_text) values ('delete', old.id, old.title, old.body, old.topics_text, old.expansion_text);
      insert into search_fts (rowid, title, body, topics_text, expansion_text) values (new.id, new.title, new.body, new.topics_text, new.expansion_text);
    end;
    insert into search_fts (search_fts) values ('rebuild');
  `,
};

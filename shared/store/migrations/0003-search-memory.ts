import type { Migration } from './types';

/**
 * The search index (documents + FTS5), the registry of embedding spaces, and memories.
 * Vector tables are not created here: each embedding space gets its own vec0 table
 * (`search_vectors_<space id>`) because a vec0 column has a fixed dimension, and two
 * embedders must never share one (see shared/search/spaces.ts).
 */
export const searchMemory: Migration = {
  version: 3,
  name: 'search-memory',
  sql: `
    -- One row per searchable thing. ref_key is the thing's own identity:
    -- repositories use repositories.key, issues/PRs '<repo key>#<number>',
    -- memories 'memory:<id>', people 'person:<email or login>'.
    create table search_documents (
      id integer primary key,
      kind text not null check (kind in ('repository', 'issue', 'pull_request', 'memory', 'person')),
      ref_key text not null,
      -- the repository an issue or PR belongs to (the repository's own key for kind 'repository')
      repo_key text,
      owner text,
      title text not null,
      body text not null default '',
      language text,
      -- topics for repositories, labels for issues and PRs, tags for memories
      topics_json text not null default '[]',
      -- space-separated copy of topics_json for full-text search
      topics_text text not null default '',
      health real,
      stars integer,
      state text,
      url text,
      -- kind-specific extras (languages breakdown, issue number, author...), never searched
      extra_json text not null default '{}',
      updated_at text,
      -- sha256 of everything an embedding is computed from; a vector is stale when it differs
      content_hash text not null,
      indexed_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      unique (kind, ref_key)
    );
    create index search_documents_repo on search_documents(repo_key);
    create index search_documents_owner on search_documents(owner);

    -- BM25 over title, body and topics; external content kept in step by triggers.
    create virtual table search_fts using fts5(
      title, body, topics_text,
      content = 'search_documents', content_rowid = 'id',
      tokenize = 'porter unicode61 remove_diacritics 2'
    );
    create trigger search_documents_ai after insert on search_documents begin
      insert into search_fts (rowid, title, body, topics_text) values (new.id, new.title, new.body, new.topics_text);
    end;
    create trigger search_documents_ad after delete on search_documents begin
      insert into search_fts (search_fts, rowid, title, body, topics_text) values ('delete', old.id, old.title, old.body, old.topics_text);
    end;
    create trigger search_documents_au after update of title, body, topics_text on search_documents begin
      insert into search_fts (search_fts, rowid, title, body, topics_text) values ('delete', old.id, old.title, old.body, old.topics_text);
      insert into search_fts (rowid, title, body, topics_text) values (new.id, new.title, new.body, new.topics_text);
    end;

    -- An embedding space: one embedder + model (+ revision) + dimension, and its vec0 table.
    -- Vectors from different spaces are never compared.
    create table embedding_spaces (
      id integer primary key,
      embedder text not null,
      model text not null,
      dimensions integer not null check (dimensions > 0),
      -- embedder + model + revision + dimensions; one space per fingerprint
      fingerprint text not null unique,
      -- embedder state that vectors depend on (the lexical embedder's IDF table), or null
      state blob,
      -- how many documents the state was fitted on (lexical), for deciding when to refit
      fitted_documents integer,
      table_name text not null unique,
      created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      -- set when a newer space of the same embedder replaces this one; its table is dropped
      retired_at text
    );

    -- Which content (by hash) each document's vector in each space was computed from.
    create table document_embeddings (
      doc_id integer not null references search_documents(id) on delete cascade,
      space_id integer not null references embedding_spaces(id) on delete cascade,
      content_hash text not null,
      embedded_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      primary key (space_id, doc_id)
    );
    create index document_embeddings_doc on document_embeddings(doc_id);

    create table memories (
      id integer primary key,
      text text not null,
      tags_json text not null default '[]',
      -- how many remember calls this memory absorbed (1 + merged near-duplicates)
      times_remembered integer not null default 1,
      created_at text not null,
      updated_at text not null
    );
    create index memories_updated on memories(updated_at);

    create table memory_links (
      memory_id integer not null references memories(id) on delete cascade,
      kind text not null check (kind in ('repository', 'pull_request', 'job')),
      target text not null,
      primary key (memory_id, kind, target)
    );
    create index memory_links_target on memory_links(kind, target);

    -- Every version a memory had: its first text and each near-duplicate merged into it.
    create table memory_history (
      id integer primary key,
      memory_id integer not null references memories(id) on delete cascade,
      event text not null check (event in ('created', 'merged')),
      text text not null,
      tags_json text not null default '[]',
      similarity real,
      at text not null
    );
    create index memory_history_memory on memory_history(memory_id);
  `,
};

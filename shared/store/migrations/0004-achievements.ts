import type { Migration } from './types';

/** A developer's merged pull requests as portfolio records, collection state, and cached prose. */
export const achievements: Migration = {
  version: 4,
  name: 'achievements',
  sql: `
    -- One row per merged PR, from GitHub or reconstructed from git; the record is the
    -- validated JSON (shared/protocol/achievements.ts), the columns are what lists filter on.
    create table achievement_prs (
      id integer primary key,
      repository_key text not null,
      repository text not null,
      number integer not null,
      source text not null check (source in ('github', 'git')),
      merged_at text not null,
      author_login text,
      author_email text,
      author_name text,
      class text not null,
      rule text not null,
      confidence real not null,
      impact real not null,
      record_json text not null,
      updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      unique (repository_key, number, source)
    );
    create index achievement_prs_merged on achievement_prs(merged_at);
    create index achievement_prs_login on achievement_prs(author_login);

    -- How far a person's collection got per scope (an owner, a repository list, everywhere),
    -- so a second run fetches only what is new and an interrupted one resumes.
    create table achievement_collections (
      identity_key text not null,
      scope text not null,
      source text not null,
      state_json text not null,
      updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      primary key (identity_key, scope, source)
    );

    -- Prose written by an optional language model, by the hash of everything it was given.
    create table prose_cache (
      input_hash text primary key,
      provider text not null,
      model text not null,
      text text not null,
      created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    );
  `,
};

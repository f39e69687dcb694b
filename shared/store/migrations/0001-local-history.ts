import type { Migration } from './types';

/** Repositories, people, and the local git history the research analyses read. */
export const localHistory: Migration = {
  version: 1,
  name: 'local-history',
  sql: `
    create table repositories (
      id integer primary key,
      -- 'local:<absolute path>' or 'github:<owner>/<name>'; the stable identity
      key text not null unique,
      source text not null check (source in ('local', 'github')),
      owner text,
      name text not null,
      path text,
      description text,
      default_branch text,
      head_sha text,
      is_shallow integer not null default 0,
      created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    );

    -- One row per identity after .mailmap: the lower-cased e-mail address.
    create table people (
      id integer primary key,
      email text not null unique,
      name text not null,
      is_bot integer not null default 0
    );

    create table commits (
      id integer primary key,
      repo_id integer not null references repositories(id) on delete cascade,
      sha text not null,
      author_id integer not null references people(id),
      authored_at integer not null,   -- unix seconds
      committed_at integer not null,  -- unix seconds
      parent_count integer not null,
      first_parent text,
      second_parent text,
      subject text not null,
      additions integer not null,     -- text lines; binary files count 0
      deletions integer not null,
      files_changed integer not null,
      unique (repo_id, sha)
    );
    create index commits_repo_time on commits(repo_id, authored_at);
    create index commits_author on commits(author_id);
    create index commits_repo_committed on commits(repo_id, committed_at);

    create table paths (
      id integer primary key,
      repo_id integer not null references repositories(id) on delete cascade,
      path text not null,
      unique (repo_id, path)
    );

    -- Per-file numstat. A merge commit's rows are its diff against the first parent.
    create table file_changes (
      commit_id integer not null references commits(id) on delete cascade,
      path_id integer not null references paths(id) on delete cascade,
      old_path_id integer references paths(id) on delete cascade,
      additions integer,              -- null for binary files
      deletions integer
    );
    create index file_changes_commit on file_changes(commit_id);
    create index file_changes_path on file_changes(path_id);

    -- Pull requests: reconstructed from history (source 'merge' / 'squash') or from GitHub.
    create table pull_requests (
      id integer primary key,
      repo_id integer not null references repositories(id) on delete cascade,
      number integer not null,
      source text not null check (source in ('merge', 'squash', 'github')),
      title text not null,
      author_id integer references people(id),
      merged_at integer,
      commit_id integer references commits(id) on delete set null,
      head_ref text,
      additions integer not null default 0,
      deletions integer not null default 0,
      files_changed integer not null default 0,
      unique (repo_id, number)
    );
    create index pull_requests_commit on pull_requests(commit_id);

    create table tags (
      repo_id integer not null references repositories(id) on delete cascade,
      name text not null,
      sha text not null,
      tagged_at integer,
      primary key (repo_id, name)
    );

    -- How far each kind of data was synced for a repository (local head, GitHub cursors, ETags...).
    create table sync_state (
      repo_id integer not null references repositories(id) on delete cascade,
      kind text not null,
      value text not null,
      updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      primary key (repo_id, kind)
    );

    -- The latest research result per repository, keyed by the head it was computed at,
    -- so an unchanged repository is not analysed twice.
    create table research (
      repo_id integer primary key references repositories(id) on delete cascade,
      head_sha text not null,
      options_key text not null,
      computed_at text not null,
      result_json text not null
    );
  `,
};

import type { Migration } from './types';

/**
 * GitHub data: owners and their listing cursor, per-repository API metadata, GitHub
 * accounts (logins are not e-mail addresses, so they get their own identity table),
 * contributions, issues, releases, README/CITATION text, recent default-branch commits,
 * and the HTTP ETag cache. Pull requests reuse `pull_requests` (source 'github') with
 * the columns GitHub adds. No column ever holds a token.
 */
export const github: Migration = {
  version: 2,
  name: 'github',
  sql: `
    create table github_owners (
      id integer primary key,
      host text not null,                 -- 'github.com' or the GHES host name
      login text not null collate nocase,
      kind text,                          -- 'Organization' | 'User'
      name text,
      description text,
      total_repositories integer,
      -- The listing pass: its number, and the GraphQL cursor of the last page stored
      -- while a pass is under way (null when the last pass completed).
      pass integer not null default 0,
      pass_cursor text,
      listed_at text,                     -- when the last complete pass finished
      synced_at text,                     -- when the last complete ingest finished
      research_json text,                 -- the latest organization research result
      researched_at text,
      unique (host, login)
    );

    -- One GitHub identity per login (per host); person_id links it to a git identity when known.
    create table github_accounts (
      id integer primary key,
      host text not null,
      login text not null collate nocase,
      kind text not null default 'User',  -- 'User' | 'Bot' | 'Organization' | 'Mannequin'
      is_bot integer not null default 0,
      person_id integer references people(id) on delete set null,
      unique (host, login)
    );

    create table github_repositories (
      repo_id integer primary key references repositories(id) on delete cascade,
      owner_id integer not null references github_owners(id) on delete cascade,
      node_id text,
      url text,
      homepage text,
      is_fork integer not null default 0,
      is_archived integer not null default 0,
      is_private integer not null default 0,
      is_template integer not null default 0,
      stars integer not null default 0,
      forks integer not null default 0,
      watchers integer not null default 0,
      open_issues integer not null default 0,
      open_pull_requests integer not null default 0,
      closed_issues integer not null default 0,
      merged_pull_requests integer not null default 0,
      releases integer not null default 0,
      primary_language text,
      license_spdx text,
      head_oid text,
      disk_kb integer,
      gh_created_at text,
      gh_updated_at text,
      pushed_at text,
      topics_json text not null default '[]',
      languages_json text not null default '[]',    -- [{ name, bytes }], largest first
      community_json text not null default '{}',    -- root/.github/docs file names by folder
      -- What the listing saw (a digest of pushedAt, head, counts and latest activity) ...
      fingerprint text,
      -- ... and the listing pass that last saw it; rows older than the owner's last
      -- complete pass were deleted, renamed away or transferred.
      seen_pass integer not null default 0,
      removed integer not null default 0
    );
    create index github_repositories_owner on github_repositories(owner_id);

    create table github_contributions (
      repo_id integer not null references repositories(id) on delete cascade,
      account_id integer not null references github_accounts(id) on delete cascade,
      contributions integer not null,     -- commits on the default branch, as GitHub counts them
      primary key (repo_id, account_id)
    );
    create index github_contributions_account on github_contributions(account_id);

    create table github_issues (
      repo_id integer not null references repositories(id) on delete cascade,
      number integer not null,
      state text not null,                -- 'OPEN' | 'CLOSED'
      title text not null,
      author_account_id integer references github_accounts(id) on delete set null,
      created_at integer not null,        -- unix seconds
      updated_at integer not null,
      closed_at integer,
      first_response_at integer,          -- first comment by someone other than the author (bots excluded)
      comments integer not null default 0,
      labels_json text not null default '[]',
      primary key (repo_id, number)
    );

    create table github_releases (
      repo_id integer not null references repositories(id) on delete cascade,
      tag_name text not null,
      name text,
      published_at integer,               -- unix seconds; null for drafts
      is_prerelease integer not null default 0,
      primary key (repo_id, tag_name)
    );

    -- Commits on the default branch inside the research window (for activity and bus factor).
    create table github_commits (
      repo_id integer not null references repositories(id) on delete cascade,
      oid text not null,
      committed_at integer not null,
      author_account_id integer references github_accounts(id) on delete set null,
      author_name text,
      additions integer not null default 0,
      deletions integer not null default 0,
      primary key (repo_id, oid)
    );
    create index github_commits_time on github_commits(repo_id, committed_at);

    -- README and CITATION.cff text at the default branch head.
    create table github_documents (
      repo_id integer not null references repositories(id) on delete cascade,
      kind text not null check (kind in ('readme', 'citation')),
      path text not null,
      oid text,
      text text not null,
      primary key (repo_id, kind)
    );

    alter table pull_requests add column state text;           -- 'OPEN' | 'CLOSED' | 'MERGED' (GitHub only)
    alter table pull_requests add column created_at integer;
    alter table pull_requests add column updated_at integer;
    alter table pull_requests add column closed_at integer;
    alter table pull_requests add column first_response_at integer;
    alter table pull_requests add column author_account_id integer references github_accounts(id) on delete set null;
    alter table pull_requests add column labels_json text;

    -- Conditional-request cache: a GET answered 304 is served from here (free against
    -- the primary rate limit). Keyed by method, URL and Accept; never keyed by token.
    create table http_cache (
      key text primary key,
      etag text,
      last_modified text,
      status integer not null,
      headers_json text not null,
      body blob not null,
      stored_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    );
  `,
};

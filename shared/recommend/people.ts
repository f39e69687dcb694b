import { RepoScoutError } from '../errors';
import type { FindPeopleToAskResult } from '../protocol/tools/find-people-to-ask';
import type { Store } from '../store/open';
import { combine, recency, type Factor } from './factors';
import { resolveRepository } from './resolve-repository';

export interface PeopleOptions {
  /** A file or folder relative to the repository root; default the whole repository. */
  path?: string;
  /** 1..50, default 10. */
  limit?: number;
  /** Milliseconds since the epoch; defaults to the clock. */
  now?: number;
}

// What it answers is find_people_to_ask's record (shared/protocol/tools/find-people-to-ask.ts).
export type PeopleResult = FindPeopleToAskResult;
export type PersonToAsk = PeopleResult['people'][number];

interface PersonStats {
  name: string;
  email: string;
  commits: number;
  churn: number;
  files: number;
  last: number;
  integrations: number;
}

interface PersonContext {
  person: PersonStats;
  totals: { churn: number; files: number; maxChurn: number; maxFiles: number; maxIntegrations: number };
  now: number;
}

/** Who knows a repository or path, from its local history; weights fixed a priori (sum 1). */
export const PEOPLE_FACTORS: readonly Factor<PersonContext>[] = [
  {
    id: 'ownership',
    label: 'Ownership (share of changed lines)',
    weight: 0.45,
    measure: ({ person, totals }) => ({
      value: totals.maxChurn === 0 ? (person.commits > 0 ? 1 : 0) : person.churn / totals.maxChurn,
      detail: `${totals.churn === 0 ? 0 : Math.round((100 * person.churn) / totals.churn)}% of changed lines (${person.churn.toLocaleString('en-US')} of ${totals.churn.toLocaleString('en-US')}) in ${person.commits} commits`,
    }),
  },
  {
    id: 'recency',
    label: 'Recency (half-life 180 days)',
    weight: 0.25,
    measure: ({ person, now }) => {
      const iso = new Date(person.last * 1000).toISOString();
      return { value: recency(iso, now), detail: `last change ${iso.slice(0, 10)}` };
    },
  },
  {
    id: 'breadth',
    label: 'Breadth (files touched)',
    weight: 0.15,
    measure: ({ person, totals }) => ({
      value: totals.maxFiles === 0 ? 0 : person.files / totals.maxFiles,
      detail: `${person.files} of ${totals.files} files`,
    }),
  },
  {
    id: 'reviews',
    label: 'Integration (merges performed)',
    weight: 0.15,
    measure: ({ person, totals }) => ({
      value: totals.maxIntegrations === 0 ? null : person.integrations / totals.maxIntegrations,
      detail: totals.maxIntegrations === 0 ? 'no merge commits in this history' : `${person.integrations} merges`,
    }),
  },
];

/**
 * People to ask about a repository or a path in it, ranked from the collaboration data
 * in its local history (who changed the most of it, how recently, how widely, who
 * integrates changes). Bots are left out.
 */
export function peopleToAsk(store: Store, ref: string, options: PeopleOptions = {}): PeopleResult {
  const limit = options.limit ?? 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new RepoScoutError('INVALID_INPUT', `The limit must be a whole number from 1 to 50, got ${limit}.`);
  const { db } = store;
  const doc = resolveRepository(db, ref);
  const repo = db.prepare('select id, key from repositories where key = ?').get(doc.ref_key) as { id: number; key: string } | undefined;
  const commitCount = repo ? (db.prepare('select count(*) as n from commits where repo_id = ?').get(repo.id) as { n: number }).n : 0;
  if (!repo || commitCount === 0) {
    throw new RepoScoutError(
      'NOT_RESEARCHED',
      `${doc.ref_key} has no history in the database (it was imported as a record); its commits are read by researching a clone of it.`,
      { remedy: { do: 'research_local', path: null } },
    );
  }
  const pathFilter = normalizePath(options.path);
  const pathSql = pathFilter === null ? '1' : `(pa.path = @path or pa.path like @prefix escape '\\')`;
  const params = { repo: repo.id, path: pathFilter, prefix: pathFilter === null ? null : `${escapeLike(pathFilter)}/%` };
  const rows = db
    .prepare(
      `select p.name, p.email, count(distinct c.id) as commits,
              coalesce(sum(coalesce(fc.additions, 0) + coalesce(fc.deletions, 0)), 0) as churn,
              count(distinct fc.path_id) as files, max(c.authored_at) as last
         from commits c
         join people p on p.id = c.author_id and p.is_bot = 0
         join file_changes fc on fc.commit_id = c.id
         join paths pa on pa.id = fc.path_id
        where c.repo_id = @repo and c.parent_count <= 1 and ${pathSql}
        group by p.id`,
    )
    .all(params) as Omit<PersonStats, 'integrations'>[];
  if (rows.length === 0) {
    if (pathFilter !== null) {
      throw new RepoScoutError('PATH_NOT_FOUND', `No commit by a person touches "${pathFilter}" in ${doc.ref_key}; give a path relative to the repository root (for example src/ or README.md).`);
    }
    return { repository: doc.ref_key, path: null, people: [] };
  }
  const integrations = new Map(
    (
      db
        .prepare(`select p.email, count(*) as n from commits c join people p on p.id = c.author_id where c.repo_id = ? and c.parent_count > 1 group by p.id`)
        .all(repo.id) as { email: string; n: number }[]
    ).map((r) => [r.email, r.n]),
  );
  const people: PersonStats[] = rows.map((r) => ({ ...r, integrations: integrations.get(r.email) ?? 0 }));
  const totalFiles = (
    db
      .prepare(
        `select count(distinct fc.path_id) as n from commits c join file_changes fc on fc.commit_id = c.id join paths pa on pa.id = fc.path_id
         where c.repo_id = @repo and ${pathSql}`,
      )
      .get(params) as { n: number }
  ).n;
  const totals = {
    churn: people.reduce((s, p) => s + p.churn, 0),
    files: totalFiles,
    maxChurn: Math.max(...people.map((p) => p.churn)),
    maxFiles: Math.max(...people.map((p) => p.files)),
    maxIntegrations: Math.max(...people.map((p) => p.integrations)),
  };
  const now = options.now ?? Date.now();
  const ranked = people
    .map((person) => ({ person, ...combine(PEOPLE_FACTORS, { person, totals, now }) }))
    .sort((a, b) => b.score - a.score || b.person.commits - a.person.commits || a.person.email.localeCompare(b.person.email))
    .slice(0, limit);
  return {
    repository: doc.ref_key,
    path: pathFilter,
    people: ranked.map(({ person, score, factors }, i) => ({
      rank: i + 1,
      name: person.name,
      email: person.email,
      score,
      commits: person.commits,
      linesChanged: person.churn,
      files: person.files,
      lastTouched: new Date(person.last * 1000).toISOString(),
      factors,
    })),
  };
}

function normalizePath(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const p = raw.trim().replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '');
  if (p === '' || p === '.') return null;
  if (p.startsWith('/') || p.split('/').includes('..')) {
    throw new RepoScoutError('INVALID_INPUT', `The path "${raw}" must be relative to the repository root and stay inside it (for example src/search).`, { remedy: { do: 'fix_input', input: 'path' } });
  }
  return p;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

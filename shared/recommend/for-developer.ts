import { RepoScoutError } from '../errors';
import { getDocumentsByIds, parseTopics, type SearchDocumentRow } from '../search/documents';
import { MAX_QUERY_CHARS } from '../search/query';
import { searchDocuments, type SearchHit } from '../search/search';
import type { VectorSpace } from '../search/spaces';
import type { RecommendForDeveloperResult } from '../protocol/tools/recommend-for-developer';
import type { Store } from '../store/open';
import { repositoryCard } from './card';
import { combine, overlap, recency, type Factor } from './factors';
import { buildProfile, type DeveloperProfile } from './profile';
import { rankRepositories, SIMILARITY_FACTORS, type PairContext } from './similar';
import type { RepositoryCard } from './types';

export interface DeveloperRecommendationOptions {
  /** Repositories returned, 1..50 (default 10). */
  limit?: number;
  /** Good-first-issues returned, 0..50 (default 10). */
  issues?: number;
  now?: number;
}

// recommend_for_developer's record (shared/protocol/tools/recommend-for-developer.ts), but an
// issue keeps its repository's whole card (the tool answers with its key).
export type IssueRecommendation = Omit<RecommendForDeveloperResult['issues'][number], 'repository'> & { repository: RepositoryCard | null };
export type DeveloperRecommendations = Omit<RecommendForDeveloperResult, 'issues'> & { issues: IssueRecommendation[] };

/** Labels that mark an issue as meant for newcomers. */
export const GOOD_FIRST_LABEL = /good[\s_-]?first[\s_-]?issue|first[\s_-]?timers?[\s_-]?only|beginner|help[\s_-]?wanted|easy|starter/i;

/** The developer-to-repository factors: the similarity ones, with stack overlap measured against the profile. */
const DEVELOPER_FACTORS: readonly Factor<PairContext>[] = SIMILARITY_FACTORS.map((f) =>
  f.id === 'relevance' ? { ...f, label: 'Match with your commits and PRs', weight: 0.5 } : f.id === 'stack' ? { ...f, weight: 0.25 } : f,
);

interface IssueContext {
  hit: SearchHit;
  row: SearchDocumentRow;
  repo: SearchDocumentRow | undefined;
  relevance: number;
  languages: Map<string, number>;
  topics: Set<string>;
  now: number;
}

const ISSUE_FACTORS: readonly Factor<IssueContext>[] = [
  { id: 'relevance', label: 'Match with your commits and PRs', weight: 0.5, measure: ({ relevance, hit }) => ({ value: relevance, detail: `search score ${hit.score.toFixed(4)}` }) },
  {
    id: 'stack',
    label: 'Your languages and topics',
    weight: 0.2,
    measure: ({ row, repo, languages, topics }) => {
      const language = (repo?.language ?? row.language)?.toLowerCase();
      const langShare = language ? (languages.get(language) ?? 0) : null;
      const topicOverlap = overlap(topics, new Set(repo ? parseTopics(repo).map((t) => t.toLowerCase()) : []));
      if (langShare === null && topicOverlap === null) return { value: null, detail: 'no language or topics known' };
      const value = Math.max(langShare ?? 0, topicOverlap ?? 0);
      return { value: Math.min(1, value * 2), detail: `${language ?? 'unknown language'}${langShare ? ` (${Math.round(langShare * 100)}% of your changes)` : ''}` };
    },
  },
  { id: 'health', label: 'Repository health', weight: 0.15, measure: ({ repo }) => ({ value: repo?.health == null ? null : repo.health / 100, detail: repo?.health == null ? 'not measured' : `${repo.health}/100` }) },
  {
    id: 'activity',
    label: 'Freshness of the issue',
    weight: 0.15,
    measure: ({ row, now }) => {
      const value = recency(row.updated_at, now, 90);
      return { value, detail: value === null ? 'no date' : `updated ${row.updated_at?.slice(0, 10)}` };
    },
  },
];

/**
 * Repositories and good-first-issues for a developer, from a profile built from their
 * commits, reconstructed PRs, languages and topics. Repositories they already commit to
 * are left out: the question is where to contribute next.
 */
export async function recommendForDeveloper(store: Store, space: VectorSpace | null, who: string, options: DeveloperRecommendationOptions = {}): Promise<DeveloperRecommendations> {
  const limit = options.limit ?? 10;
  const issueLimit = options.issues ?? 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new RepoScoutError('INVALID_INPUT', `The limit must be a whole number from 1 to 50, got ${limit}.`);
  if (!Number.isInteger(issueLimit) || issueLimit < 0 || issueLimit > 50) throw new RepoScoutError('INVALID_INPUT', `The number of issues must be a whole number from 0 to 50, got ${issueLimit}.`, { remedy: { do: 'fix_input', input: 'issues' } });
  const { text, ...profile } = buildProfile(store.db, who);
  const now = options.now ?? Date.now();
  const query = text.slice(0, MAX_QUERY_CHARS).trim() || profile.name;
  const own = new Set(profile.repositories.map((r) => r.key));
  const ownIds = (store.db.prepare(`select id, ref_key from search_documents where kind = 'repository'`).all() as { id: number; ref_key: string }[])
    .filter((r) => own.has(r.ref_key))
    .map((r) => r.id);
  const stack = new Set([...profile.topics, ...profile.languages.map((l) => `lang:${l.language.toLowerCase()}`)]);
  const repoHits = await searchDocuments(store, space, { query, kinds: ['repository'], excludeIds: ownIds, limit: Math.min(100, Math.max(50, limit * 5)), snippets: false });
  const repositories = rankRepositories(store, space, repoHits.hits, stack, limit, { now }, DEVELOPER_FACTORS);
  const issues = issueLimit === 0 ? [] : await recommendIssues(store, space, query, profile, issueLimit, now, own);
  return { profile, repositories, issues };
}

async function recommendIssues(
  store: Store,
  space: VectorSpace | null,
  query: string,
  profile: Omit<DeveloperProfile, 'text'>,
  limit: number,
  now: number,
  own: Set<string>,
): Promise<IssueRecommendation[]> {
  const open = (store.db.prepare(`select id, topics_json, repo_key from search_documents where kind = 'issue' and coalesce(state, 'open') = 'open'`).all() as {
    id: number;
    topics_json: string;
    repo_key: string | null;
  }[]).filter((r) => parseTopics(r).some((label) => GOOD_FIRST_LABEL.test(label)));
  if (open.length === 0) return [];
  const response = await searchDocuments(store, space, { query, kinds: ['issue'], ids: open.map((r) => r.id), limit: Math.min(100, Math.max(limit * 3, 30)) });
  const rows = getDocumentsByIds(store.db, response.hits.map((h) => h.id));
  const repoDoc = store.db.prepare(`select * from search_documents where kind = 'repository' and ref_key = ?`);
  const best = Math.max(...response.hits.map((h) => h.score), Number.EPSILON);
  const languages = new Map(profile.languages.map((l) => [l.language.toLowerCase(), l.share]));
  const topics = new Set(profile.topics);
  return response.hits
    .flatMap((hit) => {
      const row = rows.get(hit.id);
      if (!row) return [];
      const repo = row.repo_key ? (repoDoc.get(row.repo_key) as SearchDocumentRow | undefined) : undefined;
      const scored = combine(ISSUE_FACTORS, { hit, row, repo, relevance: hit.score / best, languages, topics, now });
      return [{ row, repo, ...scored }];
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ row, repo, score, factors }, i) => ({
      rank: i + 1,
      key: row.ref_key,
      title: row.title,
      url: row.url,
      labels: parseTopics(row),
      repository: repo ? repositoryCard(repo) : null,
      score,
      factors: own.has(row.repo_key ?? '') ? [...factors, { id: 'expertise' as const, label: 'You already commit here', value: 1, weight: 0, contribution: 0, detail: 'a repository in your history' }] : factors,
    }));
}


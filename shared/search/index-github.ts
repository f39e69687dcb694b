import { loadResearch } from '../research/stored-research';
import type { Store } from '../store/open';
import type { SearchDocumentInput } from './documents';

/** README characters indexed per GitHub repository. */
const README_CHARS = 12_000;

interface GitHubRepositoryRow {
  id: number;
  key: string;
  owner: string | null;
  name: string;
  description: string | null;
  url: string | null;
  stars: number;
  primary_language: string | null;
  topics_json: string;
  languages_json: string;
  pushed_at: string | null;
  is_archived: number;
  is_fork: number;
  readme: string | null;
}

interface GitHubIssueRow {
  repo_key: string;
  owner: string | null;
  repo_name: string;
  url: string | null;
  number: number;
  title: string;
  labels_json: string;
  updated_at: number;
  comments: number;
  primary_language: string | null;
}

/**
 * Search documents for everything GitHub ingestion stored: each live repository
 * (description, topics, README) and each open issue (title and labels, so
 * "good first issue" is findable). Removed repositories are left out.
 */
export function githubDocuments(store: Store): SearchDocumentInput[] {
  const repositories = store.db
    .prepare(
      `select r.id, r.key, r.owner, r.name, r.description, g.url, g.stars, g.primary_language, g.topics_json,
              g.languages_json, g.pushed_at, g.is_archived, g.is_fork,
              (select substr(d.text, 1, ${README_CHARS}) from github_documents d where d.repo_id = r.id and d.kind = 'readme') as readme
         from repositories r join github_repositories g on g.repo_id = r.id
        where r.source = 'github' and g.removed = 0`,
    )
    .all() as GitHubRepositoryRow[];
  const docs: SearchDocumentInput[] = repositories.map((row) => {
    const languages = parseNames(row.languages_json);
    return {
      kind: 'repository',
      refKey: row.key,
      repoKey: row.key,
      owner: row.owner,
      title: row.owner ? `${row.owner}/${row.name}` : row.name,
      body: [row.description ?? '', row.readme ?? ''].filter((s) => s.trim() !== '').join('\n\n'),
      language: row.primary_language,
      topics: [...parseStrings(row.topics_json), ...languages.slice(0, 5).map((l) => l.toLowerCase())],
      health: loadResearch(store.db, row.id)?.research.health.score ?? null,
      stars: row.stars,
      url: row.url,
      updatedAt: row.pushed_at,
      extra: { source: 'github', archived: row.is_archived === 1, fork: row.is_fork === 1, languages: languages.slice(0, 5) },
    };
  });
  const issues = store.db
    .prepare(
      `select r.key as repo_key, r.owner, r.name as repo_name, g.url, i.number, i.title, i.labels_json, i.updated_at, i.comments, g.primary_language
         from github_issues i
         join repositories r on r.id = i.repo_id
         join github_repositories g on g.repo_id = i.repo_id
        where i.state = 'OPEN' and g.removed = 0 and g.is_archived = 0`,
    )
    .all() as GitHubIssueRow[];
  for (const issue of issues) {
    docs.push({
      kind: 'issue',
      refKey: `${issue.repo_key}#${issue.number}`,
      repoKey: issue.repo_key,
      owner: issue.owner,
      title: issue.title,
      body: null,
      language: issue.primary_language,
      topics: parseStrings(issue.labels_json),
      state: 'open',
      url: issue.url ? `${issue.url}/issues/${issue.number}` : null,
      updatedAt: new Date(issue.updated_at * 1000).toISOString(),
      extra: { source: 'github', number: issue.number, repository: issue.repo_name, comments: issue.comments },
    });
  }
  return docs;
}

function parseStrings(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function parseNames(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.map((v) => (typeof v === 'string' ? v : typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string' ? (v as { name: string }).name : null)).filter((v): v is string => v !== null);
  } catch {
    return [];
  }
}

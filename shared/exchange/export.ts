import { loadResearch } from '../research/stored-research';
import { parseTopics, type SearchDocumentRow } from '../search/documents';
import type { Store } from '../store/open';
import type { RepositoryRow } from '../store/repositories';
import type { IssueRecord, RepositoryRecord } from './record';

/**
 * Every repository in the store as a record (what `reposcout export` writes, one per
 * line), with its search metadata and issues; health from research when there is one.
 */
export function* exportRepositories(store: Store): Generator<RepositoryRecord> {
  const { db } = store;
  const doc = db.prepare(`select * from search_documents where kind = 'repository' and ref_key = ?`);
  const issues = db.prepare(`select * from search_documents where kind = 'issue' and repo_key = ? order by id`);
  const rows = db.prepare('select * from repositories order by key').all() as RepositoryRow[];
  for (const repo of rows) {
    const d = doc.get(repo.key) as SearchDocumentRow | undefined;
    const extra = d ? (JSON.parse(d.extra_json) as { readmeChars?: number }) : {};
    const readmeChars = extra.readmeChars ?? 0;
    const research = loadResearch(db, repo.id)?.research;
    yield {
      key: repo.key,
      source: repo.source,
      owner: repo.owner,
      name: repo.name,
      path: repo.path,
      description: repo.description,
      readme: d && readmeChars > 0 ? d.body.slice(-readmeChars) : null,
      url: d?.url ?? null,
      language: d?.language ?? research?.languages[0]?.language ?? null,
      topics: d ? parseTopics(d) : [],
      stars: d?.stars ?? null,
      health: research?.health.score ?? d?.health ?? null,
      updatedAt: d?.updated_at ?? research?.activity.lastCommitAt ?? null,
      issues: (issues.all(repo.key) as SearchDocumentRow[]).map(toIssue),
    };
  }
}

function toIssue(row: SearchDocumentRow): IssueRecord {
  const extra = JSON.parse(row.extra_json) as { number?: number };
  return {
    number: extra.number ?? Number(row.ref_key.split('#').pop()),
    title: row.title,
    body: row.body === '' ? null : row.body,
    labels: parseTopics(row),
    state: row.state === 'closed' ? 'closed' : 'open',
    url: row.url,
    updatedAt: row.updated_at,
  };
}

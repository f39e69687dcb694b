import type { SearchDocumentInput } from '../search/documents';
import type { IssueRecord, RepositoryRecord } from './record';

/** The search documents for one repository record: the repository and each of its issues. */
export function documentsFromRecord(record: RepositoryRecord): SearchDocumentInput[] {
  const description = (record.description ?? '').trim();
  // The index keeps 20,000 characters of body; the README gets what the description leaves.
  const readme = (record.readme ?? '').trim().slice(0, Math.max(0, 19_000 - description.length));
  const body = [description, readme].filter((s) => s !== '').join('\n\n');
  const repository: SearchDocumentInput = {
    kind: 'repository',
    refKey: record.key,
    repoKey: record.key,
    owner: record.owner,
    title: record.name,
    body,
    language: record.language,
    topics: record.topics,
    health: record.health,
    stars: record.stars,
    url: record.url,
    updatedAt: record.updatedAt,
    extra: { source: record.source, path: record.path, readmeChars: readme.length },
  };
  return [repository, ...record.issues.map((issue) => issueDocument(record, issue))];
}

export function issueDocument(record: Pick<RepositoryRecord, 'key' | 'owner' | 'language'>, issue: IssueRecord): SearchDocumentInput {
  return {
    kind: 'issue',
    refKey: `${record.key}#${issue.number}`,
    repoKey: record.key,
    owner: record.owner,
    title: issue.title,
    body: issue.body ?? '',
    language: record.language,
    topics: issue.labels,
    state: issue.state,
    url: issue.url,
    updatedAt: issue.updatedAt,
    extra: { number: issue.number },
  };
}

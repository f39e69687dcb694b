import { parseTopics, type SearchDocumentRow } from '../search/documents';
import type { RepositoryCard } from './types';

export function repositoryCard(row: SearchDocumentRow): RepositoryCard {
  const description = row.body.replace(/\s+/g, ' ').trim();
  return {
    key: row.ref_key,
    owner: row.owner,
    name: row.title,
    description: description.length > 240 ? `${description.slice(0, 239)}…` : description,
    language: row.language,
    topics: parseTopics(row),
    health: row.health,
    stars: row.stars,
    url: row.url,
  };
}

/** Language and topics, lower-cased: what "tech-stack overlap" compares. */
export function stackOf(row: Pick<SearchDocumentRow, 'language' | 'topics_json'>): Set<string> {
  const stack = new Set(parseTopics(row).map((t) => t.toLowerCase()));
  if (row.language) stack.add(`lang:${row.language.toLowerCase()}`);
  return stack;
}

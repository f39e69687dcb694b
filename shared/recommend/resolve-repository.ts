import path from 'node:path';
import { RepoScoutError } from '../errors';
import type { SearchDocumentRow } from '../search/documents';
import type { Db } from '../store/open';

/**
 * Finds a repository's search document from what a person types: a key
 * ('github:owner/name', 'local:/path'), 'owner/name', a GitHub URL, a local folder,
 * or a bare name when it is unique. Unknown or ambiguous names are errors that
 * say what exists.
 */
export function resolveRepository(db: Db, ref: string): SearchDocumentRow {
  const input = ref.trim();
  if (input === '') throw new RepoScoutError('INVALID_INPUT', 'The repository is empty; give owner/name, a key such as github:owner/name, or a local path.');
  const find = db.prepare(`select * from search_documents where kind = 'repository' and ref_key = ? collate nocase`);
  for (const key of candidateKeys(input)) {
    const row = find.get(key) as SearchDocumentRow | undefined;
    if (row) return row;
  }
  const byName = db
    .prepare(`select * from search_documents where kind = 'repository' and (lower(title) = lower(?) or lower(ref_key) like '%/' || lower(?))`)
    .all(input, input) as SearchDocumentRow[];
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) {
    throw new RepoScoutError(
      'INVALID_INPUT',
      `"${input}" names ${byName.length} repositories (${byName.slice(0, 5).map((r) => r.ref_key).join(', ')}); give the full key or owner/name.`,
    );
  }
  const suggestions = suggest(db, input);
  throw new RepoScoutError(
    'REPOSITORY_NOT_FOUND',
    `No repository "${input}" in the database${suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : '.'}`,
    { remedy: { do: 'add_repository' } },
  );
}

function candidateKeys(input: string): string[] {
  const keys = [input];
  const url = /^https?:\/\/(?:www\.)?github\.com\/([^/\s]+)\/([^/\s#?]+?)(?:\.git)?\/?$/i.exec(input);
  if (url) keys.push(`github:${url[1]}/${url[2]}`);
  if (/^[\w.-]+\/[\w.-]+$/.test(input)) keys.push(`github:${input}`);
  if (input.startsWith('.') || path.isAbsolute(input) || input.includes(path.sep)) {
    // A folder inside a clone names the clone: try the folder and each parent.
    for (let dir = path.resolve(input); ; dir = path.dirname(dir)) {
      keys.push(`local:${dir}`);
      if (path.dirname(dir) === dir) break;
    }
  }
  return keys;
}

function suggest(db: Db, input: string): string[] {
  // Typos defeat FTS (whole words), so compare character trigrams of names. This is the
  // error path: one pass over the repository keys is acceptable even for a large store.
  const wanted = trigrams(input.replace(/^(github:|https?:\/\/github\.com\/)/i, ''));
  const scored: { key: string; score: number }[] = [];
  for (const row of db.prepare(`select ref_key from search_documents where kind = 'repository'`).iterate() as Iterable<{ ref_key: string }>) {
    const name = row.ref_key.replace(/^github:/, '');
    const grams = trigrams(name);
    let shared = 0;
    for (const g of wanted) if (grams.has(g)) shared += 1;
    const score = shared / (wanted.size + grams.size - shared);
    if (score >= 0.3) scored.push({ key: name, score });
  }
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((s) => s.key);
}

function trigrams(s: string): Set<string> {
  const padded = `  ${s.toLowerCase()} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

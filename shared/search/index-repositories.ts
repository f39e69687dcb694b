import fs from 'node:fs';
import path from 'node:path';
import { loadResearch } from '../research/stored-research';
import type { RepositoryResearch } from '../research/types';
import type { Store } from '../store/open';
import { indexDocuments, type SearchDocumentInput } from './documents';
import { refreshExpansions } from './expansion-refresh';
import { githubDocuments } from './index-github';

/** README characters indexed for a local clone. */
const README_CHARS = 12_000;

/**
 * The search document of a researched local clone: its README (read from the working
 * tree when the clone is still there), languages, health and last activity.
 */
export function researchDocument(research: RepositoryResearch, description: string | null, readme: string | null): SearchDocumentInput {
  const languages = research.languages.slice(0, 5).map((l) => l.language);
  return {
    kind: 'repository',
    refKey: research.repository.key,
    repoKey: research.repository.key,
    owner: null,
    title: research.repository.name,
    body: [description ?? '', readme ?? ''].filter((s) => s.trim() !== '').join('\n\n'),
    language: research.languages[0]?.language ?? null,
    topics: languages.map((l) => l.toLowerCase()),
    health: research.health.score,
    stars: null,
    url: null,
    updatedAt: research.activity.lastCommitAt,
    extra: { source: 'local', path: research.repository.path, languages: research.languages.slice(0, 5) },
  };
}

/**
 * Brings the index up to date with every researched local clone and everything GitHub
 * ingestion stored (cheap when nothing changed: unchanged documents are detected by
 * content). Imported records index themselves.
 */
export function indexStoredRepositories(store: Store): { indexed: number } {
  refreshExpansions(store);
  const rows = store.db
    .prepare(`select r.id, r.description from repositories r join research s on s.repo_id = r.id where r.source = 'local'`)
    .all() as { id: number; description: string | null }[];
  const docs: SearchDocumentInput[] = [];
  for (const row of rows) {
    const research = loadResearch(store.db, row.id)?.research;
    if (!research) continue;
    docs.push(researchDocument(research, row.description, readReadme(research)));
  }
  docs.push(...githubDocuments(store));
  if (docs.length === 0) return { indexed: 0 };
  const result = indexDocuments(store, docs);
  return { indexed: result.inserted + result.updated };
}

function readReadme(research: RepositoryResearch): string | null {
  const root = research.repository.path;
  const readme = research.communityFiles.readme;
  if (!root || !readme) return null;
  try {
    const fd = fs.openSync(path.join(root, readme), 'r');
    try {
      const buffer = Buffer.alloc(README_CHARS * 2);
      const bytes = fs.readSync(fd, buffer, 0, buffer.length, 0);
      return buffer.subarray(0, bytes).toString('utf8').slice(0, README_CHARS);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // The clone moved or the README was deleted since research: index without it.
    return null;
  }
}

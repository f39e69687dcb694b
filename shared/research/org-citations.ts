import type { Store } from '../store/open';
import { parseCitationCff } from './citation-cff';
import { loadOwner } from './org-data';
import type { CitationReference, CitationsResult, RepositoryCitations } from './org-types';

// Crossref's recommended pattern for modern DOIs, stopped before trailing punctuation and markup.
const DOI = /\b(10\.\d{4,9}\/[-._;()/:A-Za-z0-9]+[A-Za-z0-9/])/g;
// New-style (2007+) and old-style arXiv identifiers, as "arXiv:..." or arxiv.org/abs|pdf/... links.
const ARXIV = /(?:arxiv\s*:\s*|arxiv\.org\/(?:abs|pdf)\/)((?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?)/gi;
const ZENODO_RECORD = /zenodo\.org\/(?:records?|badge\/latestdoi)\/(\d+)/gi;
const ZENODO_DOI = /^10\.5281\/zenodo\.(\d+)$/i;

/** DOIs, arXiv ids and Zenodo records mentioned in a text (deduplicated, in order of appearance). */
export function findReferences(text: string): { dois: string[]; arxiv: string[]; zenodo: string[] } {
  const dois = new Set<string>();
  const zenodo = new Set<string>();
  for (const m of text.matchAll(DOI)) {
    const doi = (m[1] ?? '').replace(/\.(svg|png)$/i, '').replace(/[).,;]+$/, '');
    const z = ZENODO_DOI.exec(doi);
    if (z?.[1]) zenodo.add(z[1]);
    else if (doi) dois.add(doi.toLowerCase());
  }
  for (const m of text.matchAll(ZENODO_RECORD)) if (m[1]) zenodo.add(m[1]);
  const arxiv = new Set<string>();
  for (const m of text.matchAll(ARXIV)) if (m[1]) arxiv.add(m[1].replace(/v\d+$/, ''));
  return { dois: [...dois], arxiv: [...arxiv], zenodo: [...zenodo] };
}

/**
 * Academic citations across an owner's repositories: CITATION.cff files parsed, and DOIs,
 * arXiv ids and Zenodo records found in READMEs (and in the citation file), plus which
 * repositories share each reference.
 */
export function citations(store: Store, owner: string, options: { host?: string } = {}): CitationsResult {
  const { owner: ownerRow, repositories } = loadOwner(store, owner, options.host);
  const docs = store.db
    .prepare(`select d.repo_id, d.kind, d.text from github_documents d join github_repositories g on g.repo_id = d.repo_id where g.owner_id = ? and g.removed = 0`)
    .all(ownerRow.id) as { repo_id: number; kind: 'readme' | 'citation'; text: string }[];
  const byRepo = new Map<number, { readme?: string; citation?: string }>();
  for (const d of docs) byRepo.set(d.repo_id, { ...byRepo.get(d.repo_id), [d.kind]: d.text });

  const result: RepositoryCitations[] = [];
  const references = new Map<string, CitationReference>();
  const add = (kind: CitationReference['kind'], id: string, repo: string) => {
    const key = `${kind}:${id}`;
    const url = kind === 'doi' ? `https://doi.org/${id}` : kind === 'arxiv' ? `https://arxiv.org/abs/${id}` : `https://zenodo.org/records/${id}`;
    const entry = references.get(key) ?? { kind, id, url, repositories: [] };
    if (!entry.repositories.includes(repo)) entry.repositories.push(repo);
    references.set(key, entry);
  };
  for (const repo of repositories) {
    const texts = byRepo.get(repo.id);
    if (!texts) continue;
    const cff = texts.citation !== undefined ? parseCitationCff(texts.citation) : null;
    const found = findReferences(`${texts.readme ?? ''}\n${texts.citation ?? ''}`);
    for (const doi of [cff?.doi, cff?.preferredCitation?.doi]) {
      if (!doi) continue;
      const z = ZENODO_DOI.exec(doi);
      if (z?.[1] && !found.zenodo.includes(z[1])) found.zenodo.push(z[1]);
      else if (!z && !found.dois.includes(doi.toLowerCase())) found.dois.push(doi.toLowerCase());
    }
    if (!cff && found.dois.length + found.arxiv.length + found.zenodo.length === 0) continue;
    result.push({ name: repo.name, cff, ...found });
    for (const id of found.dois) add('doi', id, repo.name);
    for (const id of found.arxiv) add('arxiv', id, repo.name);
    for (const id of found.zenodo) add('zenodo', id, repo.name);
  }
  const refs = [...references.values()].sort((a, b) => b.repositories.length - a.repositories.length || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  return {
    repositories: result,
    references: refs,
    counts: {
      citationFiles: result.filter((r) => r.cff !== null).length,
      dois: refs.filter((r) => r.kind === 'doi').length,
      arxiv: refs.filter((r) => r.kind === 'arxiv').length,
      zenodo: refs.filter((r) => r.kind === 'zenodo').length,
      repositoriesWithCitations: result.length,
    },
  };
}

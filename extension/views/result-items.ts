import type { Memory, PeopleToAsk, SearchAnswer, SimilarAnswer } from '../engine/discovery';

// Rows of the Search Results, Similar Repositories and Memory views, built from the engine's
// answers. Pure, so tested without VS Code; the provider renders labels as plain text.

export interface ResultItem {
  id: string;
  label: string;
  description: string;
  tooltip: string;
  icon: string;
  /** Drives menus: searchHit, similar, factor, memory, person (+ ".repository" when it opens a report). */
  contextValue: string;
  /** A stored repository the row opens on click. */
  repositoryKey: string | null;
  memoryId: number | null;
  /** A web page for "Open on GitHub". */
  url: string | null;
  children: ResultItem[];
}

const KIND_ICON: Record<string, string> = { repository: 'repo', issue: 'issues', pull_request: 'git-pull-request', memory: 'note' };

/** Search snippets mark matches with **bold**; the tree shows plain text. */
function plain(snippet: string): string {
  return snippet.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
}

function row(over: Partial<ResultItem> & Pick<ResultItem, 'id' | 'label'>): ResultItem {
  return { description: '', tooltip: '', icon: 'circle-small', contextValue: 'result', repositoryKey: null, memoryId: null, url: null, children: [], ...over };
}

export function searchItems(answer: SearchAnswer): ResultItem[] {
  return answer.hits.map((hit, i) => {
    const repositoryKey = hit.kind === 'repository' ? hit.key : hit.repository;
    const memoryId = hit.kind === 'memory' ? Number(hit.key.replace(/^memory:/, '')) || null : null;
    const where = [hit.kind.replace('_', ' '), hit.owner, hit.language, hit.health === null ? null : `health ${hit.health}`].filter(Boolean).join(' · ');
    return row({
      id: `search:${i}:${hit.key}`,
      label: hit.title,
      description: where,
      tooltip: [hit.title, plain(hit.snippet), hit.key].filter(Boolean).join('\n\n'),
      icon: KIND_ICON[hit.kind] ?? 'search',
      contextValue: repositoryKey ? 'searchHit.repository' : 'searchHit',
      repositoryKey,
      memoryId,
      url: hit.url,
    });
  });
}

/** Similar repositories, each expandable into the factors that make up its score. */
export function similarItems(answer: SimilarAnswer): ResultItem[] {
  return answer.recommendations.map((r) => {
    const c = r.repository;
    return row({
      id: `similar:${c.key}`,
      label: cardName(c),
      description: [`score ${r.score.toFixed(2)}`, c.language, c.health === null ? null : `health ${c.health}`].filter(Boolean).join(' · '),
      tooltip: [c.description, c.topics.length ? `Topics: ${c.topics.join(', ')}` : '', c.key].filter(Boolean).join('\n\n'),
      icon: 'repo',
      contextValue: 'similar.repository',
      repositoryKey: c.key,
      url: c.url,
      children: r.factors
        .filter((f) => f.value !== null || f.contribution !== 0)
        .map((f) =>
          row({
            id: `similar:${c.key}:${f.id}`,
            label: `${f.label} ${f.contribution >= 0 ? '+' : ''}${f.contribution.toFixed(2)}`,
            description: f.detail,
            tooltip: `${f.label}: ${f.value === null ? 'not measured' : f.value.toFixed(2)} × weight ${f.weight} = ${f.contribution.toFixed(3)}\n${f.detail}`,
            icon: f.contribution < 0 ? 'arrow-down' : 'arrow-up',
            contextValue: 'factor',
          }),
        ),
    });
  });
}

/** "owner/name" for a recommendation card (whose name may already carry the owner). */
export function cardName(c: { name: string; owner: string | null }): string {
  return c.owner && !c.name.includes('/') ? `${c.owner}/${c.name}` : c.name;
}

export function memoryItems(memories: readonly Memory[], now = Date.now()): ResultItem[] {
  return memories.map((m) => {
    const firstLine = m.text.split('\n')[0] ?? '';
    return row({
      id: `memory:${m.id}`,
      label: firstLine.length > 90 ? `${firstLine.slice(0, 89)}…` : firstLine,
      description: [m.tags.map((t) => `#${t}`).join(' '), age(m.updatedAt, now), m.timesRemembered > 1 ? `×${m.timesRemembered}` : null].filter(Boolean).join(' · '),
      tooltip: [m.text, m.links.length ? `Linked: ${m.links.map((l) => `${l.kind} ${l.target}`).join(', ')}` : '', `Memory ${m.id}, updated ${m.updatedAt.slice(0, 16).replace('T', ' ')}`].filter(Boolean).join('\n\n'),
      icon: 'note',
      contextValue: 'memory',
      memoryId: m.id,
      repositoryKey: m.links.find((l) => l.kind === 'repository' && /^(local|github):/.test(l.target))?.target ?? null,
    });
  });
}

export function peopleItems(answer: PeopleToAsk): ResultItem[] {
  return answer.people.map((p) =>
    row({
      id: `person:${p.email || p.name}`,
      label: p.name,
      description: `${p.commits} commits · last ${p.lastTouched.slice(0, 10)} · score ${p.score.toFixed(2)}`,
      tooltip: [p.email, ...p.factors.map((f) => `${f.label} ${f.contribution >= 0 ? '+' : ''}${f.contribution.toFixed(2)}: ${f.detail}`)].join('\n'),
      icon: 'person',
      contextValue: 'person',
    }),
  );
}

function age(iso: string, now: number): string {
  const days = Math.floor((now - Date.parse(iso)) / 86_400_000);
  if (!Number.isFinite(days)) return '';
  return days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

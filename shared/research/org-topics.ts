import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { Store } from '../store/open';
import { loadOwner } from './org-data';
import { seededRandom } from './seeded-random';
import type { TopicsResult, TopicTerm } from './org-types';

// Words that say nothing about what a repository is about.
const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so some such than that the their theirs them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours
   using use used uses based via within without new get make makes like one two also etc eg ie may must can will just simple simply easy easily fast faster small tiny lightweight
   project projects repository repo repos code source open github http https www com org io readme license licence mit apache install installation usage example examples documentation docs doc
   please see note work works working support supports supported tool tools library libraries package packages module modules framework app application applications version release releases
   file files run running build built test tests data set sets help helps provide provides including include includes available`.split(/\s+/),
);

/** Lower-case words of 3+ letters from prose: markdown, URLs, code and badges removed. */
export function tokenize(text: string): string[] {
  const prose = text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .toLowerCase();
  return (prose.match(/[a-z][a-z0-9+#]*(?:-[a-z0-9+#]+)*/g) ?? []).filter((w) => w.length >= 3 && w.length <= 40 && !STOPWORDS.has(w) && !/^\d/.test(w));
}

const KEYWORDS_PER_REPOSITORY = 6;
const MIN_CLUSTER_TERMS = 2;

/**
 * Topics of an owner's repositories: GitHub topics plus TF-IDF keywords from each
 * description (weighted double) and README, then clusters of terms that occur together
 * (Louvain on the term co-occurrence graph), each repository assigned to its best cluster.
 */
export function topics(store: Store, owner: string, options: { host?: string } = {}): TopicsResult {
  const { owner: ownerRow, repositories } = loadOwner(store, owner, options.host);
  const readmes = new Map(
    (
      store.db
        .prepare(`select d.repo_id, d.text from github_documents d join github_repositories g on g.repo_id = d.repo_id where g.owner_id = ? and d.kind = 'readme'`)
        .all(ownerRow.id) as { repo_id: number; text: string }[]
    ).map((r) => [r.repo_id, r.text]),
  );
  const docs = repositories.map((repo) => {
    const counts = new Map<string, number>();
    for (const w of tokenize(repo.description ?? '')) counts.set(w, (counts.get(w) ?? 0) + 2);
    for (const w of tokenize((readmes.get(repo.id) ?? '').slice(0, 20_000))) counts.set(w, (counts.get(w) ?? 0) + 1);
    // A repository's own name is not a topic of the organization.
    for (const part of [repo.name.toLowerCase(), ...repo.name.toLowerCase().split(/[-_.]/)]) counts.delete(part);
    return { name: repo.name, github: (JSON.parse(repo.topics_json) as string[]).map((t) => t.toLowerCase()), counts };
  });
  const n = docs.length;
  const df = new Map<string, number>();
  for (const d of docs) for (const w of d.counts.keys()) df.set(w, (df.get(w) ?? 0) + 1);

  const perRepository = docs.map((d) => {
    const scored = [...d.counts.entries()]
      .filter(([w]) => (df.get(w) ?? 0) < n || n <= 2)
      .map(([w, tf]) => [w, (1 + Math.log(tf)) * Math.log(1 + n / (df.get(w) ?? 1))] as const)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const keywords = scored.filter(([w]) => !d.github.includes(w)).slice(0, KEYWORDS_PER_REPOSITORY).map(([w]) => w);
    return { name: d.name, githubTopics: d.github, keywords, cluster: null as number | null };
  });

  // Term table: how many repositories carry each term, and from where.
  const terms = new Map<string, { github: number; keyword: number; repos: Set<string> }>();
  for (const r of perRepository) {
    for (const [list, kind] of [[r.githubTopics, 'github'], [r.keywords, 'keyword']] as const) {
      for (const t of list) {
        const entry = terms.get(t) ?? { github: 0, keyword: 0, repos: new Set<string>() };
        entry[kind] += 1;
        entry.repos.add(r.name);
        terms.set(t, entry);
      }
    }
  }
  const topicList: TopicTerm[] = [...terms.entries()]
    .map(([term, e]) => ({ term, source: (e.github > 0 && e.keyword > 0 ? 'both' : e.github > 0 ? 'github' : 'keyword') as TopicTerm['source'], repositories: e.repos.size }))
    .sort((a, b) => b.repositories - a.repositories || a.term.localeCompare(b.term));

  // Co-occurrence graph over terms shared by 2+ repositories.
  const shared = new Set(topicList.filter((t) => t.repositories >= 2).map((t) => t.term));
  const graph = new Graph({ type: 'undirected' });
  for (const t of shared) graph.addNode(t);
  for (const r of perRepository) {
    const list = [...new Set([...r.githubTopics, ...r.keywords])].filter((t) => shared.has(t)).sort();
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i] as string;
        const b = list[j] as string;
        const w = graph.hasEdge(a, b) ? (graph.getEdgeAttribute(a, b, 'weight') as number) : 0;
        graph.mergeEdge(a, b, { weight: w + 1 });
      }
    }
  }
  const membership = graph.size > 0 ? louvain(graph, { getEdgeWeight: 'weight', rng: seededRandom(11) }) : {};
  const groups = new Map<number, string[]>();
  for (const [term, community] of Object.entries(membership)) {
    const group = groups.get(community);
    if (group) group.push(term);
    else groups.set(community, [term]);
  }
  const rankOf = new Map(topicList.map((t, i) => [t.term, i]));
  const clusterTerms = [...groups.values()]
    .filter((list) => list.length >= MIN_CLUSTER_TERMS)
    .map((list) => list.sort((a, b) => (rankOf.get(a) ?? 0) - (rankOf.get(b) ?? 0)));

  // Each repository joins the cluster its terms overlap most (ties: the bigger cluster).
  // Labels prefer GitHub topics (chosen by people) over extracted keywords.
  const isTopic = new Set(topicList.filter((t) => t.source !== 'keyword').map((t) => t.term));
  const labelOf = (list: string[]) => [...list.filter((t) => isTopic.has(t)), ...list.filter((t) => !isTopic.has(t))].slice(0, 3).join(' · ');
  const clusters = clusterTerms.map((list, id) => ({ id, label: labelOf(list), terms: list.slice(0, 12), repositories: [] as string[], all: new Set(list) }));
  for (const r of perRepository) {
    const mine = new Set([...r.githubTopics, ...r.keywords]);
    let best: { id: number; overlap: number } | null = null;
    for (const c of clusters) {
      const overlap = [...c.all].filter((t) => mine.has(t)).length;
      if (overlap > 0 && (!best || overlap > best.overlap)) best = { id: c.id, overlap };
    }
    if (best) {
      r.cluster = best.id;
      clusters[best.id]?.repositories.push(r.name);
    }
  }
  const ordered = clusters
    .filter((c) => c.repositories.length > 0)
    .sort((a, b) => b.repositories.length - a.repositories.length || a.label.localeCompare(b.label));
  const renumber = new Map(ordered.map((c, i) => [c.id, i]));
  for (const r of perRepository) r.cluster = r.cluster === null ? null : (renumber.get(r.cluster) ?? null);
  return {
    topics: topicList.slice(0, 200),
    clusters: ordered.map((c, i) => ({ id: i, label: c.label, terms: c.terms, repositories: c.repositories })),
    perRepository,
  };
}


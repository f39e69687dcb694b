import type { OrganizationData } from '../engine/organization';
import type { ContributorsPage, RepositoryItem } from '../engine/research';
import type { DashboardModel } from './protocol';

// Engine answers → what the dashboard renders. Pure, so tested without VS Code. (The report's
// model comes whole from the engine: see loadReportModel.)

const GRADES = ['A', 'B', 'C', 'D', 'F'] as const;
// The graph stays readable: at most this many people per repository and overall.
const PEOPLE_PER_REPOSITORY = 12;
const MAX_PEOPLE = 150;

/**
 * The organization dashboard: health distribution, language mix and a repository–person
 * collaboration graph (a person links to each repository they committed to; two people are
 * collaborators when they share a repository).
 */
export function toDashboardModel(owner: string | null, repositories: readonly RepositoryItem[], contributors: ReadonlyMap<string, ContributorsPage>): DashboardModel {
  const grades = GRADES.map((g) => ({ grade: g as DashboardModel['grades'][number]['grade'], count: repositories.filter((r) => r.grade === g).length }));
  const unscored = repositories.filter((r) => r.grade === null).length;
  if (unscored > 0) grades.push({ grade: 'n/a', count: unscored });
  const languageCounts = new Map<string, number>();
  for (const r of repositories) if (r.primaryLanguage) languageCounts.set(r.primaryLanguage, (languageCounts.get(r.primaryLanguage) ?? 0) + 1);
  const languages = [...languageCounts.entries()].map(([language, n]) => ({ language, repositories: n })).sort((a, b) => b.repositories - a.repositories || a.language.localeCompare(b.language));

  const nodes: DashboardModel['network']['nodes'] = [];
  const edges: DashboardModel['network']['edges'] = [];
  const people = new Map<string, { id: string; label: string; email: string; weight: number }>();
  let truncated = false;
  for (const r of repositories) {
    nodes.push({ id: `r:${r.key}`, kind: 'repository', label: r.name, weight: 0, health: r.health, email: null, key: r.key });
    const page = contributors.get(r.key);
    if (!page) continue;
    if (page.contributors.length > PEOPLE_PER_REPOSITORY || page.total > page.contributors.length) truncated = true;
    for (const p of page.contributors.filter((c) => !c.isBot).slice(0, PEOPLE_PER_REPOSITORY)) {
      const id = `p:${(p.email || p.name).toLowerCase()}`;
      let person = people.get(id);
      if (!person) {
        if (people.size >= MAX_PEOPLE) {
          truncated = true;
          continue;
        }
        person = { id, label: p.name, email: p.email, weight: 0 };
        people.set(id, person);
      }
      person.weight += p.commits;
      edges.push({ source: id, target: `r:${r.key}`, weight: p.commits });
    }
  }
  for (const p of people.values()) nodes.push({ id: p.id, kind: 'person', label: p.label, weight: p.weight, health: null, email: p.email, key: null });
  for (const n of nodes) if (n.kind === 'repository') n.weight = edges.filter((e) => e.target === n.id).reduce((s, e) => s + e.weight, 0);
  const busFactorOf = (key: string) => contributors.get(key)?.busFactor.window.factor ?? null;
  return {
    owner,
    title: owner ?? 'Local clones',
    organization: null,
    components: [],
    worst: [],
    topics: [],
    citations: null,
    repositories: repositories.map((r) => ({ key: r.key, name: r.name, health: r.health, grade: r.grade, primaryLanguage: r.primaryLanguage, lastCommitAt: r.lastCommitAt, busFactor: busFactorOf(r.key) })),
    grades,
    languages,
    network: { nodes, edges, people: people.size, truncated },
  };
}

/**
 * The dashboard of a researched GitHub owner, from the engine's organization research: its
 * own health distribution, languages, worst repositories, topics, citations, and the
 * collaboration graph (people and repositories, contribution and co-contribution edges).
 */
export function toOrganizationDashboardModel(owner: string, repositories: readonly RepositoryItem[], data: OrganizationData): DashboardModel {
  const { details: d, network: net } = data;
  const byName = new Map(repositories.map((r) => [r.name.toLowerCase(), r]));
  const grades = GRADES.map((g) => ({ grade: g as DashboardModel['grades'][number]['grade'], count: d.health.grades[g] }));
  const nodes: DashboardModel['network']['nodes'] = [];
  const edges: DashboardModel['network']['edges'] = [];
  const weight = new Map<string, number>();
  for (const e of net.graph?.edges ?? []) {
    const w = typeof e.attributes.weight === 'number' ? e.attributes.weight : 1;
    if (e.attributes.kind === 'contributes') {
      edges.push({ source: e.source, target: e.target, weight: w });
      weight.set(e.source, (weight.get(e.source) ?? 0) + w);
      weight.set(e.target, (weight.get(e.target) ?? 0) + w);
    }
  }
  for (const n of net.graph?.nodes ?? []) {
    const kind = n.attributes.kind === 'repository' || n.key.startsWith('repo:') ? 'repository' : 'person';
    const label = typeof n.attributes.label === 'string' ? n.attributes.label : n.key.replace(/^(repo|person):/, '');
    const item = kind === 'repository' ? byName.get(label.toLowerCase()) : undefined;
    nodes.push({ id: n.key, kind, label, weight: weight.get(n.key) ?? 0, health: item?.health ?? null, email: kind === 'person' ? label : null, key: item?.key ?? null });
  }
  const busFactor = new Map((net.repositories ?? []).map((r) => [r.name.toLowerCase(), r.busFactor]));
  return {
    owner,
    title: d.owner.name ? `${d.owner.name} (${d.owner.login})` : d.owner.login,
    organization: {
      kind: d.owner.kind,
      name: d.owner.name,
      description: d.owner.description,
      analyzedAt: d.analyzedAt,
      repositories: d.totals.repositories,
      active: d.totals.active,
      dormant: d.totals.dormant,
      archived: d.totals.archived,
      stars: d.totals.stars,
      contributors: d.totals.contributors,
      medianHealth: d.health.median,
      communities: d.network.communities,
    },
    repositories: repositories.map((r) => ({ key: r.key, name: r.name, health: r.health, grade: r.grade, primaryLanguage: r.primaryLanguage, lastCommitAt: r.lastCommitAt, busFactor: busFactor.get(r.name.toLowerCase()) ?? null })),
    grades,
    languages: (d.languages ?? []).map((l) => ({ language: l.language, repositories: l.repositories })).filter((l) => l.repositories > 0),
    components: (d.healthDistribution?.components ?? []).map((c) => ({ label: c.label, averageScore: c.averageScore })).sort((a, b) => a.averageScore - b.averageScore),
    worst: (d.worst ?? []).map((w) => ({ name: w.name, key: w.key, health: w.health, grade: w.grade, busFactor: w.busFactor, reasons: w.weaknesses })),
    topics: (data.topics?.clusters ?? []).map((c) => ({ label: c.label, terms: c.terms.slice(0, 8), repositories: c.repositoryCount })),
    citations: data.citations
      ? {
          repositories: data.citations.counts.repositoriesWithCitations,
          dois: data.citations.counts.dois,
          arxiv: data.citations.counts.arxiv,
          zenodo: data.citations.counts.zenodo,
          references: data.citations.references.map((r) => ({ kind: r.kind, id: r.id, url: r.url, repositories: r.repositoryCount })),
        }
      : null,
    network: { nodes, edges, people: net.counts.people, truncated: net.graph?.truncated ?? false },
  };
}

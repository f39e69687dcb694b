import type { OrgReportModel } from '../../shared/protocol/org-report';
import type { ContributorsPage, RepositoryItem } from '../engine/research';

// Engine answers → the dashboard of the local clones (and of an owner this engine cannot
// research), in the organization report's model so the one renderer
// (webview-client/org-report.ts) draws it; the parts only an organization research has
// stay empty. Pure, so tested without VS Code. (A researched GitHub owner's model comes whole
// from the engine: see loadOrgReportModel.)

const GRADES = ['A', 'B', 'C', 'D', 'F'] as const;
// The graph stays readable: at most this many people per repository and overall.
const PEOPLE_PER_REPOSITORY = 12;
const MAX_PEOPLE = 150;

type Network = OrgReportModel['network'];

/**
 * The dashboard of stored repositories: health distribution, language mix and a
 * repository–person collaboration graph (a person links to each repository they committed
 * to; two people are collaborators when they share a repository).
 */
export function toDashboardModel(owner: string | null, repositories: readonly RepositoryItem[], contributors: ReadonlyMap<string, ContributorsPage>): OrgReportModel {
  const grades: OrgReportModel['health']['grades'] = GRADES.map((grade) => ({ grade, count: repositories.filter((r) => r.grade === grade).length }));
  const unscored = repositories.filter((r) => r.grade === null).length;
  if (unscored > 0) grades.push({ grade: 'n/a', count: unscored });
  const languageCounts = new Map<string, number>();
  for (const r of repositories) if (r.primaryLanguage) languageCounts.set(r.primaryLanguage, (languageCounts.get(r.primaryLanguage) ?? 0) + 1);
  const languages = [...languageCounts.entries()].map(([language, n]) => ({ language, share: null, repositories: n })).sort((a, b) => b.repositories - a.repositories || a.language.localeCompare(b.language));
  const scored = repositories.flatMap((r) => (r.health === null ? [] : [r.health]));
  const network = networkOf(repositories, contributors);
  const page = (key: string) => contributors.get(key);
  return {
    owner: { login: owner, title: owner ?? 'Local clones', name: null, description: null, kind: null, host: null },
    analyzedAt: null,
    overview: [],
    kpis: {
      repositories: repositories.length,
      medianHealth: null,
      averageHealth: scored.length ? Math.round(scored.reduce((s, x) => s + x, 0) / scored.length) : null,
      active: null,
      dormant: null,
      archived: null,
      contributors: network.people,
      communities: null,
      stars: null,
      pullRequestsMerged: null,
      repositoriesWithCitations: null,
    },
    health: { ranked: null, grades, histogram: [], best: [], worst: [], components: [] },
    languages,
    activity: null,
    topics: null,
    network,
    citations: null,
    repositories: [...repositories]
      .sort((a, b) => (b.health ?? -1) - (a.health ?? -1) || a.name.localeCompare(b.name))
      .map((r) => ({
        key: r.key,
        name: r.name,
        description: null,
        health: r.health,
        grade: r.grade,
        language: r.primaryLanguage,
        stars: null,
        contributors: page(r.key)?.humans ?? null,
        busFactor: page(r.key)?.busFactor.window.factor ?? null,
        pushedAt: null,
        lastCommitAt: r.lastCommitAt,
        notes: '',
      })),
  };
}

function networkOf(repositories: readonly RepositoryItem[], contributors: ReadonlyMap<string, ContributorsPage>): Network {
  const edges: Network['edges'] = [];
  const people = new Map<string, { id: string; label: string; email: string; weight: number }>();
  const repositoryWeight = new Map<string, number>();
  let truncated = false;
  for (const r of repositories) {
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
      repositoryWeight.set(r.key, (repositoryWeight.get(r.key) ?? 0) + p.commits);
      edges.push({ source: id, target: `r:${r.key}`, weight: p.commits });
    }
  }
  // Sizes by commits, relative to the busiest node; edge widths on the research graph's log scale.
  const maxWeight = Math.max(1, ...[...people.values()].map((p) => p.weight), ...repositoryWeight.values());
  const size = (w: number) => 16 + Math.round(34 * Math.sqrt(w / maxWeight));
  return {
    nodes: [
      ...repositories.map((r) => ({ id: `r:${r.key}`, kind: 'repository' as const, label: r.name, size: size(repositoryWeight.get(r.key) ?? 0), community: -1, health: r.health, key: r.key, email: null })),
      ...[...people.values()].map((p) => ({ id: p.id, kind: 'person' as const, label: p.label, size: size(p.weight), community: -1, health: null, key: null, email: p.email })),
    ],
    edges: edges.map((e) => ({ ...e, weight: Math.round(10 * Math.log10(1 + e.weight)) / 10 })),
    people: people.size,
    repositories: repositories.length,
    shownPeople: people.size,
    shownRepositories: repositories.length,
    notes: truncated ? ['The busiest contributors of each repository are shown.'] : [],
    central: [],
    communities: [],
    atRisk: 0,
    busFactorRisk: [],
  };
}

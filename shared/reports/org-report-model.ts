import { orgReportModelSchema, type OrgReportModel } from '../protocol/org-report';
import type { OrganizationRepository, OrganizationResearch } from '../research/org-types';
import { activityFactsOrg, organizationFacts } from './org-facts';

// The one builder of the organization report's model (shared/protocol/org-report.ts): the
// CLI's HTML organization report inlines it, the MCP server serves it to the VS Code
// dashboard; both render it with webview-client/org-report.ts. Lists are cut to what a report
// shows (the Markdown report and the tools keep the rest); parsing with the contract keeps
// exactly its fields.

const WEEKS = 52;
const CLUSTERS = 20;
const CLUSTER_TERMS = 8;
const TERMS = 25;
const CENTRAL = 20;
const COMMUNITIES = 12;
const AT_RISK = 15;
const CITATIONS = 40;
const REPOSITORIES = 1000;
// The drawn graph stays readable: the people with the most shared work and the repositories they contribute to most.
const GRAPH_PEOPLE = 80;
const GRAPH_REPOSITORIES = 80;

/** The report model of one organization research. */
export function buildOrgReportModel(r: OrganizationResearch): OrgReportModel {
  const t = r.totals;
  const ranked = (list: OrganizationRepository[], reasons: 'strengths' | 'weaknesses') =>
    list.map((x) => ({ key: x.key, name: x.name, health: x.health, grade: x.grade, busFactor: x.busFactor, reasons: x[reasons] }));
  const atRisk = [...r.network.repositories]
    .filter((x) => x.contributors > 0)
    .sort((a, b) => a.busFactor - b.busFactor || (b.topContributors[0]?.share ?? 0) - (a.topContributors[0]?.share ?? 0) || a.name.localeCompare(b.name));
  return orgReportModelSchema.parse({
    owner: {
      login: r.owner.login,
      title: r.owner.name ? `${r.owner.name} (${r.owner.login})` : r.owner.login,
      name: r.owner.name,
      description: r.owner.description,
      kind: r.owner.kind,
      host: r.owner.host,
    },
    analyzedAt: r.analyzedAt,
    overview: organizationFacts(r),
    kpis: {
      repositories: t.repositories,
      medianHealth: r.health.median,
      averageHealth: null,
      active: t.active,
      dormant: t.dormant,
      archived: t.archived,
      contributors: t.contributors,
      communities: r.network.communities.length,
      stars: t.stars,
      pullRequestsMerged: r.activity.pullRequestsMergedInWindow,
      repositoriesWithCitations: r.citations.counts.repositoriesWithCitations,
    },
    health: {
      ranked: t.ranked,
      grades: (['A', 'B', 'C', 'D', 'F'] as const).map((grade) => ({ grade, count: r.health.grades[grade] })),
      histogram: r.health.histogram,
      best: ranked(r.health.best, 'strengths'),
      worst: ranked(r.health.worst, 'weaknesses'),
      components: [...r.health.components].sort((a, b) => a.averageScore - b.averageScore),
    },
    languages: r.languages.map((l) => ({ language: l.language, share: l.share, repositories: l.repositories })),
    activity: { weeks: r.activity.weeks.slice(-WEEKS).map((w) => ({ week: w.week, commits: w.commits, repositories: w.repositories })), facts: activityFactsOrg(r) },
    topics: {
      clusters: r.topics.clusters.slice(0, CLUSTERS).map((c) => ({ label: c.label, terms: c.terms.slice(0, CLUSTER_TERMS), repositories: c.repositories })),
      clusterCount: r.topics.clusters.length,
      terms: r.topics.topics.slice(0, TERMS),
      termCount: r.topics.topics.length,
    },
    network: {
      ...graphOf(r),
      people: r.network.people.length,
      repositories: r.network.repositories.length,
      notes: r.network.notes,
      central: r.network.people.slice(0, CENTRAL),
      communities: r.network.communities.slice(0, COMMUNITIES),
      atRisk: atRisk.length,
      busFactorRisk: atRisk.slice(0, AT_RISK).map((x) => ({ name: x.name, busFactor: x.busFactor, busFactorWindow: x.busFactorWindow, topContributor: x.topContributors[0]?.login ?? null, share: x.topContributors[0]?.share ?? 0 })),
    },
    citations: {
      counts: r.citations.counts,
      files: r.citations.repositories
        .filter((x) => x.cff !== null)
        .slice(0, CITATIONS)
        .map((x) => ({ name: x.name, title: x.cff?.title ?? null, authors: x.cff?.authors ?? [], version: x.cff?.version ?? null, doi: x.cff?.doi ?? null, problems: x.cff?.problems ?? [] })),
      references: r.citations.references.slice(0, CITATIONS),
    },
    repositories: r.repositories.slice(0, REPOSITORIES).map((x) => ({
      key: x.key,
      name: x.name,
      description: x.description,
      health: x.health,
      grade: x.grade,
      language: x.language,
      stars: x.stars,
      contributors: x.contributors,
      busFactor: x.busFactor,
      pushedAt: x.pushedAt,
      lastCommitAt: null,
      notes: [[x.isArchived ? 'archived' : '', x.isFork ? 'fork' : '', x.isEmpty ? 'empty' : ''].filter(Boolean).join(', '), x.topics.length ? `topics: ${x.topics.slice(0, 5).join(', ')}` : ''].filter(Boolean).join('; '),
    })),
  } satisfies OrgReportModel);
}

/**
 * The most connected part of the network, small enough to read: the people with the most
 * shared work, the repositories they contribute to most, and their contribution edges.
 */
function graphOf(r: OrganizationResearch): Pick<OrgReportModel['network'], 'nodes' | 'edges' | 'shownPeople' | 'shownRepositories'> {
  const people = r.network.people.slice(0, GRAPH_PEOPLE);
  const keep = new Set(people.map((p) => p.login));
  const contributes = r.network.graph.edges
    .filter((e) => e.attributes.kind === 'contributes' && keep.has(e.source.replace(/^person:/, '')))
    .map((e) => ({ person: e.source.replace(/^person:/, ''), repo: e.target.replace(/^repo:/, ''), weight: Number(e.attributes.weight) || 1 }));
  const repoWeight = new Map<string, number>();
  for (const e of contributes) repoWeight.set(e.repo, (repoWeight.get(e.repo) ?? 0) + e.weight);
  const repos = [...repoWeight.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, GRAPH_REPOSITORIES).map(([name]) => name);
  const repoSet = new Set(repos);
  const maxStrength = Math.max(1, ...people.map((p) => p.strength));
  const contributors = new Map(r.network.repositories.map((x) => [x.name, x.contributors]));
  const stored = new Map(r.repositories.map((x) => [x.name, x]));
  return {
    nodes: [
      ...people.map((p) => ({ id: `p:${p.login}`, label: p.login, kind: 'person' as const, size: 18 + 30 * Math.sqrt(p.strength / maxStrength), community: p.community, health: null, key: null, email: p.login })),
      ...repos.map((name) => ({
        id: `r:${name}`,
        label: name,
        kind: 'repository' as const,
        size: 10 + 3 * Math.min(8, contributors.get(name) ?? 1),
        community: -1,
        health: stored.get(name)?.health ?? null,
        key: stored.get(name)?.key ?? null,
        email: null,
      })),
    ],
    edges: contributes.filter((e) => repoSet.has(e.repo)).map((e) => ({ source: `p:${e.person}`, target: `r:${e.repo}`, weight: Math.round(10 * Math.log10(1 + e.weight)) / 10 })),
    shownPeople: people.length,
    shownRepositories: repos.length,
  };
}

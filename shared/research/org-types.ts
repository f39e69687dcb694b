// The organization research result: what `reposcout research <owner>` stores, prints with
// --json, and renders into the organization report. Dates are ISO-8601 UTC strings.
import type { HealthScore } from './types';

export interface OrganizationResearch {
  owner: { host: string; login: string; kind: string | null; name: string | null; description: string | null };
  options: { windowMonths: number; windowStart: string; now: string };
  analyzedAt: string;
  sync: { listedAt: string | null; syncedAt: string | null };
  totals: OrganizationTotals;
  health: OrganizationHealth;
  /** Every repository, best health first. */
  repositories: OrganizationRepository[];
  languages: OrganizationLanguage[];
  activity: OrganizationActivity;
  network: CollaborationNetwork;
  topics: TopicsResult;
  citations: CitationsResult;
}

export interface OrganizationTotals {
  repositories: number;
  /** Not archived, not a fork, not empty: the repositories the health ranking compares. */
  ranked: number;
  archived: number;
  forks: number;
  empty: number;
  /** Pushed to within the last 90 days. */
  active: number;
  /** No push for more than a year. */
  dormant: number;
  stars: number;
  openIssues: number;
  openPullRequests: number;
  /** Distinct human contributors (GitHub logins) across the repositories. */
  contributors: number;
}

export interface OrganizationRepository {
  name: string;
  key: string;
  url: string | null;
  description: string | null;
  language: string | null;
  license: string | null;
  topics: string[];
  stars: number;
  forks: number;
  isArchived: boolean;
  isFork: boolean;
  isEmpty: boolean;
  pushedAt: string | null;
  health: number;
  grade: HealthScore['grade'];
  busFactor: number;
  contributors: number;
  commitsInWindow: number;
  /** The components that earned the most / lost the most points, as sentences. */
  strengths: string[];
  weaknesses: string[];
}

export interface OrganizationHealth {
  median: number | null;
  mean: number | null;
  grades: Record<HealthScore['grade'], number>;
  /** Ten buckets: 0-9, 10-19, ..., 90-100. */
  histogram: { bucket: string; count: number }[];
  best: OrganizationRepository[];
  worst: OrganizationRepository[];
  /** Component averages over ranked repositories (0..1), weakest first: where the org as a whole loses points. */
  components: { id: string; label: string; weight: number; averageScore: number; measured: number }[];
}

export interface OrganizationLanguage {
  language: string;
  bytes: number;
  share: number;
  /** Repositories where it is the primary language. */
  repositories: number;
}

export interface OrganizationActivity {
  weeks: { week: string; commits: number; repositories: number; authors: number }[];
  commitsInWindow: number;
  /** Commits GitHub counts in the window; only the newest 100 per repository are read, so the weekly series can be a sample. */
  commitsInWindowReported: number;
  pullRequestsMergedInWindow: number;
  issuesOpenedInWindow: number;
  releasesInWindow: number;
}

export interface NetworkPerson {
  login: string;
  repositories: number;
  contributions: number;
  /** People this person shares at least one repository with. */
  collaborators: number;
  /** Sum of co-contribution weights (shared work) with all collaborators. */
  strength: number;
  /** Normalised betweenness centrality on the co-contribution graph, 0..1. */
  betweenness: number;
  pagerank: number;
  community: number;
}

export interface NetworkRepository {
  name: string;
  key: string;
  contributors: number;
  /** CHAOSS contributor absence factor over all-time contributions. */
  busFactor: number;
  /** The same over the research window's commits (null when none were read). */
  busFactorWindow: number | null;
  topContributors: { login: string; contributions: number; share: number }[];
}

export interface CoContributionEdge {
  source: string;
  target: string;
  /** Shared work: over shared repositories, the sum of the smaller of the two contribution counts. */
  weight: number;
  sharedRepositories: number;
  repositories: string[];
}

export interface NetworkCommunity {
  id: number;
  people: string[];
  /** Repositories where this community's members made most of the contributions. */
  repositories: string[];
}

/** graphology's serialisation format, ready for graphology.import() or conversion to other tools. */
export interface SerializedGraph {
  attributes: Record<string, unknown>;
  options: { type: string; multi: boolean; allowSelfLoops: boolean };
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: { key?: string; source: string; target: string; attributes: Record<string, unknown> }[];
}

export interface CollaborationNetwork {
  owner: string;
  people: NetworkPerson[];
  repositories: NetworkRepository[];
  edges: CoContributionEdge[];
  communities: NetworkCommunity[];
  /** People × repositories (edge weight = contributions) plus co-contribution edges, for visualisation. */
  graph: SerializedGraph;
  notes: string[];
}

export interface TopicTerm {
  term: string;
  source: 'github' | 'keyword' | 'both';
  repositories: number;
}

export interface TopicCluster {
  id: number;
  label: string;
  terms: string[];
  repositories: string[];
}

export interface TopicsResult {
  topics: TopicTerm[];
  clusters: TopicCluster[];
  perRepository: { name: string; githubTopics: string[]; keywords: string[]; cluster: number | null }[];
}

export interface CffSummary {
  title: string | null;
  version: string | null;
  doi: string | null;
  dateReleased: string | null;
  authors: string[];
  preferredCitation: { title: string | null; doi: string | null; journal: string | null; year: string | null } | null;
  /** Problems found while reading the file (it is kept, with what could be read). */
  problems: string[];
}

export interface RepositoryCitations {
  name: string;
  cff: CffSummary | null;
  dois: string[];
  arxiv: string[];
  zenodo: string[];
}

export interface CitationReference {
  kind: 'doi' | 'arxiv' | 'zenodo';
  id: string;
  url: string;
  repositories: string[];
}

export interface CitationsResult {
  repositories: RepositoryCitations[];
  references: CitationReference[];
  counts: { citationFiles: number; dois: number; arxiv: number; zenodo: number; repositoriesWithCitations: number };
}

/**
 * The research result for one repository: what `reposcout research` stores,
 * prints with --json, and renders into reports. Dates are ISO-8601 UTC strings;
 * line counts exclude binary files; "window" is the recent window (default 12 months).
 */
export interface RepositoryResearch {
  repository: RepositorySummary;
  options: { windowMonths: number; windowStart: string; now: string };
  contributors: { humans: ContributorStats[]; bots: ContributorStats[] };
  busFactor: { windowMonths: number; window: BusFactorResult; allTime: BusFactorResult };
  activity: Activity;
  hotspots: Hotspot[];
  languages: LanguageShare[];
  communityFiles: CommunityFiles;
  pullRequests: PullRequestSummary;
  releases: Releases;
  health: HealthScore;
  /** GitHub research only: the API-only inputs of the health score. */
  githubInputs?: GitHubHealthInputs;
}

export interface RepositorySummary {
  /** 'local' (the default when absent) or 'github'. */
  source?: 'local' | 'github';
  /** GitHub: owner login, web URL, description, stars, forks, topics, archived/fork flags. */
  github?: GitHubRepositoryFacts;
  key: string;
  name: string;
  path: string | null;
  headSha: string;
  defaultBranch: string | null;
  isShallow: boolean;
  analyzedAt: string;
}

/** What the GitHub API says about a repository beyond its history (GitHub research only). */
export interface GitHubRepositoryFacts {
  owner: string;
  url: string | null;
  description: string | null;
  stars: number;
  forks: number;
  openIssues: number;
  openPullRequests: number;
  topics: string[];
  primaryLanguage: string | null;
  license: string | null;
  isArchived: boolean;
  isFork: boolean;
  createdAt: string | null;
  pushedAt: string | null;
  /** Commits GitHub counts on the default branch in the window (only the newest 100 are read). */
  commitsInWindow: number;
}

/** API-only health inputs kept with a GitHub research result so reports can explain them. */
export interface GitHubHealthInputs {
  responsiveness: { medianHoursToFirstResponse: number | null; sampled: number; unanswered: number } | null;
  changeRequests: { opened: number; closed: number; merged: number } | null;
  maintenance: { archived: boolean; commitsLast90Days: number; maintainerActionsLast90Days: number } | null;
}

export interface ContributorStats {
  /** GitHub login, when the contributor is known by one. */
  login?: string;
  name: string;
  email: string;
  isBot: boolean;
  /** Non-merge commits authored. */
  commits: number;
  merges: number;
  additions: number;
  deletions: number;
  firstCommitAt: string;
  lastCommitAt: string;
  /** Distinct ISO weeks with at least one commit. */
  activeWeeks: number;
  commitsInWindow: number;
}

/** CHAOSS contributor absence factor: fewest people covering >= 50% of non-merge, non-bot commits. */
export interface BusFactorResult {
  factor: number;
  commits: number;
  people: { name: string; email: string; commits: number; share: number }[];
}

export interface WeeklyActivity {
  /** Monday of the ISO week, YYYY-MM-DD. */
  week: string;
  commits: number;
  authors: number;
}

export interface Activity {
  totalCommits: number;
  totalMerges: number;
  firstCommitAt: string;
  lastCommitAt: string;
  daysSinceLastCommit: number;
  commitsLast90Days: number;
  activeWeeksLast26: number;
  /** Every week from the first to the last commit in the window, zero weeks included. */
  weeks: WeeklyActivity[];
}

export interface Hotspot {
  path: string;
  churn: number;
  additions: number;
  deletions: number;
  commits: number;
  authors: number;
}

export interface LanguageShare {
  language: string;
  files: number;
  bytes: number;
  /** Fraction of all classified bytes, 0..1. */
  share: number;
}

export interface CommunityFiles {
  readme: string | null;
  license: { path: string; spdxId: string | null } | null;
  contributing: string | null;
  codeOfConduct: string | null;
  security: string | null;
  citation: string | null;
  changelog: string | null;
  /** CI configuration files found (workflows, .gitlab-ci.yml, ...). */
  ci: string[];
  tests: { present: boolean; files: number; examples: string[] };
  linters: string[];
  dependencyUpdates: string[];
}

export interface ReconstructedPullRequest {
  number: number;
  source: 'merge' | 'squash' | 'github';
  title: string;
  author: { name: string; email: string } | null;
  mergedAt: string | null;
  sha: string | null;
  headRef: string | null;
  additions: number;
  deletions: number;
  filesChanged: number;
  files: string[];
}

export interface PullRequestSummary {
  total: number;
  merge: number;
  squash: number;
  inWindow: number;
  /** Share of first-parent changes in the window that arrived as a pull request, 0..1; null with no changes. */
  reviewedShare: number | null;
  recent: ReconstructedPullRequest[];
}

export interface Releases {
  /** What was counted: git tags (local clones, the default) or GitHub releases. */
  source?: 'tags' | 'github-releases';
  tags: number;
  last365Days: number;
  latest: { name: string; date: string | null } | null;
}

export interface HealthComponent {
  id: string;
  label: string;
  /** Nominal weight out of 100 before renormalising over the applicable components. */
  weight: number;
  /** 0..1, or null when the component cannot be measured for this source (it is then left out). */
  score: number | null;
  /** Points this component contributed to the 0..100 total. */
  points: number;
  detail: string;
}

export interface HealthScore {
  score: number;
  grade: 'A' | 'B' | 'C' | 'D' | 'F';
  components: HealthComponent[];
}

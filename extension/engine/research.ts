import type { CallOptions, EngineClient } from './client';
import {
  analyzeOutput,
  getContributorsOutput,
  getRepositoryOutput,
  listPullRequestsOutput,
  listRepositoriesOutput,
  type AnalyzeResult,
  type ContributorsPage,
  type RepositoryDetails,
  type RepositoryItem,
} from './schemas';
import type { z } from 'zod';
import { pullRequestSchema } from './schemas';

// The research capability as typed calls over MCP. Tool names live here and nowhere else.
export const TOOLS = {
  analyze: 'analyze_local_repository',
  list: 'list_repositories',
  get: 'get_repository',
  contributors: 'get_contributors',
  hotspots: 'get_hotspots',
  pullRequests: 'list_pull_requests',
} as const;

const PAGE = 100;
// A safety stop for a database with a great many repositories; the tree says when it is reached.
const MAX_PAGES = 50;

export function analyzeLocalRepository(engine: EngineClient, folder: string, windowMonths: number, options: CallOptions & { force?: boolean }): Promise<AnalyzeResult> {
  return engine.call(TOOLS.analyze, { path: folder, windowMonths, force: options.force ?? false }, analyzeOutput, { ...options, long: true });
}

/** Every stored repository, all pages. */
export async function listAllRepositories(engine: EngineClient, signal?: AbortSignal): Promise<{ repositories: RepositoryItem[]; truncated: boolean }> {
  const repositories: RepositoryItem[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const args: Record<string, unknown> = { sort: 'name', limit: PAGE };
    if (cursor) args.cursor = cursor;
    const answer: z.output<typeof listRepositoriesOutput> = await engine.call(TOOLS.list, args, listRepositoriesOutput, { signal });
    repositories.push(...answer.repositories);
    cursor = answer.nextCursor;
    if (!cursor) return { repositories, truncated: false };
  }
  return { repositories, truncated: true };
}

export type PullRequest = z.output<typeof pullRequestSchema>;

/** Everything the repository report shows, in three calls made together. */
export interface RepositoryReportData {
  details: RepositoryDetails;
  contributors: ContributorsPage;
  pullRequests: { items: PullRequest[]; total: number };
}

export async function loadRepositoryReport(engine: EngineClient, key: string, signal?: AbortSignal): Promise<RepositoryReportData> {
  const [details, contributors, pullRequests] = await Promise.all([
    engine.call(TOOLS.get, { repository: key, sections: ['all'] }, getRepositoryOutput, { signal }),
    engine.call(TOOLS.contributors, { repository: key, limit: 50, includeBots: true }, getContributorsOutput, { signal }),
    engine.has(TOOLS.pullRequests)
      ? engine.call(TOOLS.pullRequests, { repository: key, limit: 50 }, listPullRequestsOutput, { signal })
      : Promise.resolve(null),
  ]);
  return {
    details,
    contributors,
    pullRequests: pullRequests ? { items: pullRequests.pullRequests, total: pullRequests.total } : { items: details.pullRequests?.recent ?? [], total: details.pullRequests?.total ?? 0 },
  };
}

/** The contributors of one repository (top `limit`), for the dashboard's network. */
export function loadContributors(engine: EngineClient, key: string, limit: number, signal?: AbortSignal): Promise<ContributorsPage> {
  return engine.call(TOOLS.contributors, { repository: key, limit }, getContributorsOutput, { signal });
}

/** The stored repositories a person (matched by e-mail, else name) contributed to, with their commits. */
export async function repositoriesOfContributor(
  engine: EngineClient,
  person: { name: string; email: string },
  signal?: AbortSignal,
): Promise<{ repository: RepositoryItem; commits: number; lastCommitAt: string }[]> {
  const { repositories } = await listAllRepositories(engine, signal);
  const needle = person.email.trim() !== '' ? person.email : person.name;
  const found: { repository: RepositoryItem; commits: number; lastCommitAt: string }[] = [];
  // Few at a time: each call is cheap, but a big database should not flood the engine.
  const researched = repositories.filter((r) => r.researched);
  for (let i = 0; i < researched.length; i += 8) {
    const batch = researched.slice(i, i + 8);
    const pages = await Promise.all(
      batch.map((r) => engine.call(TOOLS.contributors, { repository: r.key, match: needle.slice(0, 200), includeBots: true, limit: 5 }, getContributorsOutput, { signal })),
    );
    pages.forEach((page, j) => {
      const wanted = needle.toLowerCase();
      const hit = page.contributors.find((c) => c.email.toLowerCase() === wanted || c.name.toLowerCase() === wanted);
      const repository = batch[j];
      if (hit && repository) found.push({ repository, commits: hit.commits, lastCommitAt: hit.lastCommitAt });
    });
  }
  return found.sort((a, b) => b.commits - a.commits);
}

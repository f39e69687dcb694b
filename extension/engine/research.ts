import {
  analyzeLocalRepositoryContract,
  getContributorsContract,
  listRepositoriesContract,
  type AnalyzeLocalRepositoryResult,
  type GetContributorsResult,
  type ListRepositoriesResult,
} from '../../shared/protocol';
import { reportModelSchema, reportModelUri, type ReportModel } from '../../shared/protocol/report';
import type { z } from 'zod';
import { ToolError } from './errors';
import type { CallOptions, EngineClient } from './client';

// The research capability as typed calls over MCP. Tool names and answer shapes come from
// the contract in shared/protocol; nothing here restates them.
export type AnalyzeResult = AnalyzeLocalRepositoryResult;
export type RepositoryItem = ListRepositoriesResult['repositories'][number];
export type ContributorsPage = GetContributorsResult;

const PAGE = 100;
// A safety stop for a database with a great many repositories; the tree says when it is reached.
const MAX_PAGES = 50;

export function analyzeLocalRepository(engine: EngineClient, folder: string, windowMonths: number, options: CallOptions & { force?: boolean }): Promise<AnalyzeResult> {
  return engine.call(analyzeLocalRepositoryContract, { path: folder, windowMonths, force: options.force ?? false }, { ...options, long: true });
}

/** Every stored repository, all pages. */
export async function listAllRepositories(engine: EngineClient, signal?: AbortSignal): Promise<{ repositories: RepositoryItem[]; truncated: boolean }> {
  const repositories: RepositoryItem[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer: ListRepositoriesResult = await engine.call(listRepositoriesContract, { sort: 'name', limit: PAGE, ...(cursor ? { cursor } : {}) }, { signal });
    repositories.push(...answer.repositories);
    cursor = answer.nextCursor;
    if (!cursor) return { repositories, truncated: false };
  }
  return { repositories, truncated: true };
}

/**
 * The repository report's model, whole from the engine (the same model its HTML report
 * renders), checked against the contract.
 */
export function loadReportModel(engine: EngineClient, key: string, signal?: AbortSignal): Promise<ReportModel> {
  return loadModel(engine, reportModelUri(key), reportModelSchema, 'report', signal);
}

/**
 * A model the engine serves as a JSON resource for a webview to render (the report's, the
 * portfolio's), checked against its contract schema.
 */
export async function loadModel<S extends z.ZodType>(engine: EngineClient, uri: string, schema: S, what: string, signal?: AbortSignal): Promise<z.output<S>> {
  const text = await engine.readText(uri, signal);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ToolError(
      `${what}-model`,
      'UNEXPECTED_ANSWER',
      `The engine's ${what} model came in a shape this extension does not understand; the extension and its engine may be from different versions.`,
      null,
    );
  }
  return parsed.data;
}

/** The contributors of one repository (top `limit`), for the dashboard's network. */
export function loadContributors(engine: EngineClient, key: string, limit: number, signal?: AbortSignal): Promise<ContributorsPage> {
  return engine.call(getContributorsContract, { repository: key, limit }, { signal });
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
      batch.map((r) => engine.call(getContributorsContract, { repository: r.key, match: needle.slice(0, 200), includeBots: true, limit: 5 }, { signal })),
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

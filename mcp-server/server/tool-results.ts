import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import { isRepoScoutError, type RepoScoutErrorCode } from '../../shared/errors';
import { toolErrorText, type Remedy, type ToolErrorPayload } from '../../shared/protocol/errors';
import { isDatabaseBusy } from '../../shared/store/busy';
import type { Logger } from './logger';

// What an agent can do about each engine error, said in terms of this server's tools.
const NEXT_STEP: Partial<Record<RepoScoutErrorCode, string>> = {
  GIT_NOT_FOUND: 'This needs the user: install git, or put it on the PATH of the RepoScout server.',
  DB_BUSY: 'Wait a few seconds and call the tool again.',
  DB_READ_ONLY: 'This needs the user: start RepoScout with a writable --db.',
  DB_CORRUPT: 'This needs the user: start RepoScout with another --db.',
  DB_TOO_NEW: 'This needs the user: upgrade RepoScout.',
  GITHUB_AUTH: 'This needs the user: give the RepoScout server a valid GitHub token in GITHUB_TOKEN or GH_TOKEN.',
  GITHUB_SCOPE: 'This needs the user: a GitHub token that can read these repositories.',
  GITHUB_RATE_LIMITED: 'Tell the user when it can continue; calling ingest_github again with the same target then resumes where it stopped.',
  GITHUB_UNREACHABLE: 'If it persists, this needs the user: the RepoScout server cannot reach GitHub.',
  REPOSITORY_NOT_FOUND: 'Call search with kinds ["repository"] or list_repositories to find the stored keys.',
  PERSON_NOT_FOUND: 'Pass the e-mail address of someone get_contributors or find_people_to_ask lists.',
  MEMORY_NOT_FOUND: 'Call list_memories or recall to find memory ids.',
  MODEL_UNAVAILABLE: "This needs the user: fix the model folder in REPOSCOUT_MODEL_DIR, or set REPOSCOUT_EMBEDDER=lexical in the RepoScout server's environment.",
  EMBEDDING_DIMENSION_MISMATCH: 'This needs the user: rebuild the vectors with "reposcout embed --rebuild".',
};

/**
 * A tool error result: `isError`, and the code, the engine's one-sentence message and a next
 * step as data in structuredContent (shared/protocol's toolErrorSchema) and as one paragraph
 * of text for models that read only content; never a stack trace.
 */
export function errorResult(error: unknown, tool: string, log: Logger): CallToolResult {
  if (isRepoScoutError(error)) {
    return errorAnswer({ code: error.code, message: cliToToolWording(error.message), next: toolNextStep(error.remedy) ?? NEXT_STEP[error.code] ?? null, remedy: error.remedy });
  }
  // Another process held the write lock past the busy timeout: waiting helps, so say so.
  if (isDatabaseBusy(error)) {
    log.warn(`${tool}: the database stayed locked by another connection past the busy timeout`);
    return errorAnswer({
      code: 'DB_BUSY',
      message: 'The database is locked by another process writing to it (another RepoScout command, server or VS Code); try again when it finishes.',
      next: NEXT_STEP.DB_BUSY ?? null,
    });
  }
  // Not an error the arguments can fix: keep the details in the server's log.
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log.error(`${tool} failed unexpectedly: ${detail}`);
  const summary = error instanceof Error ? error.message.split('\n')[0]?.slice(0, 300) : 'unknown error';
  return errorAnswer({
    code: 'INTERNAL',
    message: `${tool} failed inside RepoScout (${summary}).`,
    next: 'Changing the arguments will not help; tell the user, whose server log has the details.',
  });
}

/** What to call next, in this server's tool names, for an engine error's remedy. */
function toolNextStep(remedy: Remedy | null): string | null {
  if (remedy === null) return null;
  switch (remedy.do) {
    case 'research_local':
      return `Call analyze_local_repository with path "${remedy.path}" first.`;
    case 'research_owner':
      return `Call research_organization with owner "${remedy.owner.split('/')[0]}" first.`;
    case 'ingest':
      return `Call ingest_github with target "${remedy.target}" first (it researches too).`;
    case 'retry':
      return 'Call the tool again to finish.';
  }
}

export function errorAnswer(error: ToolErrorPayload): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: toolErrorText(error) }], structuredContent: { error } };
}

/** Engine messages advise CLI commands and flags; the agent talking to us has tools, and the server has environment variables. */
function cliToToolWording(message: string): string {
  return message
    // Search, recommendations and memory (before the general research wording below).
    .replace(/ Add it with "reposcout import <file>" or "reposcout research <path>" first\./g, ' It must be analysed (analyze_local_repository), ingested (ingest_github) or imported ("reposcout import") first.')
    .replace(/run "reposcout research <path of a clone>"/g, 'call analyze_local_repository with the path of a local clone')
    .replace(/Research a repository they committed to first \("reposcout research <path>"\)\./g, 'Analyse a repository they committed to first (analyze_local_repository), or ingest it (ingest_github).')
    .replace(/run "reposcout ingest ([^"\s]+)[^"]*" again to resume/g, 'call ingest_github with target "$1" again to resume (it continues where it stopped)')
    .replace(/run "reposcout ingest ([^"\s]+)[^"]*"/g, 'call ingest_github with target "$1"')
    .replace(/(?:set|pass it in) GITHUB_TOKEN or (?:pass )?--token-file/g, "set GITHUB_TOKEN or GH_TOKEN in the RepoScout server's environment")
    .replace(/--github-host/g, 'REPOSCOUT_GITHUB_HOST')
    .replace(/--window-months/g, 'windowMonths')
    .replace(/ ?\(see "reposcout memories"\)| List ids with "reposcout memories"\./g, '')
    .replace(/--(path|issues|since|until) "/g, '$1 "')
    .replace(/--issues must/g, 'issues must')
    .replace(/use --mode bm25 or hybrid/g, 'use mode "bm25" or "hybrid"');
}

/** The arguments did not match the tool's input schema: every wrong field, said once. */
export function invalidArguments(tool: string, error: z.ZodError): ToolErrorPayload {
  const problems = error.issues.slice(0, 5).map((issue) => `${issue.path.length ? issue.path.join('.') : 'arguments'}: ${issue.message}`);
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more)` : '';
  return {
    code: 'INVALID_INPUT',
    message: `Invalid arguments for ${tool}: ${problems.join('; ')}${more}.`,
    next: `Fix the arguments as the inputSchema of ${tool} in tools/list describes, then call it again.`,
  };
}

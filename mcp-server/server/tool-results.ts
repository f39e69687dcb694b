import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import { isRepoScoutError, type RepoScoutErrorCode } from '../../shared/errors';
import { toolErrorText, type InputName, type Remedy, type ToolErrorPayload } from '../../shared/protocol/errors';
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
  GITHUB_RATE_LIMITED: 'Tell the user when it can continue.',
  GITHUB_UNREACHABLE: 'If it persists, this needs the user: the RepoScout server cannot reach GitHub.',
  GITHUB_FAILED: 'If it persists, tell the user.',
  REPOSITORY_NOT_FOUND: 'Call search with kinds ["repository"] or list_repositories to find the stored keys.',
  PERSON_NOT_FOUND: 'Pass the e-mail address of someone get_contributors or find_people_to_ask lists.',
  MODEL_UNAVAILABLE: "This needs the user: fix the model folder in REPOSCOUT_MODEL_DIR, or set REPOSCOUT_EMBEDDER=lexical in the RepoScout server's environment.",
};

// Codes whose advice above is said before the remedy's step rather than replaced by it.
const ADVICE_BEFORE_REMEDY = new Set<RepoScoutErrorCode>(['GITHUB_RATE_LIMITED', 'GITHUB_UNREACHABLE', 'GITHUB_FAILED', 'REPOSITORY_NOT_FOUND', 'PERSON_NOT_FOUND']);

/**
 * A tool error result: `isError`, and the code, the engine's one-sentence message and a next
 * step as data in structuredContent (shared/protocol's toolErrorSchema) and as one paragraph
 * of text for models that read only content; never a stack trace.
 */
export function errorResult(error: unknown, tool: string, log: Logger, tools?: ReadonlySet<string>): CallToolResult {
  return errorAnswer(errorPayload(error, tool, log, tools));
}

/**
 * Any failure of a tool call or resource read (`what`) as the contract's error payload: an engine
 * error with its next step in this server's tools, a busy database, or INTERNAL (the details go
 * to the server's log, never to the caller).
 */
export function errorPayload(error: unknown, what: string, log: Logger, tools?: ReadonlySet<string>): ToolErrorPayload {
  if (isRepoScoutError(error)) {
    const step = toolNextStep(error.remedy, tools);
    const advice = NEXT_STEP[error.code];
    const next = step && advice && ADVICE_BEFORE_REMEDY.has(error.code) ? `${advice} ${step}` : (step ?? advice ?? null);
    return { code: error.code, message: error.message, next, remedy: error.remedy };
  }
  // Another process held the write lock past the busy timeout: waiting helps, so say so.
  if (isDatabaseBusy(error)) {
    log.warn(`${what}: the database stayed locked by another connection past the busy timeout`);
    return {
      code: 'DB_BUSY',
      message: 'The database is locked by another process writing to it (another RepoScout command, server or VS Code); try again when it finishes.',
      next: NEXT_STEP.DB_BUSY ?? null,
    };
  }
  // Not an error the arguments can fix: keep the details in the server's log.
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log.error(`${what} failed unexpectedly: ${detail}`);
  const summary = error instanceof Error ? error.message.split('\n')[0]?.slice(0, 300) : 'unknown error';
  return {
    code: 'INTERNAL',
    message: `${what} failed inside RepoScout (${summary}).`,
    next: 'Changing the arguments will not help; tell the user, whose server log has the details.',
  };
}

type Resume = Extract<Remedy, { do: 'ingest' | 'retry' }>;

// Each input as an agent or the user can change it here: a tool argument, or (for what the
// server was started with) a setting only the user can change.
const FIX_INPUT: Record<InputName, string> = {
  db: 'This needs the user: start the RepoScout server with another database (--db or REPOSCOUT_DB).',
  windowMonths: 'Pass another windowMonths.',
  path: 'Pass another path, relative to the repository root.',
  issues: 'Pass another issues.',
  searchMode: 'Pass mode "bm25" or "hybrid".',
  githubHost: "This needs the user: fix REPOSCOUT_GITHUB_HOST in the RepoScout server's environment.",
  tokenFile: 'This needs the user: fix the token file the RepoScout server was started with.',
  since: 'Pass another since.',
  until: 'Pass another until.',
  cursor: 'Call it again without cursor.',
  modelDir: "This needs the user: fix the model folder in REPOSCOUT_MODEL_DIR, or set REPOSCOUT_EMBEDDER=lexical in the RepoScout server's environment.",
  aliases: 'Pass the GitHub login as who or in as.',
  owner: 'Check owner.',
  repos: 'Check repos.',
  browser: "This needs the user: set CHROME_PATH in the RepoScout server's environment to a Chromium-family browser.",
};

/**
 * What to call next, in this server's tool names, arguments and settings, for an engine error's
 * remedy. `tools` are the tools this server offers (all when not given): a step that needs one it
 * does not offer (a read-only server) is the user's, on the command line.
 */
export function toolNextStep(remedy: Remedy | null, tools?: ReadonlySet<string>): string | null {
  if (remedy === null) return null;
  const offers = (tool: string) => !tools || tools.has(tool);
  const userStep = (command: string) => `This needs the user: ${command} (this server does not offer that).`;
  switch (remedy.do) {
    case 'research_local':
      if (!offers('analyze_local_repository')) return userStep(`research it with "reposcout research ${remedy.path ?? '<path of a clone>'}"`);
      return remedy.path === null ? 'Call analyze_local_repository with the path of a local clone first.' : `Call analyze_local_repository with path "${remedy.path}" first.`;
    case 'research_owner': {
      const owner = remedy.owner.split('/')[0] ?? remedy.owner;
      if (!offers('research_organization')) return userStep(`research it with "reposcout research ${owner}"`);
      return `Call research_organization with owner "${owner}" first.`;
    }
    case 'ingest':
      if (!offers('ingest_github')) return userStep(`research it with "reposcout research ${remedy.target}${remedy.host ? ` --github-host ${remedy.host}` : ''}"`);
      return `${capitalize(carryOn(remedy))}.`;
    case 'retry':
      return `${capitalize(carryOn(remedy))}.`;
    case 'add_repository': {
      const ways = [offers('analyze_local_repository') ? 'analyze_local_repository (a local clone)' : null, offers('ingest_github') ? 'ingest_github' : null].filter((w) => w !== null);
      if (ways.length === 0) return userStep('add it with "reposcout research <path of a clone or owner/name>" or "reposcout import <file>"');
      return `Add repositories with ${ways.join(' or ')}; exported records need the user to run "reposcout import <file>".`;
    }
    case 'github_token':
      return `This needs the user: give the RepoScout server a GitHub token that can read it, in GITHUB_TOKEN or GH_TOKEN${remedy.then ? `; then ${carryOn(remedy.then)}` : ''}.`;
    case 'fix_input':
      return FIX_INPUT[remedy.input];
    case 'list':
      return remedy.what === 'memories' ? 'Call list_memories or recall to find memory ids.' : 'Call list_jobs to find job ids.';
    case 'rebuild_vectors':
      return 'This needs the user: rebuild the vectors with "reposcout embed --rebuild".';
  }
}

function carryOn(remedy: Resume): string {
  if (remedy.do === 'retry') return 'call the tool again to finish';
  // The server's GitHub host is the user's setting, not an argument: a target on another host needs them.
  const host = remedy.host ? ` (on ${remedy.host}: the server needs REPOSCOUT_GITHUB_HOST=${remedy.host})` : '';
  return remedy.resume
    ? `call ingest_github with target "${remedy.target}" again to resume; it continues where it stopped${host}`
    : `call ingest_github with target "${remedy.target}" first (it researches too)${host}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function errorAnswer(error: ToolErrorPayload): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: toolErrorText(error) }], structuredContent: { error } };
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

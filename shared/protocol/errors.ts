import { z } from 'zod';

/**
 * Every error code RepoScout reports, as a closed list: the engine throws them
 * (shared/errors.ts), tool error results carry them in structuredContent, the CLI maps
 * them to exit codes and the extension switches on them. Add a code here, one line.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'PATH_NOT_FOUND',
  'NOT_A_GIT_REPOSITORY',
  'EMPTY_REPOSITORY',
  'GIT_NOT_FOUND',
  'GIT_FAILED',
  'DB_CORRUPT',
  'DB_TOO_NEW',
  'DB_READ_ONLY',
  'DB_BUSY',
  'NOT_RESEARCHED',
  'INTERRUPTED',
  'REPOSITORY_NOT_FOUND',
  'PERSON_NOT_FOUND',
  'MEMORY_NOT_FOUND',
  'MODEL_UNAVAILABLE',
  'EMBEDDING_DIMENSION_MISMATCH',
  'IMPORT_INVALID',
  'GITHUB_NOT_FOUND',
  'GITHUB_AUTH',
  'GITHUB_SCOPE',
  'GITHUB_RATE_LIMITED',
  'GITHUB_UNREACHABLE',
  'GITHUB_FAILED',
  'EXPORT_FAILED',
  'PROSE_FAILED',
  'PULL_REQUEST_NOT_FOUND',
  'JOB_NOT_FOUND',
  'JOB_STATE',
  // A job that waits for a person's decision (approval or an answer): not an end, not a failure.
  'JOB_WAITS',
  'WORKTREE_FAILED',
  // Only at the MCP edge: a failure inside RepoScout that no argument can fix.
  'INTERNAL',
] as const;

export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.output<typeof errorCodeSchema>;

/**
 * An input a person or agent gave, by a neutral name: the CLI says it as a flag, the MCP
 * server as a tool argument or a setting of the server, the extension as a setting or the
 * value typed into a prompt. Engine messages name the input in words ("the window"), never
 * in one front door's spelling.
 */
export const INPUT_NAMES = [
  'db',
  'windowMonths',
  'path',
  'issues',
  'searchMode',
  'githubHost',
  'tokenFile',
  'since',
  'until',
  'cursor',
  'modelDir',
  'aliases',
  'owner',
  'repos',
  'browser',
] as const;
export const inputNameSchema = z.enum(INPUT_NAMES);
export type InputName = z.output<typeof inputNameSchema>;

const ingestRemedy = z.object({
  do: z.literal('ingest'),
  target: z.string(),
  host: z.string().nullable(),
  // True when an earlier run of the same ingest stopped part-way: running it again continues.
  resume: z.boolean().optional(),
});
const retryRemedy = z.object({ do: z.literal('retry') });

/**
 * What would fix an error, as data: each front door words it for itself (the CLI names a
 * command or flag, the MCP server a tool, argument or environment variable, the extension a
 * command or setting of its own), so no front door rewrites another's sentence.
 */
export const remedySchema = z.discriminatedUnion('do', [
  // Research a local clone: its path, or null when the person has to pick one.
  z.object({ do: z.literal('research_local'), path: z.string().nullable() }),
  z.object({ do: z.literal('research_owner'), owner: z.string() }),
  ingestRemedy,
  retryRemedy,
  // Store repositories first (research a clone, ingest from GitHub or import records).
  z.object({ do: z.literal('add_repository') }),
  // Give RepoScout a GitHub token that can read what was asked for, then carry on (`then`).
  z.object({ do: z.literal('github_token'), then: z.discriminatedUnion('do', [ingestRemedy, retryRemedy]).nullable() }),
  // Give another value for one input.
  z.object({ do: z.literal('fix_input'), input: inputNameSchema }),
  // List what there is, to find the right id.
  z.object({ do: z.literal('list'), what: z.enum(['memories', 'jobs']) }),
  // Re-embed everything with the configured embedder.
  z.object({ do: z.literal('rebuild_vectors') }),
]);
export type Remedy = z.output<typeof remedySchema>;

/**
 * The `structuredContent` of every tool error result (`isError: true`). The text content
 * says the same in one paragraph: "CODE: message next".
 */
export const toolErrorSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    // What to do about it, in terms of this server's tools (null when the message says it).
    next: z.string().nullable(),
    remedy: remedySchema.nullable().optional(),
  }),
});
export type ToolErrorPayload = z.output<typeof toolErrorSchema>['error'];

/**
 * The JSON-RPC error `data` of a failed resource read (resources/read): the URI, as the MCP
 * specification's example has it, and the same payload a tool error's structuredContent
 * carries. The error's `message` is that payload's one paragraph of text.
 */
export const resourceErrorDataSchema = toolErrorSchema.extend({ uri: z.string() });
export type ResourceErrorData = z.output<typeof resourceErrorDataSchema>;

/** The one-paragraph text of an error result, for models that read only `content`. */
export function toolErrorText(error: ToolErrorPayload): string {
  return `${error.code}: ${error.message}${error.next ? ` ${error.next}` : ''}`;
}

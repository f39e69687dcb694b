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
  'WORKTREE_FAILED',
  // Only at the MCP edge: a failure inside RepoScout that no argument can fix.
  'INTERNAL',
] as const;

export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.output<typeof errorCodeSchema>;

/**
 * What would fix an error, as data: each front door words it for itself (the CLI names a
 * command, the MCP server a tool, the extension a command of its own), so no front door
 * rewrites another's sentence.
 */
export const remedySchema = z.discriminatedUnion('do', [
  z.object({ do: z.literal('research_local'), path: z.string() }),
  z.object({ do: z.literal('research_owner'), owner: z.string() }),
  z.object({ do: z.literal('ingest'), target: z.string(), host: z.string().nullable() }),
  z.object({ do: z.literal('retry') }),
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

/** The one-paragraph text of an error result, for models that read only `content`. */
export function toolErrorText(error: ToolErrorPayload): string {
  return `${error.code}: ${error.message}${error.next ? ` ${error.next}` : ''}`;
}

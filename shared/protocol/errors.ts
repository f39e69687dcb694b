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
 * The `structuredContent` of every tool error result (`isError: true`). The text content
 * says the same in one paragraph: "CODE: message next".
 */
export const toolErrorSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    // What to do about it, in terms of this server's tools (null when the message says it).
    next: z.string().nullable(),
  }),
});
export type ToolErrorPayload = z.output<typeof toolErrorSchema>['error'];

/** The one-paragraph text of an error result, for models that read only `content`. */
export function toolErrorText(error: ToolErrorPayload): string {
  return `${error.code}: ${error.message}${error.next ? ` ${error.next}` : ''}`;
}

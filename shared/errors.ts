/**
 * The one error type the engine throws on purpose. `code` is stable and is what
 * callers and tests switch on; `message` is one sentence that names the wrong
 * value and what to do about it.
 */
export type RepoScoutErrorCode =
  | 'INVALID_INPUT'
  | 'PATH_NOT_FOUND'
  | 'NOT_A_GIT_REPOSITORY'
  | 'EMPTY_REPOSITORY'
  | 'GIT_NOT_FOUND'
  | 'GIT_FAILED'
  | 'DB_CORRUPT'
  | 'DB_TOO_NEW'
  | 'DB_READ_ONLY'
  | 'DB_BUSY'
  | 'NOT_RESEARCHED'
  | 'INTERRUPTED'
  | 'REPOSITORY_NOT_FOUND'
  | 'PERSON_NOT_FOUND'
  | 'MEMORY_NOT_FOUND'
  | 'MODEL_UNAVAILABLE'
  | 'EMBEDDING_DIMENSION_MISMATCH'
  | 'IMPORT_INVALID'
  | 'GITHUB_NOT_FOUND'
  | 'GITHUB_AUTH'
  | 'GITHUB_SCOPE'
  | 'GITHUB_RATE_LIMITED'
  | 'GITHUB_UNREACHABLE'
  | 'GITHUB_FAILED'
  | 'EXPORT_FAILED'
  | 'PROSE_FAILED'
  | 'PULL_REQUEST_NOT_FOUND'
  | 'JOB_NOT_FOUND'
  | 'JOB_STATE'
  | 'WORKTREE_FAILED';

export class RepoScoutError extends Error {
  override readonly name = 'RepoScoutError';
  constructor(
    readonly code: RepoScoutErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isRepoScoutError(error: unknown, code?: RepoScoutErrorCode): error is RepoScoutError {
  return error instanceof RepoScoutError && (code === undefined || error.code === code);
}

/** Throws INTERRUPTED if the signal was aborted; call between units of long work. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new RepoScoutError('INTERRUPTED', 'The run was cancelled; the database keeps its previous state. Run the command again to finish.');
  }
}

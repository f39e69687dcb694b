import type { ErrorCode, Remedy } from './protocol/errors';

/**
 * The one error type the engine throws on purpose. `code` is stable and is what
 * callers and tests switch on; `message` is one sentence that names the wrong
 * value and what to do about it. The codes are a closed list in shared/protocol/errors.ts.
 */
export type RepoScoutErrorCode = ErrorCode;

export class RepoScoutError extends Error {
  override readonly name = 'RepoScoutError';
  /** What would fix it, as data; the front door says it in its own words. */
  readonly remedy: Remedy | null;
  constructor(
    readonly code: RepoScoutErrorCode,
    message: string,
    options?: { cause?: unknown; remedy?: Remedy },
  ) {
    super(message, options);
    this.remedy = options?.remedy ?? null;
  }
}

export function isRepoScoutError(error: unknown, code?: RepoScoutErrorCode): error is RepoScoutError {
  return error instanceof RepoScoutError && (code === undefined || error.code === code);
}

/** Throws INTERRUPTED if the signal was aborted; call between units of long work. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new RepoScoutError('INTERRUPTED', 'The run was cancelled; the database keeps its previous state.', { remedy: { do: 'retry' } });
  }
}

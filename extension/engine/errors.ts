import { resourceErrorDataSchema, type ErrorCode, type Remedy } from '../../shared/protocol';

/**
 * The engine answered a tool call with an error result, or refused a resource read (bad input,
 * not a git repository, nothing stored, …): its code from the closed list in shared/protocol, or
 * TOOL_ERROR when the MCP layer refused the call itself, or UNEXPECTED_ANSWER when the answer did
 * not match the contract.
 */
export class ToolError extends Error {
  constructor(
    /** The tool called, or the URI of the resource read. */
    readonly tool: string,
    readonly code: ErrorCode | 'TOOL_ERROR' | 'UNEXPECTED_ANSWER',
    message: string,
    /** What to do about it, as the engine words it for a caller of its tools; null when none. */
    readonly next: string | null,
    /** What would fix it, as data, for this extension to say in its own words. */
    readonly remedy: Remedy | null = null,
  ) {
    super(message);
    this.name = 'ToolError';
  }
}

/** The user cancelled; not a failure to report. */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'CancelledError';
  }
}

export function isCancelled(error: unknown): boolean {
  return error instanceof CancelledError || (error instanceof Error && error.name === 'AbortError');
}

/**
 * A failed resource read as a ToolError, from the JSON-RPC error's `data` (shared/protocol's
 * resourceErrorDataSchema: code, message, next step, remedy); null when the failure carries no
 * such data (the SDK's own errors: a timeout, a closed connection, an unknown URI).
 */
export function resourceReadError(uri: string, error: unknown): ToolError | null {
  const data = resourceErrorDataSchema.safeParse(typeof error === 'object' && error !== null ? (error as { data?: unknown }).data : undefined);
  if (!data.success) return null;
  const { code, message, next, remedy } = data.data.error;
  return new ToolError(uri, code, message, next, remedy ?? null);
}

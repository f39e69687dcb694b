import type { ErrorCode, Remedy } from '../../shared/protocol';

/**
 * The engine answered a tool call with an error result (bad input, not a git repository, …):
 * its code from the closed list in shared/protocol, or TOOL_ERROR when the MCP layer refused
 * the call itself, or UNEXPECTED_ANSWER when the answer did not match the contract.
 */
export class ToolError extends Error {
  constructor(
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

/** The engine answered a tool call with an error result (bad input, not a git repository, …). */
export class ToolError extends Error {
  constructor(
    readonly tool: string,
    /** The engine's error code ("NOT_A_GIT_REPOSITORY", "INVALID_INPUT", …) or "TOOL_ERROR". */
    readonly code: string,
    message: string,
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

/** Splits an engine error text "CODE: sentence. Next step." into its code and message. */
export function parseToolErrorText(text: string): { code: string; message: string } {
  const m = /^([A-Z][A-Z0-9_]+): ([\s\S]*)$/.exec(text.trim());
  if (m) return { code: m[1] ?? 'TOOL_ERROR', message: (m[2] ?? '').trim() };
  // The SDK's own argument validation says "MCP error -32602: Input validation error: …".
  return { code: 'TOOL_ERROR', message: text.trim().replace(/^MCP error -?\d+: /, '') };
}

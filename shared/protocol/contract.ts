import type { z } from 'zod';
import type { ToolsetId } from './toolsets';

/** All four MCP behaviour hints, always stated: clients assume the worst for a missing one. */
export interface ToolHints {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

/**
 * What a tool is, for everyone who speaks to it: its name, toolset, what agents read about
 * it, and its input and output schemas. The MCP server adds a handler (mcp-server/server/
 * tools/); the extension calls it by this value and parses answers with `output`.
 */
export interface ToolContract<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> {
  name: string;
  toolset: ToolsetId;
  title: string;
  description: string;
  input: I;
  output: O;
  hints: ToolHints;
}

/** Identity function that keeps a contract's schema types precise. */
export function defineContract<I extends z.ZodObject, O extends z.ZodObject>(contract: ToolContract<I, O>): ToolContract<I, O> {
  return contract;
}

/** The arguments a caller passes (defaults optional) and the answer it gets back. */
export type ToolArgs<C extends ToolContract> = z.input<C['input']>;
export type ToolResult<C extends ToolContract> = z.output<C['output']>;

export const READ_ONLY: ToolHints = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };

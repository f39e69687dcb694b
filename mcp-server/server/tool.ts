import type { z } from 'zod';
import type { ToolContract } from '../../shared/protocol/contract';
import type { Progress } from '../../shared/research/ingest-local';
import type { Catalog } from './catalog';
import type { GitHubAccess } from './github-access';
import type { Logger } from './logger';
import type { Orchestration } from './orchestration';

/** What a tool handler receives besides its validated arguments. */
export interface ToolContext {
  catalog: Catalog;
  /** The GitHub host the stored data belongs to, and clients for the tools that call GitHub. */
  github: GitHubAccess;
  log: Logger;
  /** Aborted when the client cancels the call or the server shuts down. */
  signal: AbortSignal;
  /** Forwards progress to the client when it asked for it (a progressToken); a no-op otherwise. */
  progress: (progress: Progress) => void;
  /** Names of the tools this server offers, so answers only point at tools that exist. */
  enabledTools: ReadonlySet<string>;
  /** The orchestration engine (orchestrate toolset), made on first use. */
  orchestration: Orchestration;
  /** The name the client gave at initialize (clientInfo.name), if it has initialized. */
  clientName: string | undefined;
}

/** A tool's answer: typed data for `structuredContent` and a short rendering for `content`. */
export interface ToolAnswer<T> {
  structured: T;
  text: string;
}

/**
 * One MCP tool as a value: its contract (shared/protocol: what agents see, what callers
 * parse) and its handler. Tools are listed in tools/index.ts; read-only mode and toolset
 * selection are derived from here.
 */
export interface ToolDefinition<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> extends ToolContract<I, O> {
  run(args: z.output<I>, context: ToolContext): Promise<ToolAnswer<z.output<O>>> | ToolAnswer<z.output<O>>;
}

/** Identity function that lets TypeScript infer a tool's argument and result types. */
export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(tool: ToolDefinition<I, O>): ToolDefinition<I, O> {
  return tool;
}

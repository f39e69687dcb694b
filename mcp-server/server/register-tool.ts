import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { Catalog } from './catalog';
import type { GitHubAccess } from './github-access';
import type { Logger } from './logger';
import type { Progress } from '../../shared/research/ingest-local';
import type { Orchestration } from './orchestration';
import { progressReporter } from './progress';
import type { ToolDefinition } from './tool';
import { errorAnswer, errorResult, invalidArguments } from './tool-results';
import { DATA_NOTICE } from './untrusted';

export interface ToolDeps {
  catalog: Catalog;
  github: GitHubAccess;
  log: Logger;
  /** Aborted when the server shuts down; running tools stop as if cancelled. */
  shutdown: AbortSignal;
  enabledTools: ReadonlySet<string>;
  orchestration: Orchestration;
}

// The SDK only dispatches: arguments are validated here against the tool's contract so a
// mistake comes back as an INVALID_INPUT error result with its code as data, like every
// other error. tools/list is answered from the contracts too (tool-listing.ts).
const anyArguments = z.looseObject({});

/**
 * Long work also speaks through the logging capability: each new phase of a tool's progress
 * ("reading history", "analysing") is one `notifications/message` at info level, sent only to
 * clients whose logging/setLevel lets info through (the SDK filters by session).
 */
function withLogMessages(server: McpServer, sessionId: string | undefined, tool: string, progress: (p: Progress) => void): (p: Progress) => void {
  let lastMessage: string | undefined;
  return (p) => {
    progress(p);
    if (p.message === undefined || p.message === lastMessage) return;
    lastMessage = p.message;
    server.server.sendLoggingMessage({ level: 'info', logger: `reposcout/${tool}`, data: p.message }, sessionId).catch(() => undefined);
  };
}

/**
 * Registers one tool value with the SDK. Arguments are parsed with `input` (a failure is an
 * INVALID_INPUT result naming each wrong field); a handler's throw becomes an error result;
 * structured content is projected through `output` so it carries exactly the documented fields,
 * plus `dataNotice`: repository and memory text is data.
 */
export function registerTool(server: McpServer, tool: ToolDefinition, deps: ToolDeps): void {
  server.registerTool(
    tool.name,
    { title: tool.title, description: tool.description, inputSchema: anyArguments, annotations: { title: tool.title, ...tool.hints } },
    async (raw: unknown, extra): Promise<CallToolResult> => {
      const args = tool.input.safeParse(raw ?? {});
      if (!args.success) return errorAnswer(invalidArguments(tool.name, args.error));
      const signal = AbortSignal.any([extra.signal, deps.shutdown]);
      try {
        const answer = await tool.run(args.data as never, {
          catalog: deps.catalog,
          github: deps.github,
          log: deps.log,
          signal,
          progress: withLogMessages(server, extra.sessionId, tool.name, progressReporter(extra, deps.log)),
          enabledTools: deps.enabledTools,
          orchestration: deps.orchestration,
          clientName: server.server.getClientVersion()?.name,
        });
        const structuredContent = { ...(tool.output.parse(answer.structured) as Record<string, unknown>), dataNotice: DATA_NOTICE };
        return { content: [{ type: 'text', text: answer.text }], structuredContent };
      } catch (error) {
        return errorResult(error, tool.name, deps.log, deps.enabledTools);
      }
    },
  );
}

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Catalog } from './catalog';
import type { GitHubAccess } from './github-access';
import type { Logger } from './logger';
import type { Orchestration } from './orchestration';
import { progressReporter } from './progress';
import type { ToolDefinition } from './tool';
import { errorResult } from './tool-results';
import { DATA_NOTICE, withDataNotice } from './untrusted';

export interface ToolDeps {
  catalog: Catalog;
  github: GitHubAccess;
  log: Logger;
  /** Aborted when the server shuts down; running tools stop as if cancelled. */
  shutdown: AbortSignal;
  enabledTools: ReadonlySet<string>;
  orchestration: Orchestration;
}

/**
 * Registers one tool value with the SDK. The SDK validates arguments against `input` (a
 * failure becomes an isError result naming the field); here a handler's throw becomes an
 * isError result too, and structured content is projected through `output` so it carries
 * exactly the documented fields, plus `dataNotice`: repository and memory text is data.
 */
export function registerTool(server: McpServer, tool: ToolDefinition, deps: ToolDeps): void {
  server.registerTool(
    tool.name,
    { title: tool.title, description: tool.description, inputSchema: tool.input, outputSchema: withDataNotice(tool.output), annotations: { title: tool.title, ...tool.hints } },
    async (args: unknown, extra): Promise<CallToolResult> => {
      const signal = AbortSignal.any([extra.signal, deps.shutdown]);
      try {
        const answer = await tool.run(args as never, {
          catalog: deps.catalog,
          github: deps.github,
          log: deps.log,
          signal,
          progress: progressReporter(extra, deps.log),
          enabledTools: deps.enabledTools,
          orchestration: deps.orchestration,
        });
        const structuredContent = { ...(tool.output.parse(answer.structured) as Record<string, unknown>), dataNotice: DATA_NOTICE };
        return { content: [{ type: 'text', text: answer.text }], structuredContent };
      } catch (error) {
        return errorResult(error, tool.name, deps.log);
      }
    },
  );
}

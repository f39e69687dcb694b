import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Store } from '../../shared/store/open';
import { createServer } from './create-server';
import type { GitHubAccess } from './github-access';
import type { Logger } from './logger';
import type { EmbedderSetting } from './search-index';
import type { ToolsetId } from './toolsets';

export interface StdioOptions {
  store: Store;
  log: Logger;
  toolsets: readonly ToolsetId[];
  readOnly: boolean;
  /** Aborted on SIGINT/SIGTERM. */
  shutdown: AbortSignal;
  /** How to reach GitHub (default: the environment). */
  github?: GitHubAccess;
  /** The embedder of search and memory (default: the environment). */
  embedder?: EmbedderSetting;
}

/**
 * Serves MCP over this process's stdin/stdout until the client closes stdin or the process
 * is asked to stop. stdout carries only protocol messages; diagnostics go to `log` (stderr).
 */
export async function serveStdio(options: StdioOptions): Promise<void> {
  const { store, log, shutdown } = options;
  const { server, afterConnect, cleanup, tools } = createServer({ store, log, toolsets: options.toolsets, readOnly: options.readOnly, shutdown, github: options.github, embedder: options.embedder });
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = resolve;
  });
  // A line that is not JSON-RPC is dropped by the SDK; say so on stderr and keep serving.
  // (connect() chains the SDK's own handler after this one.)
  transport.onerror = (error) => {
    const badLine = error instanceof SyntaxError || error.name === 'ZodError';
    log.warn(badLine ? 'ignored a message that is not valid JSON-RPC' : `stdio: ${error.message.split('\n')[0] ?? ''}`);
  };
  await server.connect(transport);
  afterConnect();
  log.info(`serving ${tools.length} tools over stdio${options.readOnly ? ' (read-only)' : ''}; database ${store.path}`);
  const stop = () => {
    cleanup().catch((error: unknown) => log.error(`closing the server failed: ${String(error)}`));
  };
  process.stdin.once('end', stop);
  if (shutdown.aborted) stop();
  else shutdown.addEventListener('abort', stop, { once: true });
  await closed;
  process.stdin.off('end', stop);
  shutdown.removeEventListener('abort', stop);
}

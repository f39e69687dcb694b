import type { Command } from 'commander';
import { z } from 'zod';
import { RepoScoutError } from '../../shared/errors';
import { resolveDbPath } from '../../shared/paths';
import { openStore } from '../../shared/store/open';
import { startHttpServer } from '../server/http';
import { stderrLogger } from '../server/logger';
import { serveStdio } from '../server/stdio';
import { renderToolTable } from '../server/tool-table';
import { TOKEN_ENV, resolveToken, writeGeneratedToken } from '../server/token';
import { parseToolsets, toolsetIds } from '../server/toolsets';
import type { CommandContext } from './context';
import { globalOptionsSchema, parseOptions } from './options';

export const DEFAULT_MCP_PORT = 7391;
const LOOPBACK_BIND = ['127.0.0.1', 'localhost', '::1'];

const mcpOptionsSchema = globalOptionsSchema.pick({ db: true }).extend({
  http: z.boolean().default(false),
  port: z.coerce
    .number({ message: '--port must be a number' })
    .int('--port must be a whole number')
    .min(0, '--port must be 0 (any free port) to 65535')
    .max(65535, '--port must be 0 (any free port) to 65535')
    .optional(),
  host: z
    .string()
    .transform((h) => h.replace(/^\[(.*)\]$/, '$1'))
    .refine((h) => LOOPBACK_BIND.includes(h), '--host must be a loopback address (127.0.0.1, ::1 or localhost): the HTTP server is for this machine only')
    .optional(),
  tokenFile: z.string().min(1, '--token-file needs a file path').optional(),
  toolsets: z.string().optional(),
  readOnly: z.boolean().default(false),
  printToolTable: z.boolean().default(false),
});

export function registerMcpCommand(program: Command, context: CommandContext): void {
  program
    .command('mcp')
    .description('Serve RepoScout to AI agents over the Model Context Protocol: stdio by default (stdout carries only protocol messages), Streamable HTTP with --http.')
    .option('--http', 'serve Streamable HTTP on a loopback address instead of stdio')
    .option('--port <n>', `HTTP port (default ${DEFAULT_MCP_PORT}; 0 picks a free one)`)
    .option('--host <address>', 'loopback address to bind for --http (default 127.0.0.1)')
    .option('--token-file <file>', `file holding the bearer token HTTP clients must send (default: $${TOKEN_ENV}, else one is generated and written to an owner-only file in the data folder, whose path is printed)`)
    .option('--toolsets <list>', `comma-separated toolsets to serve: ${toolsetIds.join(', ')}, "all" or "default"`)
    .option('--read-only', 'serve only tools that do not write or execute (overrides --toolsets)')
    .option('--print-tool-table', 'print the Markdown tool table for the README, generated from the tool definitions, and exit')
    .action(async (raw: Record<string, unknown>) => {
      const options = parseOptions(mcpOptionsSchema, { ...program.opts(), ...raw });
      if (options.printToolTable) {
        process.stdout.write(renderToolTable());
        return;
      }
      if (!options.http) {
        const stray = (['port', 'host', 'tokenFile'] as const).filter((k) => options[k] !== undefined);
        if (stray.length > 0) throw new RepoScoutError('INVALID_INPUT', `--${stray.map(kebab).join(', --')} ${stray.length === 1 ? 'applies' : 'apply'} only with --http; add --http or drop ${stray.length === 1 ? 'it' : 'them'}.`);
      }
      const toolsets = parseToolsets(options.toolsets);
      // Resolve the token before opening anything, so a bad token file fails fast.
      const token = options.http ? resolveToken(options.tokenFile) : null;
      const log = stderrLogger();
      const store = openStore(resolveDbPath(options.db));
      try {
        if (!token) {
          await serveStdio({ store, log, toolsets, readOnly: options.readOnly, shutdown: context.signal });
          return;
        }
        const running = await startHttpServer({
          store,
          log,
          toolsets,
          readOnly: options.readOnly,
          host: options.host ?? '127.0.0.1',
          port: options.port ?? DEFAULT_MCP_PORT,
          token: token.token,
          shutdown: context.signal,
        }).catch((error: unknown) => {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EADDRINUSE') throw new RepoScoutError('INVALID_INPUT', `Port ${options.port ?? DEFAULT_MCP_PORT} is in use; pass another with --port (0 picks a free one).`);
          throw error;
        });
        log.info(`serving ${running.tools.length} tools over Streamable HTTP at ${running.url}${options.readOnly ? ' (read-only)' : ''}; database ${store.path}`);
        let written: ReturnType<typeof writeGeneratedToken> | null = null;
        if (token.source === 'generated') {
          written = writeGeneratedToken(token.token, Number(new URL(running.url).port));
          log.info(`bearer token for this run written to ${written.file} (readable by you only; set ${TOKEN_ENV} or --token-file to choose your own)`);
        } else {
          log.info(`bearer token from ${token.source === 'env' ? TOKEN_ENV : options.tokenFile}`);
        }
        await new Promise<void>((resolve) => {
          if (context.signal.aborted) resolve();
          else context.signal.addEventListener('abort', () => resolve(), { once: true });
        });
        log.info('shutting down');
        written?.remove();
        await running.close();
      } finally {
        store.close();
      }
    });
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

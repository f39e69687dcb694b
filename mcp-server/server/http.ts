import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { Store } from '../../shared/store/open';
import { createCatalog } from './catalog';
import { createServer, selectTools } from './create-server';
import type { EmbedderSetting } from './search-index';
import type { GitHubAccess } from './github-access';
import { bearerMatches, hostProblem, originProblem } from './http-guard';
import type { Logger } from './logger';
import { lazyOrchestration } from './orchestration';
import type { ToolsetId } from './toolsets';

export const MCP_PATH = '/mcp';
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface HttpOptions {
  store: Store;
  log: Logger;
  toolsets: readonly ToolsetId[];
  readOnly: boolean;
  host: string;
  /** 0 picks a free port. */
  port: number;
  token: string;
  shutdown?: AbortSignal;
  /** How to reach GitHub (default: the environment). */
  github?: GitHubAccess;
  /** The embedder of search and memory, shared by every session (default: the environment). */
  embedder?: EmbedderSetting;
  /** Sessions idle this long are closed (default 30 minutes). */
  idleMs?: number;
  maxSessions?: number;
}

export interface RunningHttpServer {
  url: string;
  /** Names of the tools each session offers. */
  tools: string[];
  port: number;
  sessionCount(): number;
  close(): Promise<void>;
}

interface Session {
  transport: StreamableHTTPServerTransport;
  cleanup: () => Promise<void>;
  lastSeen: number;
}

/**
 * Serves MCP over Streamable HTTP with sessions (one McpServer per session, one catalog for
 * all). Every request passes, in order: the Host check and the Origin check (DNS rebinding),
 * the path, and the bearer token. Refusals are JSON-RPC-shaped JSON bodies with a sentence.
 */
export async function startHttpServer(options: HttpOptions): Promise<RunningHttpServer> {
  const { log } = options;
  const catalog = createCatalog(options.store, { embedder: options.embedder });
  // Jobs outlive the session that started them: one engine for the whole server.
  const orchestration = lazyOrchestration(options.store, log, {}, { recover: !options.readOnly });
  const sessions = new Map<string, Session>();
  const idleMs = options.idleMs ?? 30 * 60_000;
  const maxSessions = options.maxSessions ?? 100;
  let port = options.port;

  async function openSession(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
    if (sessions.size >= maxSessions) {
      return refuse(res, 503, `Too many open sessions (${maxSessions}); close one (HTTP DELETE with its Mcp-Session-Id) or wait for idle ones to expire.`);
    }
    const { server, cleanup } = createServer({
      store: options.store,
      log,
      toolsets: options.toolsets,
      readOnly: options.readOnly,
      catalog,
      orchestration,
      shutdown: options.shutdown,
      ...(options.github ? { github: options.github } : {}),
    });
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        sessions.set(id, { transport, cleanup, lastSeen: Date.now() });
        log.info(`session ${id} opened (${sessions.size} open)`);
      },
      onsessionclosed: (id) => {
        sessions.delete(id);
        log.info(`session ${id} closed by the client`);
      },
    });
    transport.onclose = () => {
      if (transport.sessionId !== undefined) sessions.delete(transport.sessionId);
    };
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
    // An initialize that failed never got a session: release its server.
    if (transport.sessionId === undefined || !sessions.has(transport.sessionId)) await cleanup();
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const problem = hostProblem(req.headers.host, port) ?? originProblem(req.headers.origin);
    if (problem) return refuse(res, 403, problem);
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== MCP_PATH) return refuse(res, 404, `Nothing at ${url.pathname.slice(0, 100)}; RepoScout serves MCP at ${MCP_PATH}.`);
    if (!bearerMatches(req.headers.authorization, options.token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="reposcout"');
      const missing = req.headers.authorization === undefined;
      return refuse(
        res,
        401,
        `${missing ? 'Missing' : 'Wrong'} bearer token: send "Authorization: Bearer <token>" with the token from REPOSCOUT_MCP_TOKEN, the --token-file, or the token file the server named at startup.`,
      );
    }
    const sessionId = req.headers['mcp-session-id'];
    if (typeof sessionId === 'string') {
      const session = sessions.get(sessionId);
      if (!session) {
        return refuse(res, 404, 'Session not found: it was closed, expired after being idle, or the server restarted. Start a new session with an initialize request without Mcp-Session-Id.');
      }
      session.lastSeen = Date.now();
      return session.transport.handleRequest(req, res);
    }
    if (req.method !== 'POST') {
      return refuse(res, 400, `${req.method ?? 'This'} request needs an Mcp-Session-Id header; start a session with a POST initialize request first.`);
    }
    const body = await readJson(req, res);
    if (body === undefined) return;
    const first = Array.isArray(body) ? body[0] : body;
    if (!isInitializeRequest(first)) {
      return refuse(res, 400, 'No session: send an initialize request first, then pass the Mcp-Session-Id header it returns on every request.');
    }
    return openSession(req, res, body);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error(`HTTP request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) refuse(res, 500, 'RepoScout failed to handle the request; the server log has details.');
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  // Listening: settle jobs a RepoScout that died left running, in the background.
  if (!options.readOnly && selectTools(options.toolsets).some((t) => t.toolset === 'orchestrate')) orchestration.start();

  const sweeper = setInterval(() => {
    const now = Date.now();
    for (const [id, session] of sessions) {
      if (now - session.lastSeen < idleMs) continue;
      sessions.delete(id);
      log.info(`session ${id} closed after ${Math.round(idleMs / 60_000)} idle minutes`);
      session.cleanup().catch(() => undefined);
    }
  }, Math.min(idleMs, 60_000));
  sweeper.unref();

  const displayHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${displayHost}:${port}${MCP_PATH}`;
  return {
    url,
    port,
    tools: selectTools(options.toolsets, options.readOnly).map((t) => t.name),
    sessionCount: () => sessions.size,
    async close() {
      clearInterval(sweeper);
      const closing = [...sessions.values()].map((s) => s.cleanup().catch(() => undefined));
      sessions.clear();
      await Promise.all(closing);
      await orchestration.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** Reads a JSON body up to MAX_BODY_BYTES; on failure answers the request and returns undefined. */
async function readJson(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      refuse(res, 413, `Request body over ${MAX_BODY_BYTES} bytes.`);
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    refuse(res, 400, 'The request body is not valid JSON; send one JSON-RPC message (or a batch) as application/json.', -32700);
    return undefined;
  }
}

/** A JSON-RPC-shaped error body, which MCP clients show as the failure reason. */
function refuse(res: ServerResponse, status: number, message: string, code = -32000): void {
  const body = JSON.stringify({ jsonrpc: '2.0', error: { code, message, data: { status } }, id: null });
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(body);
}

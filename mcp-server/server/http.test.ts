import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Progress } from '@modelcontextprotocol/sdk/types.js';
import { CLI } from '../../test/helpers/cli';
import { startHttpServer, type RunningHttpServer } from './http';
import { silentLogger } from './logger';
import { bigRepo, researchedFixture, type Fixture } from './test-support';
import { selectTools } from './create-server';

// Derived from the tool definitions, so adding a tool does not break these transport tests.
const DEFAULT_TOOLS = selectTools().length;
// The in-process server below serves only the research toolset.
const RESEARCH_TOOLS = selectTools(['research']).length;

const TOKEN = 'test-token-0123456789abcdef';
let fx: Fixture;
let running: RunningHttpServer;

beforeAll(async () => {
  fx = await researchedFixture();
  running = await startHttpServer({ store: fx.store, log: silentLogger, toolsets: ['research'], readOnly: false, host: '127.0.0.1', port: 0, token: TOKEN });
});
afterAll(async () => {
  await running.close();
  fx.cleanup();
});

async function connect(url = running.url, token = TOKEN): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> {
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } });
  const client = new Client({ name: 'http-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, transport };
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One raw HTTP request, so tests can send any Host, Origin or session header. */
function request(options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: running.port, method: options.method ?? 'POST', path: options.path ?? '/mcp', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const initBody = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
const jsonHeaders = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };
const auth = { Authorization: `Bearer ${TOKEN}` };
const errorOf = (r: RawResponse) => (JSON.parse(r.body) as { error: { message: string } }).error.message;

describe('reposcout mcp over Streamable HTTP: the happy path', () => {
  it('binds 127.0.0.1 and serves tools to the SDK client', async () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const { client } = await connect();
    try {
      expect((await client.listTools()).tools).toHaveLength(RESEARCH_TOOLS);
      const result = await client.callTool({ name: 'get_contributors', arguments: { repository: fx.key } });
      expect(result.isError).toBeFalsy();
      expect((result.structuredContent as { humans: number }).humans).toBe(3);
    } finally {
      await client.close();
    }
  });

  it('streams progress notifications for a long analysis', async () => {
    const repo = bigRepo(4_200);
    const { client } = await connect();
    try {
      const updates: Progress[] = [];
      const result = await client.callTool({ name: 'analyze_local_repository', arguments: { path: repo.dir } }, undefined, { onprogress: (p) => updates.push(p) });
      expect(result.isError).toBeFalsy();
      expect(updates.length).toBeGreaterThanOrEqual(2);
    } finally {
      await client.close();
      repo.remove();
    }
  });

  it('accepts a browser request from a localhost page', async () => {
    const r = await request({ headers: { ...jsonHeaders, ...auth, Origin: 'http://localhost:5173' }, body: initBody });
    expect(r.status).toBe(200);
    expect(r.headers['mcp-session-id']).toBeTruthy();
  });
});

describe('reposcout mcp over Streamable HTTP: refusals', () => {
  it('refuses a wrong token at connect with a clear error', async () => {
    await expect(connect(running.url, 'wrong-token-0123456789')).rejects.toThrow(/Wrong bearer token.*"status":401/s);
  });

  it.each([
    ['no token', {}, /Missing bearer token/],
    ['a wrong token', { Authorization: 'Bearer nope' }, /Wrong bearer token/],
    ['another scheme', { Authorization: `Basic ${TOKEN}` }, /Wrong bearer token/],
  ])('answers %s with 401, WWW-Authenticate and a JSON error', async (_label, headers, message) => {
    const r = await request({ headers: { ...jsonHeaders, ...headers }, body: initBody });
    expect(r.status).toBe(401);
    expect(r.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(r.headers['content-type']).toBe('application/json');
    expect(errorOf(r)).toMatch(message);
  });

  it.each([
    ['another site', 'http://evil.example'],
    ['a look-alike', 'http://localhost.evil.example'],
    ['a null origin', 'null'],
    ['a file page', 'file:///tmp/x.html'],
  ])('refuses an Origin from %s with 403, even with the right token', async (_label, origin) => {
    const r = await request({ headers: { ...jsonHeaders, ...auth, Origin: origin }, body: initBody });
    expect(r.status).toBe(403);
    expect(errorOf(r)).toMatch(/^Origin .* is not allowed/);
  });

  it.each([
    ['a rebound DNS name', () => `evil.example:${running.port}`, /is not allowed: RepoScout's MCP server answers only to localhost/],
    ['another port', () => 'localhost:1', /names port 1, but this server listens on/],
    ['a LAN address', () => `192.168.1.20:${running.port}`, /is not allowed/],
  ])('refuses a Host header naming %s with 403', async (_label, host, message) => {
    const r = await request({ headers: { ...jsonHeaders, ...auth, Host: host() }, body: initBody });
    expect(r.status).toBe(403);
    expect(errorOf(r)).toMatch(message);
  });

  it('answers other paths with 404', async () => {
    const r = await request({ path: '/', method: 'GET', headers: auth });
    expect(r.status).toBe(404);
    expect(errorOf(r)).toMatch(/RepoScout serves MCP at \/mcp/);
  });

  it('refuses a body that is not JSON', async () => {
    const r = await request({ headers: { ...jsonHeaders, ...auth }, body: '{not json' });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.code).toBe(-32700);
  });
});

describe('reposcout mcp over Streamable HTTP: sessions', () => {
  it('gives each client its own session and forgets a terminated one', async () => {
    const before = running.sessionCount();
    const a = await connect();
    const b = await connect();
    expect(a.transport.sessionId).toBeTruthy();
    expect(a.transport.sessionId).not.toBe(b.transport.sessionId);
    expect(running.sessionCount()).toBe(before + 2);
    const closed = a.transport.sessionId!;
    await a.transport.terminateSession();
    expect(running.sessionCount()).toBe(before + 1);
    const stale = await request({ headers: { ...jsonHeaders, ...auth, 'Mcp-Session-Id': closed, 'Mcp-Protocol-Version': '2025-06-18' }, body: JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'tools/list' }) });
    expect(stale.status).toBe(404);
    expect(errorOf(stale)).toMatch(/Session not found/);
    // The other session is unaffected.
    expect((await b.client.listTools()).tools.length).toBe(RESEARCH_TOOLS);
    await b.client.close();
    await a.client.close();
  });

  it('asks for initialize first when a request has no session', async () => {
    const r = await request({ headers: { ...jsonHeaders, ...auth }, body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }) });
    expect(r.status).toBe(400);
    expect(errorOf(r)).toMatch(/send an initialize request first/);
    const get = await request({ method: 'GET', headers: { ...auth, Accept: 'text/event-stream' } });
    expect(get.status).toBe(400);
    expect(errorOf(get)).toMatch(/needs an Mcp-Session-Id header/);
  });

  it('closes sessions that stay idle', async () => {
    const short = await startHttpServer({ store: fx.store, log: silentLogger, toolsets: ['research'], readOnly: true, host: '127.0.0.1', port: 0, token: TOKEN, idleMs: 50 });
    try {
      const { client } = await connect(short.url);
      expect(short.sessionCount()).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(short.sessionCount()).toBe(0);
      await expect(client.listTools()).rejects.toThrow(/404|Session not found/);
      await client.close();
    } finally {
      await short.close();
    }
  });
});

describe('reposcout mcp --http as a subprocess', () => {
  /** Starts the bundle and resolves with its URL (and generated token) once it says where it listens. */
  function serve(env: NodeJS.ProcessEnv) {
    const child = spawn(process.execPath, [CLI, 'mcp', '--http', '--port', '0', '--db', fx.dbPath], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    let started = false;
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    const ready = new Promise<{ url: string; token: string | null }>((resolve, reject) => {
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString('utf8');
        if (started) return; // later lines (shutdown) come after the token file is removed
        const url = /at (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(stderr)?.[1];
        const tokenFile = /bearer token for this run written to (\S+) \(readable by you only/.exec(stderr)?.[1];
        const generated = tokenFile ? fs.readFileSync(tokenFile, 'utf8').trim() : null;
        if (url && (generated || /bearer token from/.test(stderr))) {
          started = true;
          resolve({ url, token: generated });
        }
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    return { child, ready, exited, output: () => ({ stdout, stderr }) };
  }

  it('uses REPOSCOUT_MCP_TOKEN, serves an SDK client, and stops on SIGTERM', async () => {
    const server = serve({ REPOSCOUT_MCP_TOKEN: TOKEN });
    const { url, token } = await server.ready;
    expect(token).toBeNull();
    const { client } = await connect(url, TOKEN);
    expect((await client.listTools()).tools).toHaveLength(DEFAULT_TOOLS);
    await client.close();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output().stdout).toBe('');
    expect(server.output().stderr).not.toContain(TOKEN);
  });

  it('generates a token into an owner-only file in the data folder, prints only its path, and removes it at exit', async () => {
    const dataHome = fs.mkdtempSync(path.join(os.tmpdir(), 'reposcout-xdg-'));
    try {
      const server = serve({ REPOSCOUT_MCP_TOKEN: '', XDG_DATA_HOME: dataHome });
      const { url, token } = await server.ready;
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const port = new URL(url).port;
      const file = path.join(dataHome, 'reposcout', `mcp-http-${port}.token`);
      expect(fs.readFileSync(file, 'utf8')).toBe(`${token}\n`);
      if (process.platform !== 'win32') {
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
        expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
      }
      const { client } = await connect(url, token!);
      expect((await client.listTools()).tools).toHaveLength(DEFAULT_TOOLS);
      await client.close();
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      // Logs keep stderr: the token must not be in it.
      expect(server.output().stderr).not.toContain(token!);
      expect(server.output().stderr).toContain(file);
      expect(fs.existsSync(file)).toBe(false);
    } finally {
      fs.rmSync(dataHome, { recursive: true, force: true });
    }
  });
});

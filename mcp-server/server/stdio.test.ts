import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { CLI, runCli } from '../../test/helpers/cli';
import { repositoryReportUri } from './resources';
import { researchedFixture, textOf, type Fixture } from './test-support';
import { renderToolTable } from './tool-table';
import { selectTools } from './create-server';

// Derived from the tool definitions, so adding a tool does not break these transport tests.
const DEFAULT_TOOLS = selectTools().length;
const READ_ONLY_TOOLS = selectTools(undefined, true).length;

// The real bundle as a subprocess, the way Claude Code or VS Code start it.
let fx: Fixture;

beforeAll(async () => {
  fx = await researchedFixture();
});
afterAll(() => fx.cleanup());

async function connect(extraArgs: string[] = []): Promise<{ client: Client; stderr: () => string; close(): Promise<void> }> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', '--db', fx.dbPath, ...extraArgs], stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = new Client({ name: 'stdio-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr, close: () => client.close() };
}

/** Runs the server with raw stdin lines and returns every stdout line and stderr. */
function raw(lines: string[], args: string[] = []): Promise<{ stdout: string[]; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'mcp', '--db', fx.dbPath, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ stdout: stdout.split('\n').filter((l) => l !== ''), stderr, code }));
    for (const line of lines) child.stdin.write(`${line}\n`);
    // Give the server time to answer before closing stdin, which ends the session.
    setTimeout(() => child.stdin.end(), 1_500);
  });
}

const initialize = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
const initialized = JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' });

describe('reposcout mcp over stdio', () => {
  it('lists and calls tools and reads a report with the SDK client', async () => {
    const mcp = await connect();
    try {
      const { tools } = await mcp.client.listTools();
      expect(tools).toHaveLength(DEFAULT_TOOLS);
      const result = await mcp.client.callTool({ name: 'get_repository', arguments: { repository: fx.key, sections: ['health'] } });
      expect(result.isError).toBeFalsy();
      expect((result.structuredContent as { repository: { key: string } }).repository.key).toBe(fx.key);
      const analysed = await mcp.client.callTool({ name: 'analyze_local_repository', arguments: { path: fx.repo.dir } });
      expect(textOf(analysed)).toMatch(/^Analysed: /);
      const { contents } = await mcp.client.readResource({ uri: repositoryReportUri(fx.key) });
      expect((contents[0] as { text: string }).text).toContain('Alice Liddell');
      expect(mcp.stderr()).toContain(`serving ${DEFAULT_TOOLS} tools over stdio`);
    } finally {
      await mcp.close();
    }
  });

  it('--read-only and --toolsets shape the tool list', async () => {
    const cases = [
      [['--read-only'], READ_ONLY_TOOLS],
      [['--toolsets', 'memory,recommend'], selectTools(['memory', 'recommend']).length],
      [['--toolsets', 'research', '--read-only'], selectTools(['research'], true).length],
      [['--toolsets', 'orchestrate,achievements'], selectTools(['orchestrate', 'achievements']).length],
    ] as const;
    for (const [args, count] of cases) {
      const mcp = await connect([...args]);
      try {
        expect((await mcp.client.listTools()).tools, args.join(' ')).toHaveLength(count);
      } finally {
        await mcp.close();
      }
    }
  });

  it('writes only JSON-RPC to stdout, skips a garbage line, and exits 0 when stdin closes', async () => {
    const list = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    const call = JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'list_repositories', arguments: {} } });
    const { stdout, stderr, code } = await raw([initialize, initialized, 'this is not json', '{"jsonrpc":"2.0","id":"x"', list, call]);
    const messages = stdout.map((line) => JSON.parse(line) as { jsonrpc: string; id?: number });
    expect(messages.every((m) => m.jsonrpc === '2.0')).toBe(true);
    expect(messages.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(stderr).toMatch(/ignored a message that is not valid JSON-RPC/);
    expect(code).toBe(0);
  });

  it('stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, 'mcp', '--db', fx.dbPath], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    await new Promise<void>((resolve) => child.stderr.once('data', () => resolve()));
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/error/i);
  });

  it.each([
    [['--toolsets', 'bogus'], /Unknown toolset "bogus" in --toolsets; choose from research, achievements, recommend, orchestrate, memory/],
    [['--toolsets', ','], /--toolsets needs at least one name/],
    [['--port', '8080'], /--port applies only with --http/],
    [['--http', '--port', '70000'], /--port must be 0 \(any free port\) to 65535/],
    [['--http', '--host', '0.0.0.0'], /--host must be a loopback address/],
    [['--http', '--token-file', '/no/such/token'], /Cannot read --token-file \/no\/such\/token/],
  ])('refuses %o with exit code 2 and nothing on stdout', (args, message) => {
    const result = runCli(['mcp', '--db', fx.dbPath, ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('--print-tool-table prints the generated table and exits', () => {
    const result = runCli(['mcp', '--print-tool-table']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(renderToolTable());
  });
});

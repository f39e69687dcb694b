import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { startCli } from '../../test/helpers/cli';
import { node24Path } from '../../test/helpers/node24';
import { startTokenProxy, type TokenProxy } from '../../test/helpers/token-proxy';

/**
 * The official MCP conformance suite (@modelcontextprotocol/conformance, pinned devDependency)
 * in `server` mode against the real `reposcout mcp --http`. The suite needs Node >= 22, so its
 * CLI runs under the Node 24 that test/e2e/setup-code-server.sh installs. It cannot send a
 * bearer token, so a loopback proxy adds one; Host names pass through as sent.
 *
 * Only scenarios that need none of the suite's own fixtures (tools named test_*, prompts and
 * resources it expects the server to have) are asserted: those are the protocol itself.
 */
const NO_FIXTURE_SCENARIOS = [
  'server-initialize',
  'ping',
  'logging-set-level',
  'tools-list',
  'resources-list',
  'prompts-list',
  'server-sse-multiple-streams',
  'dns-rebinding-protection',
];

const TOKEN = 'conformance-token-0123456789abcdef';
const SUITE_CLI = path.join(path.dirname(createRequire(import.meta.url).resolve('@modelcontextprotocol/conformance/package.json')), 'dist', 'index.js');

interface Check {
  id: string;
  status: string;
  errorMessage?: string;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reposcout-conformance-'));
let server: ChildProcess | undefined;
let proxy: TokenProxy | undefined;

afterAll(async () => {
  await proxy?.close();
  server?.kill('SIGTERM');
  if (server && server.exitCode === null) await new Promise((resolve) => server?.once('exit', resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts `reposcout mcp --http --port 0` and resolves with the port it printed. */
function startServer(): Promise<number> {
  const child = startCli(['mcp', '--http', '--port', '0', '--db', path.join(dir, 'reposcout.sqlite')], {
    env: { REPOSCOUT_MCP_TOKEN: TOKEN, REPOSCOUT_EMBEDDER: 'lexical' },
  });
  server = child;
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const match = /Streamable HTTP at http:\/\/127\.0\.0\.1:(\d+)\/mcp/.exec(stderr);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`reposcout mcp --http exited with ${code} before serving:\n${stderr}`)));
  });
}

/** Runs the suite's active scenarios once; results land in one folder per scenario. */
function runSuite(node: string, url: string, outputDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const run = spawn(node, [SUITE_CLI, 'server', '--url', url, '--suite', 'active', '--output-dir', outputDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    run.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    run.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    run.once('error', reject);
    // Its exit code is non-zero whenever any scenario fails, fixture ones included: read the checks.
    run.once('exit', () => resolve(output));
  });
}

function checksOf(outputDir: string, scenario: string): Check[] | null {
  // One folder per scenario: server-<scenario>-<timestamp>.
  const prefix = `server-${scenario}-`;
  const folder = fs.readdirSync(outputDir).find((name) => name.startsWith(prefix) && /^\d{4}-\d\d-\d\dT/.test(name.slice(prefix.length)));
  if (folder === undefined) return null;
  return JSON.parse(fs.readFileSync(path.join(outputDir, folder, 'checks.json'), 'utf8')) as Check[];
}

describe('MCP conformance suite 0.1.16 against reposcout mcp --http', () => {
  it('passes every scenario that needs no fixture of its own', async () => {
    const node = node24Path();
    expect(fs.existsSync(node), `no Node 24 at ${node}: the conformance suite needs Node >= 22; run "bash test/e2e/setup-code-server.sh" (it installs one) or set REPOSCOUT_NODE24`).toBe(true);

    proxy = await startTokenProxy(await startServer(), TOKEN);
    const outputDir = path.join(dir, 'results');
    const output = await runSuite(node, proxy.url, outputDir);

    const problems: string[] = [];
    for (const scenario of NO_FIXTURE_SCENARIOS) {
      const checks = checksOf(outputDir, scenario);
      if (checks === null || checks.length === 0) {
        problems.push(`${scenario}: did not run`);
        continue;
      }
      for (const check of checks) {
        if (check.status !== 'SUCCESS') problems.push(`${scenario} / ${check.id}: ${check.status}${check.errorMessage ? ` — ${check.errorMessage}` : ''}`);
      }
    }
    expect(problems, `conformance output:\n${output.slice(-4000)}`).toEqual([]);
  }, 120_000);
});

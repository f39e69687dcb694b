// Round trip of MCP tool calls over stdio against the real bundle:
//   npm run build && node test/bench/mcp-roundtrip.mjs [--calls 1000] [--commits 2000]
// Builds a small synthetic repository, analyses it into a temp database through the
// server's own analyze_local_repository tool, then times read-only tool calls one after
// another (as an agent makes them) and prints p50/p99 and the size of tools/list.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { generateSyntheticRepo } from './synthetic-repo.mjs';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '1000' }, commits: { type: 'string', default: '2000' } } });
const CALLS = Number(values.calls);
const COMMITS = Number(values.commits);
const WARMUP = 50;
const CLI = fileURLToPath(new URL('../../dist/reposcout.mjs', import.meta.url));

const scratch = mkdtempSync(path.join(tmpdir(), 'reposcout-mcp-bench-'));

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time(client, name, args, count) {
  for (let i = 0; i < Math.min(WARMUP, count); i += 1) await client.callTool({ name, arguments: args });
  const samples = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const result = await client.callTool({ name, arguments: args });
    samples.push(performance.now() - started);
    if (result.isError) throw new Error(`${name} failed: ${result.content?.[0]?.text}`);
  }
  samples.sort((a, b) => a - b);
  return { name, calls: count, p50: percentile(samples, 50), p99: percentile(samples, 99), max: samples.at(-1) };
}

try {
  const repoDir = path.join(scratch, 'repo');
  await generateSyntheticRepo(repoDir, { commits: COMMITS, authors: 60, seed: 4, log: () => {} });
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', '--db', path.join(scratch, 'bench.db')], stderr: 'ignore' });
  const client = new Client({ name: 'reposcout-bench', version: '1.0.0' });
  await client.connect(transport);

  const listed = await client.listTools();
  const listBytes = Buffer.byteLength(JSON.stringify(listed));
  const schemaBytes = listed.tools.reduce((sum, t) => sum + Buffer.byteLength(JSON.stringify(t.outputSchema ?? {})), 0);

  const started = performance.now();
  const analysis = await client.callTool({ name: 'analyze_local_repository', arguments: { path: repoDir } });
  if (analysis.isError) throw new Error(analysis.content?.[0]?.text);
  const analyseMs = performance.now() - started;
  const key = analysis.structuredContent.repository.key;

  const main = await time(client, 'get_repository', { repository: key }, CALLS);
  const others = [];
  for (const [name, args] of [
    ['list_repositories', {}],
    ['get_repository', { repository: key, sections: ['all'] }],
    ['get_contributors', { repository: key }],
    ['get_hotspots', { repository: key }],
    ['list_pull_requests', { repository: key }],
  ]) others.push(await time(client, name, args, Math.max(1, Math.round(CALLS / 5))));
  await client.close();

  const ms = (x) => `${x.toFixed(3)} ms`;
  console.log(`MCP stdio round trip, ${COMMITS}-commit synthetic repository (analysed in ${(analyseMs / 1000).toFixed(2)} s), Node ${process.version}`);
  console.log(`get_repository (summary), ${main.calls} sequential calls: p50 ${ms(main.p50)}  p99 ${ms(main.p99)}  max ${ms(main.max)}`);
  for (const r of others) console.log(`  ${`${r.name}${r.name === 'get_repository' ? ' (all sections)' : ''}`.padEnd(34)} ${String(r.calls).padStart(5)} calls: p50 ${ms(r.p50)}  p99 ${ms(r.p99)}`);
  console.log(`tools/list: ${listed.tools.length} tools, ${listBytes} bytes of JSON (output schemas ${schemaBytes} bytes of it)`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

#!/usr/bin/env node
// Benchmark: research a GitHub organization from stored data (no requests) and render its
// report, at several sizes so growth that is worse than linear shows. Each size: a fresh
// database filled by `reposcout ingest` from the loopback fake GitHub (no latency; not the
// figure here), then the fake is closed and the API URL pointed at a closed port, so the
// measured commands could not make a request if they tried. Figures: wall time and peak RSS
// (VmHWM) of `research <org> --no-sync` (research + report) and of `report <org>` (render only).
//
//   node esbuild.config.mjs && node test/bench/org-research.mjs [--sizes 250,500,1000] [--runs 3]
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { median, runMeasured } from './measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { sizes: { type: 'string', default: '250,500,1000' }, runs: { type: 'string', default: '3' } } });
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runs) || runs < 1) {
  throw new Error(`--sizes takes comma-separated whole numbers and --runs a whole number >= 1; got "${values.sizes}" and "${values.runs}"`);
}
const TOKEN = 'reposcout-benchmark-token-000000000000';
const work = path.join(root, '.bench', 'org-research');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
const CLI = path.join(root, 'dist', 'reposcout.mjs');
if (!fs.existsSync(CLI)) throw new Error('dist/reposcout.mjs is missing; run `node esbuild.config.mjs` first');

const fakeBundle = path.join(work, 'fake-github.mjs');
await build({
  stdin: { contents: "export * from './test/fake-github/server'; export * from './test/fake-github/synthetic';", resolveDir: root, loader: 'ts' },
  bundle: true, platform: 'node', format: 'esm', outfile: fakeBundle, logLevel: 'warning',
});
const { startFakeGitHub, SyntheticOrg } = await import(fakeBundle);

/** A loopback port nothing listens on: any request the measured commands made would fail. */
async function closedPortUrl() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

async function cli(argv, env) {
  const result = await runMeasured(process.execPath, [CLI, '--no-progress', ...argv], { cwd: root, env: { ...process.env, GITHUB_TOKEN: TOKEN, ...env } });
  if (result.exitCode !== 0) throw new Error(`reposcout ${argv.join(' ')} exited ${result.exitCode}: ${result.stderr.trim().split('\n').slice(-5).join(' | ')}`);
  return result;
}

const rows = [];
for (const size of sizes) {
  const db = path.join(work, `org-${size}.db`);
  const now = Math.floor(Date.now() / 1000);
  const org = new SyntheticOrg({ login: 'bench-org', repositories: size, seed: 2026, now });
  const fake = await startFakeGitHub({ orgs: [org], token: TOKEN, latencyMs: 0 });
  const ingest = await cli(['ingest', 'bench-org', '--json'], { REPOSCOUT_GITHUB_API_URL: fake.url, REPOSCOUT_DB: db });
  await fake.close();
  const offline = { REPOSCOUT_GITHUB_API_URL: await closedPortUrl(), REPOSCOUT_DB: db };
  const out = path.join(work, `report-${size}`);
  const research = [];
  const report = [];
  for (let i = 0; i < runs; i++) {
    research.push(await cli(['research', 'bench-org', '--no-sync', '--out', out], offline));
    report.push(await cli(['report', 'bench-org', '--out', out], offline));
  }
  const html = fs.readdirSync(out).filter((f) => f.endsWith('.html')).reduce((sum, f) => sum + fs.statSync(path.join(out, f)).size, 0);
  const row = {
    repositories: size,
    ingestSeconds: round(ingest.seconds),
    researchSeconds: round(median(research.map((r) => r.seconds))),
    researchCpuSeconds: round(median(research.map((r) => r.cpuSeconds ?? 0))),
    researchPeakRssMb: mb(Math.max(...research.map((r) => r.peakRssKb ?? 0))),
    reportSeconds: round(median(report.map((r) => r.seconds))),
    reportCpuSeconds: round(median(report.map((r) => r.cpuSeconds ?? 0))),
    reportPeakRssMb: mb(Math.max(...report.map((r) => r.peakRssKb ?? 0))),
    htmlKilobytes: Math.round(html / 1024),
    databaseMb: Math.round(fs.statSync(db).size / 2 ** 20),
  };
  rows.push(row);
  console.error(`${size} repositories: research + report ${row.researchSeconds} s (${row.researchPeakRssMb} MB), report only ${row.reportSeconds} s (${row.reportPeakRssMb} MB)`);
}
const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
fs.writeFileSync(path.join(work, 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), load, cpus: os.cpus().length, runs, rows }, null, 2)}\n`);
console.log(`\norganization research from stored GitHub data (no requests), median of ${runs}; ${os.cpus().length} CPUs, load ${load}\n`);
console.log('| repositories | research + report (s, CPU s) | peak RSS (MB) | report only (s, CPU s) | peak RSS (MB) | report HTML (KB) | database (MB) |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.repositories} | ${r.researchSeconds}, ${r.researchCpuSeconds} | ${r.researchPeakRssMb} | ${r.reportSeconds}, ${r.reportCpuSeconds} | ${r.reportPeakRssMb} | ${r.htmlKilobytes} | ${r.databaseMb} |`);
if (rows.length > 1) {
  const [first, last] = [rows[0], rows.at(-1)];
  const scale = last.repositories / first.repositories;
  console.log(`\n${scale}x the repositories: research + report ${(last.researchCpuSeconds / first.researchCpuSeconds).toFixed(1)}x the CPU time, report only ${(last.reportCpuSeconds / first.reportCpuSeconds).toFixed(1)}x (linear would be ${scale}x; CPU time, as wall time follows the machine's load)`);
}

function round(value) {
  return Math.round(value * 100) / 100;
}
function mb(kb) {
  return Math.round(kb / 1024);
}

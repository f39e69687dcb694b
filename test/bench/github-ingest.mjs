#!/usr/bin/env node
// Benchmark: ingest a synthetic organization of 1,000 repositories from the loopback fake
// GitHub with realistic latency, through the real CLI bundle, and report API requests per
// repository, the rate-limit cost of a first sync, of a re-sync of the unchanged org and of
// a re-sync after a few changes, wall times, and the org research/report time.
//
//   node esbuild.config.mjs && node test/bench/github-ingest.mjs [--repos 1000] [--latency 60]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { runMeasured } from './measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const REPOS = flag('repos', 1000);
const LATENCY = flag('latency', 60);
const CHANGED = flag('changed', 10);
const TOKEN = 'reposcout-benchmark-token-000000000000';
const work = path.join(root, '.bench', 'github-ingest');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });

// The fake GitHub is TypeScript; bundle it for this plain-Node script.
const fakeBundle = path.join(work, 'fake-github.mjs');
await build({
  stdin: { contents: "export * from './test/fake-github/server'; export * from './test/fake-github/synthetic';", resolveDir: root, loader: 'ts' },
  bundle: true, platform: 'node', format: 'esm', outfile: fakeBundle, logLevel: 'warning',
});
const { startFakeGitHub, SyntheticOrg } = await import(fakeBundle);
const CLI = path.join(root, 'dist', 'reposcout.mjs');
if (!fs.existsSync(CLI)) throw new Error('dist/reposcout.mjs is missing; run `node esbuild.config.mjs` first');

// Data relative to the real clock, so the research (which uses the clock) sees recent activity.
const org = new SyntheticOrg({ login: 'bench-org', repositories: REPOS, seed: 2026, now: Math.floor(Date.now() / 1000) });
const fake = await startFakeGitHub({ orgs: [org], token: TOKEN, latencyMs: LATENCY });
const db = path.join(work, 'bench.db');

/** One CLI command; its wall time and peak RSS (VmHWM), measured as run.mjs measures research. */
async function cli(argv) {
  const env = { ...process.env, GITHUB_TOKEN: TOKEN, REPOSCOUT_GITHUB_API_URL: fake.url, REPOSCOUT_DB: db };
  const run = await runMeasured(process.execPath, [CLI, '--json', '--no-progress', ...argv], { env, keepStdout: true });
  if (run.exitCode !== 0) throw new Error(`reposcout ${argv.join(' ')} exited ${run.exitCode}: ${run.stderr}`);
  return { result: JSON.parse(run.stdout), seconds: run.seconds, peakRssMb: Math.round((run.peakRssKb ?? 0) / 1024) };
}

function serverSide(from) {
  const log = fake.log.slice(from);
  return {
    requests: log.length,
    graphql: log.filter((r) => r.operation !== null).length,
    listing: log.filter((r) => r.operation === 'OwnerRepositories').length,
    rest: log.filter((r) => r.operation === null).length,
    notModified: log.filter((r) => r.status === 304).length,
    points: log.reduce((s, r) => s + r.cost, 0),
  };
}

const runs = [];
async function measure(label, argv) {
  const mark = fake.log.length;
  const { result, seconds, peakRssMb } = await cli(argv);
  const server = serverSide(mark);
  runs.push({ label, seconds: Math.round(seconds * 10) / 10, peakRssMb, client: result.cost ?? result.ingest?.cost ?? null, server, detailed: result.detailed ?? result.ingest?.detailed, unchanged: result.unchanged ?? result.ingest?.unchanged });
  console.error(`${label}: ${seconds.toFixed(1)} s, peak RSS ${peakRssMb} MB, ${server.requests} requests (${server.listing} listing, ${server.graphql - server.listing} detail GraphQL, ${server.rest} REST, ${server.notModified} × 304), ${server.points} points`);
  return result;
}

console.error(`fake GitHub: ${REPOS} repositories, ${LATENCY} ms latency per request`);
await measure('first sync', ['ingest', 'bench-org']);
await measure('re-sync, unchanged', ['ingest', 'bench-org']);
const changed = org.repos.filter((r) => !r.isEmpty).slice(0, CHANGED);
changed.forEach((r, i) => (i % 2 === 0 ? org.push(r.name) : r.issues.length ? org.commentOnIssue(r.name, 'bench-helper') : org.release(r.name, 'v100.0.0')));
await measure(`re-sync, ${CHANGED} repositories changed`, ['ingest', 'bench-org']);
const research = await cli(['research', 'bench-org', '--no-sync', '--out', path.join(work, 'report')]);
const researchSeconds = research.seconds;
const htmlBytes = fs.statSync(research.result.reports.htmlPath).size;
await fake.close();

const [first, resync, incremental] = runs;
const figures = {
  repositories: REPOS,
  latencyMs: LATENCY,
  metadataRequestsPerRepository: first.server.listing / REPOS,
  firstSync: { seconds: first.seconds, requests: first.server.requests, requestsPerRepository: first.server.requests / REPOS, rateLimitPoints: first.server.points, clientCountedPoints: first.client.rateLimitCost },
  resyncUnchanged: { seconds: resync.seconds, requests: resync.server.requests, rateLimitPoints: resync.server.points, shareOfFirst: resync.server.points / first.server.points },
  resyncChanged: { changed: CHANGED, seconds: incremental.seconds, requests: incremental.server.requests, notModified: incremental.server.notModified, rateLimitPoints: incremental.server.points, detailed: incremental.detailed },
  research: { seconds: Math.round(researchSeconds * 10) / 10, peakRssMb: research.peakRssMb, htmlKilobytes: Math.round(htmlBytes / 1024) },
};
fs.writeFileSync(path.join(work, 'results.json'), JSON.stringify({ figures, runs }, null, 2));
const pct = (x) => `${(x * 100).toFixed(2)}%`;
console.log(`| measure | value |
|---|---:|
| repositories | ${REPOS} (latency ${LATENCY} ms per request) |
| metadata pass: requests per repository | ${figures.metadataRequestsPerRepository.toFixed(3)} (target ≤ 0.1) |
| first sync: requests (per repository) | ${first.server.requests} (${figures.firstSync.requestsPerRepository.toFixed(2)}) |
| first sync: rate-limit cost (points) | ${first.server.points} |
| first sync: wall time, peak RSS | ${first.seconds} s, ${first.peakRssMb} MB |
| re-sync, unchanged: requests | ${resync.server.requests} |
| re-sync, unchanged: rate-limit cost | ${resync.server.points} (${pct(figures.resyncUnchanged.shareOfFirst)} of the first; target ≤ 2%) |
| re-sync, unchanged: wall time, peak RSS | ${resync.seconds} s, ${resync.peakRssMb} MB |
| re-sync, ${CHANGED} changed: requests / 304s / cost | ${incremental.server.requests} / ${incremental.server.notModified} / ${incremental.server.points} |
| research + org report (no network) | ${figures.research.seconds} s, peak RSS ${figures.research.peakRssMb} MB, report.html ${figures.research.htmlKilobytes} KB |`);

// `npm run bench:achievements`: the achievements pipeline's two paths, with figures.
//  1. GitHub: one developer's 1,000 merged PRs across 50 repositories of the fake GitHub
//     at 60 ms per request: requests per PR (target <= 0.05) and wall time (target < 60 s).
//  2. Offline: a 100,000-commit synthetic history (cached in .bench/, shared with `npm run
//     bench`): history ingest, then classify + impact + portfolio for its most prolific
//     PR author (target < 10 s).
// Options: --prs N --repos N --latency MS --commits N --skip-offline --skip-github
import { bundleEngine } from '../eval/bundle.mjs';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { GENERATOR_VERSION, generateSyntheticRepo, git } from './synthetic-repo.mjs';

const PROJECT = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    prs: { type: 'string', default: '1000' },
    repos: { type: 'string', default: '50' },
    latency: { type: 'string', default: '60' },
    commits: { type: 'string', default: '100000' },
    'skip-offline': { type: 'boolean', default: false },
    'skip-github': { type: 'boolean', default: false },
  },
});
const log = (line) => process.stderr.write(`${line}\n`);
const outfile = path.join(PROJECT, 'dist', 'bench-achievements.mjs');
const engine = await bundleEngine('test/bench/achievements-engine.ts', outfile);
const work = mkdtempSync(path.join(os.tmpdir(), 'reposcout-bench-achievements-'));
const lines = [`RepoScout achievements benchmark (${os.cpus().length} CPUs, node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`, ''];

try {
  if (!values['skip-github']) {
    const prs = Number(values.prs);
    const org = new engine.SyntheticOrg({ repositories: Number(values.repos), seed: 11 });
    // one PR in 40 has 150 files (paged past the first 100); 200 PRs by others reviewed by the developer
    engine.addAuthoredPulls(org, 'bench-dev', prs, { from: '2025-06-01T00:00:00Z', days: 360, filesEvery: 40 });
    engine.addReviewedPulls(org, 'bench-dev', ['bench-peer-a', 'bench-peer-b', 'dependabot[bot]'], Math.round(prs / 5));
    const token = 'bench-token-not-a-real-one';
    const fake = await engine.startFakeGitHub({ token, orgs: [org], latencyMs: Number(values.latency) });
    const store = engine.openStore(path.join(work, 'github.db'));
    try {
      const client = engine.createGitHubClient({ token, baseUrl: fake.url, retryBaseMs: 10, timeoutMs: 30_000 });
      const started = performance.now();
      const result = await engine.collectFromGitHub(store, client, engine.buildIdentity('bench-dev'), { owner: org.login }, engine.parseWindow('2025-01-01', '2026-12-31'));
      const seconds = (performance.now() - started) / 1000;
      const count = (operation) => fake.log.filter((r) => r.operation === operation).length;
      const firstRun = { search: count('AchievementSearch'), overflow: count('PullRequestOverflow'), reviewed: count('ReviewedSearch') };
      const again = performance.now();
      const second = await engine.collectFromGitHub(store, client, engine.buildIdentity('bench-dev'), { owner: org.login }, engine.parseWindow('2025-01-01', '2026-12-31'));
      const incremental = (performance.now() - again) / 1000;
      const portfolioStart = performance.now();
      const portfolio = engine.portfolioFromStore(store, engine.buildIdentity('bench-dev'), engine.parseWindow('2025-01-01', '2026-12-31'));
      const portfolioSeconds = (performance.now() - portfolioStart) / 1000;
      lines.push(
        `GitHub path: ${result.prs} PRs by one developer across ${values.repos} repositories (1 in 40 with 150 files), ${result.reviewed} PRs by others they reviewed, ${values.latency} ms per request`,
        `  requests            ${result.requests} (${firstRun.search} search pages in ${result.windows} window${result.windows === 1 ? '' : 's'}, ${firstRun.overflow} overflow, ${firstRun.reviewed} reviewed-by pages)`,
        `  requests per PR     ${(result.requests / Math.max(1, result.prs)).toFixed(3)}   (target <= 0.05; reviewed-by pages included)`,
        `  wall time           ${seconds.toFixed(1)} s   (target < 60 s)`,
        `  incremental re-run  ${second.requests} request(s), ${second.prs} PRs, ${incremental.toFixed(1)} s`,
        `  portfolio           ${portfolioSeconds.toFixed(2)} s (${portfolio.totals.prs} PRs)`,
        '',
      );
    } finally {
      store.close();
      await fake.close();
    }
  }
  if (!values['skip-offline']) {
    const commits = Number(values.commits);
    const repo = await ensureRepo(commits);
    const store = engine.openStore(path.join(work, 'offline.db'));
    try {
      // ingest with an identity that matches nobody: the history read alone
      const ingestStart = performance.now();
      await engine.collectFromGit(store, [repo], engine.buildIdentity('nobody@bench.invalid'), engine.parseWindow(undefined, undefined));
      const ingestSeconds = (performance.now() - ingestStart) / 1000;
      const top = store.db
        .prepare(`select p.email as email, count(*) as n from pull_requests pr join people p on p.id = pr.author_id where p.is_bot = 0 group by p.email order by n desc limit 1`)
        .get();
      const who = engine.buildIdentity(top.email);
      const started = performance.now();
      const collected = await engine.collectFromGit(store, [repo], who, engine.parseWindow(undefined, undefined));
      const classified = performance.now();
      const portfolio = engine.portfolioFromStore(store, who, engine.parseWindow(undefined, undefined));
      const written = await engine.writePortfolio(portfolio, path.join(work, 'out'), ['json', 'md', 'html']);
      const done = performance.now();
      const totalPrs = store.db.prepare('select count(*) as n from pull_requests').get().n;
      lines.push(
        `Offline path: ${commits.toLocaleString('en-US')}-commit synthetic history (${totalPrs.toLocaleString('en-US')} reconstructed PRs)`,
        `  history ingest (once)              ${ingestSeconds.toFixed(1)} s`,
        `  most prolific PR author            ${collected.records.length} PRs`,
        `  classify + impact + store          ${((classified - started) / 1000).toFixed(2)} s`,
        `  portfolio + JSON/Markdown/HTML     ${((done - classified) / 1000).toFixed(2)} s (${written.files.length} files)`,
        `  classify + impact + portfolio      ${((done - started) / 1000).toFixed(2)} s   (target < 10 s)`,
        '',
      );
    } finally {
      store.close();
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The cached synthetic repository of `npm run bench` (same name and marker), generated if missing. */
async function ensureRepo(commits) {
  const dir = path.join(PROJECT, '.bench', `repo-${commits}-1`);
  const marker = path.join(dir, '.git', 'reposcout-bench.json');
  if (existsSync(marker)) {
    const summary = JSON.parse(readFileSync(marker, 'utf8'));
    const head = (await git(dir, ['rev-parse', 'HEAD'])).trim();
    if (summary.generatorVersion === GENERATOR_VERSION && summary.head === head && summary.commits === commits) return dir;
  }
  rmSync(dir, { recursive: true, force: true });
  const scratch = `${dir}.partial`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  const summary = await generateSyntheticRepo(scratch, { commits, seed: 1, authors: 400, shape: 'github', log });
  writeFileSync(path.join(scratch, '.git', 'reposcout-bench.json'), `${JSON.stringify(summary, null, 2)}\n`);
  renameSync(scratch, dir);
  return dir;
}

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticRepo } from './bench/synthetic-repo.mjs';
import { runCli, startCli } from './helpers/cli';
import { tempDir } from './helpers/git-fixture';
import { openDatabase } from '../shared/store/driver';

// A history long enough that `git log` is still streaming when the test signals the CLI.
const COMMITS = 12_000;
let work: string;
let repoDir: string;

beforeAll(async () => {
  work = tempDir('reposcout-interrupt-');
  repoDir = path.join(work, 'repo');
  await generateSyntheticRepo(repoDir, { commits: COMMITS, authors: 50, seed: 7, log: () => {} });
}, 120_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Resolves once the CLI has spawned the `git log --numstat` it ingests from: mid-transaction. */
async function waitForGitLog(pid: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    let children: string[] = [];
    try {
      children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    } catch {
      /* process not started yet or gone */
    }
    for (const child of children) {
      try {
        const cmdline = fs.readFileSync(`/proc/${child}/cmdline`, 'utf8');
        if (cmdline.includes('--numstat')) return;
      } catch {
        /* child exited */
      }
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the CLI never started reading git history');
}

function dbState(file: string): { commits: number; head: string | null } {
  const db = openDatabase(file, { readonly: true });
  try {
    const commits = (db.prepare('select count(*) as n from commits').get() as { n: number }).n;
    const head = (db.prepare(`select value from sync_state where kind = 'local.head'`).get() as { value: string } | undefined)?.value ?? null;
    return { commits, head };
  } finally {
    db.close();
  }
}

async function interruptedRun(dbFile: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = startCli(['research', repoDir, '--db', dbFile, '--out', path.join(work, 'reports')]);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, sig) => resolve({ code, signal: sig })));
  await waitForGitLog(child.pid!);
  child.kill(signal);
  return { ...(await exited), stderr };
}

describe('an interrupted research run', () => {
  it.each(['SIGINT', 'SIGKILL'] as const)('%s mid-ingest leaves the previous good state, and the next run completes', async (signal) => {
    const dbFile = path.join(work, `${signal}.db`);
    // A previous good state: the repository as it was 2,000 first-parent commits ago.
    const git = (args: string[]) => execFileSync('git', args, { cwd: repoDir, encoding: 'utf8' }).trim();
    const main = git(['rev-parse', 'HEAD']);
    git(['checkout', '-q', '--detach', 'HEAD~2000']);
    try {
      expect(runCli(['research', repoDir, '--db', dbFile, '--out', path.join(work, 'reports')]).code).toBe(0);
    } finally {
      git(['checkout', '-q', main]);
    }
    const before = dbState(dbFile);
    expect(before.commits).toBeGreaterThan(0);

    const run = await interruptedRun(dbFile, signal);
    if (signal === 'SIGINT') {
      expect(run.code).toBe(130);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/cancelled.*previous state.*again/);
    } else {
      expect(run.signal).toBe('SIGKILL');
    }
    expect(dbState(dbFile)).toEqual(before);

    const resumed = runCli(['--json', 'research', repoDir, '--db', dbFile, '--out', path.join(work, 'reports')]);
    expect(resumed.code).toBe(0);
    const after = dbState(dbFile);
    expect(after.head).toBe(main);
    expect(after.commits).toBe(COMMITS);
    expect(JSON.parse(resumed.stdout).newCommits).toBe(COMMITS - before.commits);
  });
});

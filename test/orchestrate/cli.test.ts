import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCli } from '../helpers/cli';
import { runCliAsync } from '../helpers/github';
import { tempDir } from '../helpers/git-fixture';
import { openStore } from '../../shared/store/open';
import { FAKE_WORKER, expectNoWorkerLeft, packagesRepo, strayWorktrees, until, world } from './support';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanups.splice(0)) fn();
});

function setup() {
  const repo = packagesRepo();
  cleanups.push(() => repo.remove());
  const db = path.join(tempDir(), 'r.db');
  const cli = (...args: string[]) => runCliAsync(['--db', db, ...args], { cwd: repo.dir });
  return { repo, db, cli, worker: ['--worker', 'command', '--command', JSON.stringify(['node', FAKE_WORKER])] };
}

describe('reposcout run and jobs', () => {
  it('--dry-run prints the plan and starts nothing; run waits for the job and prints its branches', async () => {
    const { repo, cli, worker } = setup();
    const dry = await cli('run', 'Document [[fake edit-scope]]', '--split', 'package', ...worker, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^Plan: 3 subtasks for the command worker/);
    expect(dry.stdout).toMatch(/packages-alpha +run_commands +runs without approval/);
    expect(strayWorktrees(repo)).toEqual([]);

    const run = await cli('run', 'Document [[fake edit-scope]]', '--split', 'package:packages/{alpha,beta}', ...worker, '--concurrency', '2');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Job (j[0-9a-f]{8}): succeeded/);
    expect(run.stdout).toMatch(/branch reposcout\/j[0-9a-f]{8}\/packages-alpha \(1 files, \+1 -0\)/);
    const jobId = /^Job (j[0-9a-f]{8})/.exec(run.stdout)![1]!;

    const list = await cli('--json', 'jobs', 'list');
    expect(JSON.parse(list.stdout).jobs.map((j: { id: string }) => j.id)).toEqual([jobId]);
    const show = await cli('jobs', 'show', jobId);
    expect(show.stdout).toContain('packages-beta');
    const logs = await cli('jobs', 'logs', jobId, 'packages-alpha');
    expect(logs.code, logs.stderr).toBe(0);
    expect(logs.stdout).toMatch(/attempt 1: succeeded/);
    const clean = await cli('jobs', 'clean', jobId);
    expect(clean.stdout).toMatch(/kept reposcout\/.*not merged/);
    const forced = await cli('jobs', 'clean', jobId, '--force');
    expect(forced.stdout).toMatch(/Removed 0 worktrees and 2 branches/);
  });

  it('jobs approve from another terminal releases a held subtask of a running job; the decision is stored as made by cli', async () => {
    const { cli, worker } = setup();
    // "curl" makes the judge class it network: it waits for approval at the default level.
    const running = cli('run', 'Fetch the style guide with curl [[fake edit=STYLE.md]]', ...worker);
    let jobId = '';
    let last = '';
    for (let i = 0; i < 300 && !jobId; i++) {
      // The run may still be creating the database: an answer that is not a list is retried.
      const list = await cli('--json', 'jobs', 'list');
      last = `${list.code} ${list.stdout} ${list.stderr}`;
      const jobs = list.code === 0 ? (JSON.parse(list.stdout) as { jobs: { id: string; state: string }[] }).jobs : [];
      jobId = jobs.find((j) => j.state === 'waiting_for_approval')?.id ?? '';
      if (!jobId) await new Promise((r) => setTimeout(r, 100));
    }
    expect(jobId, last).not.toBe('');
    const approved = await cli('jobs', 'approve', jobId, '--reason', 'checked the URL');
    expect(approved.code, approved.stderr).toBe(0);
    expect(approved.stdout).toBe('Approved: main.\n');
    expect((await running).code).toBe(0);
    const show = JSON.parse((await cli('--json', 'jobs', 'show', jobId)).stdout) as { job: { subtasks: { decisions: { decision: string; by: string; reason: string }[] }[] } };
    expect(show.job.subtasks[0]!.decisions.map((d) => [d.decision, d.by, d.reason])).toEqual([
      ['hold', 'judge', expect.stringMatching(/network/)],
      ['approved', 'cli', 'checked the URL'],
    ]);
  });

  it('a subtask that needs input: jobs wait exits 3, jobs show says how to answer, jobs approve --reason answers it and the job succeeds', async () => {
    // The job runs in this process's engine (the CLI offers no fake worker); the CLI decides it
    // from other processes through the database, as from another terminal.
    const w = world();
    cleanups.push(() => void w.dispose());
    const cli = (...args: string[]) => runCliAsync(['--db', w.dbPath, ...args], { cwd: w.repo.dir });
    const { job, done } = await w.engine.start(w.input({ task: 'Migrate [[fake needs-input]]', approveAt: 'destructive' }));
    await until(() => w.engine.summary(job.id).state === 'needs_input');

    const waited = await cli('jobs', 'wait', job.id);
    expect(waited.code).toBe(3);
    expect(waited.stdout).toMatch(new RegExp(`^Job ${job.id}: needs_input\n`));
    // The subtask changed nothing before asking: no branch, and why; then how to answer.
    expect(waited.stdout).toContain('      no branch (no changes: the worker changed no file, so its empty branch was deleted)\n');
    expect(waited.stdout).toContain(`      answer: reposcout jobs approve ${job.id} main --reason "<your answer>"   (or --reject to decline)\n`);
    expect(waited.stderr).toBe(`reposcout: Job ${job.id} waits for a person: a subtask needs your answer; "reposcout jobs approve ${job.id} <subtask>" decides it.\n`);
    const listed = await cli('jobs', 'list', '--state', 'needs_input');
    expect(listed.stdout).toMatch(new RegExp(`^${job.id}  needs_input +fake +1 needs_input`));

    const answered = await cli('jobs', 'approve', job.id, '--reason', 'Postgres');
    expect(answered.code, answered.stderr).toBe(0);
    expect(answered.stdout).toBe('Answered: main.\n');
    await done;
    const shown = await cli('jobs', 'show', job.id);
    expect(shown.stdout).toMatch(new RegExp(`^Job ${job.id}: succeeded`));
    expect(shown.stdout).toContain(`      branch reposcout/${job.id}/main (1 files, +1 -0)\n`);
    expect((await cli('jobs', 'wait', job.id)).code).toBe(0);
    const again = await cli('jobs', 'approve', job.id, '--reject');
    expect([again.code, again.stderr]).toEqual([1, `reposcout: No subtask of job ${job.id} waits for approval or input.\n`]);
  });

  it('a failed job exits 1 with a one-line reason; bad options exit 2 naming the option', async () => {
    const { cli, worker } = setup();
    const failed = await cli('run', 'x [[fake fail]]', ...worker, '--retries', '0');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/reposcout: Job j[0-9a-f]{8} ended failed: 1 of 1 subtasks did not succeed; "reposcout jobs logs/);
    for (const [args, message] of [
      [['--concurrency', '0'], /--concurrency: .*; see "reposcout run --help"/],
      [['--split', 'files'], /--split "files" is not a selector/],
      [['--worker', 'gpt'], /--worker: /],
      [['--command', '[1]'], /--command must be a JSON array of strings/],
      [['--approve-at', 'everything'], /--approve-at: /],
    ] as const) {
      const bad = await cli('run', 'x', ...worker, ...args);
      expect(bad.code, bad.stderr).toBe(2);
      expect(bad.stderr).toMatch(message);
    }
    const missing = await cli('jobs', 'show', 'jffffffff');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/No job "jffffffff"/);
    // A mistyped id for clean: an error, not "Removed 0 worktrees" (which reads as success).
    for (const args of [['jobs', 'clean', 'jffffffff'], ['--json', 'jobs', 'clean', 'jffffffff', '--max-worktree-disk', '0']]) {
      const unknown = await cli(...args);
      expect(unknown.code, unknown.stdout).toBe(2);
      expect(unknown.stdout).toBe('');
      expect(unknown.stderr).toBe('reposcout: No job "jffffffff" in this database. List the ids with "reposcout jobs list".\n');
    }
  });
});

describe('reposcout run and jobs clean: --max-worktree-disk', () => {
  it('keeps succeeded worktrees within the budget; clean trims them and keeps the branches; a bad size exits 2', async () => {
    const { repo, cli, worker } = setup();
    const run = await cli('run', 'x [[fake edit=a.txt]]', '--split', 'list:a,b', ...worker, '--max-worktree-disk', '1G');
    expect(run.code, run.stderr).toBe(0);
    expect(strayWorktrees(repo)).toHaveLength(2);
    const trimmed = await cli('jobs', 'clean', '--max-worktree-disk', '0');
    expect(trimmed.stdout).toMatch(/^Removed 2 worktrees and 0 branches\./);
    expect(strayWorktrees(repo)).toEqual([]);
    expect(repo.git('for-each-ref', '--format=%(refname:short)', 'refs/heads/reposcout/').trim().split('\n')).toHaveLength(2);
    const bad = await cli('jobs', 'clean', '--max-worktree-disk', 'lots');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-worktree-disk must be a size like 500M, 2G or 0 \(got "lots"\)/);
  });
});

describe('reposcout run: Ctrl-C', () => {
  it('stops the workers, leaves the job interrupted (resumable) and exits 130', async () => {
    const { repo, db, worker } = setup();
    const child = startCli(['--db', db, 'run', 'x [[fake hang]]', ...worker, '--split', 'list:a,b'], { cwd: repo.dir });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const deadline = Date.now() + 30_000;
    while ((stderr.match(/ running/g) ?? []).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code, stderr).toBe(130);
    expect(stderr).toMatch(/Stopped; job j[0-9a-f]{8} is interrupted .*"reposcout jobs resume j[0-9a-f]{8}" continues it/);
    const store = openStore(db);
    try {
      const job = store.db.prepare('select state from orchestrate_jobs').get() as { state: string };
      expect(job.state).toBe('interrupted');
      const subtasks = store.db.prepare('select state from orchestrate_subtasks').all() as { state: string }[];
      expect(subtasks.map((s) => s.state)).toEqual(['queued', 'queued']);
      expect(expectNoWorkerLeft(store)).toEqual([]);
    } finally {
      store.close();
    }
    expect(strayWorktrees(repo)).toEqual([]);
  });
});

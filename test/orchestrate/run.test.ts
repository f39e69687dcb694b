import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/git-fixture';
import { branches, worldPerTest } from './support';

// Every test, whatever happened: no worker process and no worktree left behind.
const newWorld = worldPerTest();

describe('run: success', () => {
  it('runs one worker per package in parallel worktrees, each leaving a commit on its branch; the checkout is untouched', async () => {
    const w = newWorld();
    const headBefore = w.repo.head();
    const { job, done } = await w.engine.start(w.input({ task: 'Document each package [[fake edit-scope sleep=300]]', split: { by: 'package' }, concurrency: 2 }));
    await done;
    const record = w.engine.get(job.id);
    expect(record.state, record.message ?? '').toBe('succeeded');
    expect(record.subtasks.map((s) => s.state)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    for (const st of record.subtasks) {
      const attempt = st.attempts[0]!;
      expect(attempt).toMatchObject({ state: 'succeeded', number: 1, costUsd: 0.001, inputTokens: 10, outputTokens: 5, finalMessage: 'done' });
      expect(attempt.diff!.files).toEqual([{ path: `${(st.data as { package: string }).package}/FAKE.md`, insertions: 1, deletions: 0 }]);
      expect(w.repo.git('rev-parse', st.branch!).trim()).toBe(attempt.commit);
      expect(w.repo.git('log', '-1', '--format=%s', st.branch!)).toMatch(new RegExp(`^reposcout ${job.id}/${st.key}: `));
      expect(attempt.events).toBeGreaterThanOrEqual(2);
      expect(fs.readFileSync(attempt.logPath!, 'utf8')).toContain('"type":"result"');
    }
    expect(branches(w.repo).sort()).toEqual(record.subtasks.map((s) => s.branch).sort());
    expect(record.costUsd).toBeCloseTo(0.003);
    // The user's checkout: same HEAD, nothing modified, no FAKE.md.
    expect(w.repo.head()).toBe(headBefore);
    expect(w.repo.git('status', '--porcelain')).toBe('');
    expect(fs.existsSync(path.join(w.repo.dir, 'packages/alpha/FAKE.md'))).toBe(false);
    // Decisions of the judge are recorded with their reason and who made them.
    expect(record.subtasks[0]!.decisions).toEqual([expect.objectContaining({ decision: 'auto', safetyClass: 'write_worktree', by: 'judge' })]);
  });

  it('honours the concurrency limit: never more workers alive at once than asked for', async () => {
    const w = newWorld();
    // The workers' own lifetimes: an attempt's commit and clean-up happen after its slot is free.
    const trace = path.join(tempDir(), 'trace');
    const { job, done } = await w.engine.start(w.input({ task: `wait [[fake sleep=400 trace=${trace}]]`, split: { by: 'list', items: ['a', 'b', 'c', 'd', 'e'] }, concurrency: 2 }));
    await done;
    expect(w.engine.get(job.id).state).toBe('succeeded');
    const lines = fs.readFileSync(trace, 'utf8').trim().split('\n').map((l) => l.split(' '));
    const at = (pid: string, what: string) => Number(lines.find(([p, w]) => p === pid && w === what)![2]);
    const lives = [...new Set(lines.map(([pid]) => pid!))].map((pid) => [at(pid, 'start'), at(pid, 'end')] as const);
    expect(lives).toHaveLength(5);
    const maxOverlap = Math.max(...lives.map(([start]) => lives.filter(([s, e]) => s <= start && start < e).length));
    expect(maxOverlap).toBe(2);
  });

  it('flags attempts whose changes touch the same files as merge risks, copies .worktreeinclude files, runs the setup command', async () => {
    const w = newWorld();
    w.repo.write('.worktreeinclude', '.env\n');
    w.repo.commit('include list', { name: 'A', email: 'a@example.com' }, '2026-01-02T00:00:00Z');
    fs.writeFileSync(path.join(w.repo.dir, '.env'), 'SECRET=1\n'); // ignored by .gitignore, copied by .worktreeinclude
    const { job, done } = await w.engine.start(
      w.input({
        task: 'Touch shared [[fake edit=shared.txt]]',
        subtasks: [{ key: 'one', instruction: 'first' }, { key: 'two', instruction: 'second' }],
        setup: [process.execPath, '-e', "require('fs').writeFileSync('setup-ran', require('fs').readFileSync('.env'))"],
      }),
    );
    await done;
    const record = w.engine.get(job.id);
    expect(record.state, JSON.stringify(record.subtasks.map((s) => s.message))).toBe('succeeded');
    expect(record.subtasks.map((s) => s.mergeRiskWith)).toEqual([['two'], ['one']]);
    // setup-ran holds .env's content, so the copy happened before setup; both got committed (not ignored).
    const files = record.subtasks[0]!.attempts[0]!.diff!.files.map((f) => f.path).sort();
    expect(files).toEqual(['setup-ran', 'shared.txt']);
    expect(w.repo.git('show', `${record.subtasks[0]!.branch}:setup-ran`)).toBe('SECRET=1\n');
  });
});

describe('run: worker environment', () => {
  it("workers never see RepoScout's own secrets, and the command worker gets its instruction by argument, environment or file", async () => {
    const w = newWorld();
    const saved = process.env.GITHUB_TOKEN;
    process.env.GITHUB_TOKEN = 'ghp_must_not_leak';
    try {
      const script = "const fs = require('fs'); console.log('token=' + (process.env.GITHUB_TOKEN ?? 'absent')); console.log('via=' + (process.env.REPOSCOUT_INSTRUCTION ?? (process.env.REPOSCOUT_INSTRUCTION_FILE ? fs.readFileSync(process.env.REPOSCOUT_INSTRUCTION_FILE, 'utf8') : process.argv.at(-1))).split('\\n')[0])";
      for (const via of ['argument', 'env', 'file'] as const) {
        const { job, done } = await w.engine.start(w.input({ task: `check ${via}`, worker: { kind: 'command', command: [process.execPath, '-e', script], instructionVia: via } }));
        await done;
        const attempt = w.engine.get(job.id).subtasks[0]!.attempts[0]!;
        expect(attempt.state).toBe('succeeded');
        expect(attempt.finalMessage).toBe(`token=absent\nvia=Task from the user: check ${via}`);
      }
    } finally {
      if (saved === undefined) delete process.env.GITHUB_TOKEN;
      else process.env.GITHUB_TOKEN = saved;
    }
  });
});

describe('run: faults end in a recorded state with nothing left behind', () => {
  it.each([
    ['hangs without output', '[[fake hang]]', { idleSeconds: 1 }, 'timed_out', 'no_output'],
    ['ignores SIGTERM', '[[fake ignore-term]]', { timeoutSeconds: 1 }, 'timed_out', 'timeout'],
    ['prints garbage', '[[fake garbage]]', {}, 'failed', 'invalid_output'],
    ['exits with an odd code', '[[fake exit=3]]', {}, 'failed', 'exit_code'],
    ['dies of a signal', '[[fake abort]]', {}, 'failed', 'signal'],
    ['reports failure', '[[fake fail]]', {}, 'failed', 'worker_error'],
  ] as const)('a worker that %s', async (_name, directive, limits, state, kind) => {
    const w = newWorld();
    const { job, done } = await w.engine.start(w.input({ task: `x ${directive}`, retries: 0, ...limits }));
    await done;
    const st = w.engine.get(job.id).subtasks[0]!;
    expect(st.state).toBe(state);
    expect(st.attempts[0]!.failure).toMatchObject({ kind });
    expect(st.message).toBeTruthy();
    expect(w.engine.get(job.id).state).toBe('failed');
    expect(branches(w.repo)).toEqual([]);
  });

  it('a worker that floods its output is stopped at the cap, and the store keeps a bounded number of events', async () => {
    const w = newWorld({ maxOutputBytes: 2 * 1024 * 1024 });
    const { job, done } = await w.engine.start(w.input({ task: 'x [[fake flood]]', retries: 0 }));
    await done;
    const st = w.engine.get(job.id).subtasks[0]!;
    expect(st.attempts[0]!.failure).toMatchObject({ kind: 'output_flood', retryable: false });
    const stored = (w.store.db.prepare('select count(*) as n from orchestrate_events').get() as { n: number }).n;
    expect(stored).toBeLessThanOrEqual(500);
    expect(st.attempts[0]!.events).toBeGreaterThan(5000);
    expect(w.engine.log(job.id, st.key, undefined, 10)).toMatchObject({ truncated: true, events: expect.any(Array) });
  });

  it('a missing worker binary fails at once with a clear message and no retry', async () => {
    const w = newWorld();
    const { job, done } = await w.engine.start(w.input({ task: 'x', worker: { kind: 'claude', binary: '/nonexistent/claude' }, retries: 2 }));
    await done;
    const st = w.engine.get(job.id).subtasks[0]!;
    expect(st.attempts).toHaveLength(1);
    expect(st.attempts[0]!.failure).toMatchObject({ kind: 'spawn_failed', retryable: false });
    expect(st.message).toMatch(/was not found; install it or give the worker the path of its program/);
  });

  it('children a worker leaves behind are ended with its group; a worker lingering after its result is ended after the grace', async () => {
    const w = newWorld();
    const { job, done } = await w.engine.start(
      w.input({ task: 'x', subtasks: [{ key: 'child', instruction: 'c [[fake spawn-child]]' }, { key: 'linger', instruction: 'l [[fake linger]]' }] }),
    );
    await done;
    expect(w.engine.get(job.id).subtasks.map((s) => s.state)).toEqual(['succeeded', 'succeeded']);
  });

  it('a worktree that cannot be created is a recorded failure', async () => {
    const w = newWorld();
    // A file where the worktrees folder must go.
    fs.mkdirSync(path.join(path.dirname(w.dbPath), 'orchestrate'), { recursive: true });
    fs.writeFileSync(path.join(path.dirname(w.dbPath), 'orchestrate', 'worktrees'), 'in the way');
    const { job, done } = await w.engine.start(w.input({ task: 'x', retries: 0 }));
    await done;
    const st = w.engine.get(job.id).subtasks[0]!;
    expect(st.state).toBe('failed');
    expect(st.attempts[0]!.failure).toMatchObject({ kind: 'worktree_failed' });
    expect(st.message).toMatch(/Could not create a worktree .*; check/);
  });

  it("cleaning up after a job removes only RepoScout's own worktrees: a user's worktree whose folder is missing for a while keeps its record", async () => {
    const w = newWorld();
    const mine = path.join(tempDir(), 'my-worktree');
    w.repo.git('worktree', 'add', '--quiet', '-b', 'my-work', mine);
    const away = `${mine}.away`;
    fs.renameSync(mine, away); // on a disk that is not mounted just now, say
    // A worktree that cannot be made leaves the attempt's tidy-up a folder that does not exist:
    // the case where RepoScout used to run "git worktree prune".
    fs.mkdirSync(path.join(path.dirname(w.dbPath), 'orchestrate'), { recursive: true });
    fs.writeFileSync(path.join(path.dirname(w.dbPath), 'orchestrate', 'worktrees'), 'in the way');
    const { job, done } = await w.engine.start(w.input({ task: 'x', retries: 0 }));
    await done;
    expect(w.engine.get(job.id).state).toBe('failed');
    await w.engine.clean(job.id, true);
    expect(w.repo.git('worktree', 'list', '--porcelain')).toContain(`worktree ${mine}\n`);
    fs.renameSync(away, mine);
    expect(w.repo.git('-C', mine, 'rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('my-work');
    w.repo.git('worktree', 'remove', mine);
  });
});

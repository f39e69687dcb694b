import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createOrchestrator } from '../../shared/orchestrate/engine';
import { planInputSchema } from '../../shared/protocol/orchestrate';
import { openStore } from '../../shared/store/open';
import { tempDir } from '../helpers/git-fixture';
import { branches, expectNoWorkerLeft, packagesRepo, strayWorktrees } from './support';

// The REAL Codex CLI (devDependency @openai/codex) with no network: it starts a thread and a
// turn, then keeps reconnecting ("Reconnecting... n/5", then "waiting for network") forever.
// Those error events are output but not progress, so the no-progress watchdog must end it.
const CODEX = path.resolve(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'codex');

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

describe('Codex worker, real binary offline', () => {
  it('endless reconnects are caught by the watchdog; the attempt ends timed out with the last error, nothing left behind', async () => {
    const repo = packagesRepo();
    cleanups.push(() => repo.remove());
    const dir = tempDir('reposcout-codex-');
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const store = openStore(path.join(dir, 'r.db'));
    cleanups.push(() => store.close());
    const engine = createOrchestrator({
      store,
      pollMs: 50,
      process: { killDelayMs: 1_000, workerEnv: { HOME: path.join(dir, 'home'), OPENAI_API_KEY: 'sk-fake-for-tests' } },
    });
    cleanups.push(() => engine.close());
    fs.mkdirSync(path.join(dir, 'home'));
    const started = Date.now();
    const { job, done } = await engine.start(
      planInputSchema.parse({ task: 'Say hi', repository: repo.dir, worker: { kind: 'codex', binary: CODEX }, idleSeconds: 4, timeoutSeconds: 120, retries: 0, approveAt: 'destructive' }),
    );
    await done;
    const st = engine.get(job.id).subtasks[0]!;
    expect(st.state).toBe('timed_out');
    const attempt = st.attempts[0]!;
    expect(attempt.failure).toMatchObject({ kind: 'no_output', retryable: true });
    expect(attempt.message).toMatch(/no progress .*last error: Codex reported: Reconnecting/);
    expect(attempt.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    // Ended by the 4 s watchdog, long before the 120 s wall clock.
    expect(Date.now() - started).toBeLessThan(40_000);
    const events = engine.log(job.id, st.key).events;
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['init', 'error']));
    // Reconnect errors kept arriving until the end; had they counted as progress, the watchdog
    // could only have fired 4 s after the last of them.
    const lastError = Date.parse(events.filter((e) => e.kind === 'error').at(-1)!.at);
    expect(Date.parse(attempt.finishedAt!) - lastError).toBeLessThan(3_500);
    expect(branches(repo)).toEqual([]);
    expect(strayWorktrees(repo)).toEqual([]);
    expect(expectNoWorkerLeft(store)).toEqual([]);
  });
});

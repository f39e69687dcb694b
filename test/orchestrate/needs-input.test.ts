import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JobState } from '../../shared/protocol/orchestrate';
import { branches, buildEngineProcess, ENGINE_PROCESS, expectNoWorkerLeft, FAKE_WORKER, strayWorktrees, until, world, type World } from './support';

// A subtask whose worker stops for input keeps its job waiting (job state needs_input, not an
// end) while the other subtasks finish; the person's answer runs it again from its work, a
// decline or a cancel ends the job; an engine that dies meanwhile loses no pending decision.

let w: World | undefined;
beforeAll(buildEngineProcess);
afterEach(async () => {
  if (w) {
    expect(expectNoWorkerLeft(w.store)).toEqual([]);
    expect(strayWorktrees(w.repo)).toEqual([]);
    await w.dispose();
  }
  w = undefined;
});

/** One subtask that asks (after writing M.md, unless `edits` is false) and one that succeeds. */
function askingJob(world: World, edits = true) {
  return world.input({
    task: 'Migrate the settings',
    subtasks: [
      { key: 'ask', instruction: `Migrate [[fake needs-input${edits ? ' edit=M.md' : ''}]]` },
      { key: 'ok', instruction: 'Note it [[fake edit=ok.txt]]' },
    ],
    approveAt: 'destructive',
  });
}

async function settlesIn(world: World, jobId: string, state: JobState): Promise<void> {
  await until(() => world.engine.summary(jobId).state === state);
}

describe('a job whose subtask needs input', () => {
  it('waits in needs_input while the other subtask succeeds; the answer runs it again from its work and the job succeeds', async () => {
    w = world();
    const { job, done } = await w.engine.start(askingJob(w));
    await settlesIn(w, job.id, 'needs_input');
    let ended = false;
    void done.then(() => (ended = true));
    // It stays waiting: not terminal, no finish time, the runner still holds it.
    await new Promise((r) => setTimeout(r, 400));
    const waiting = w.engine.get(job.id);
    expect([waiting.state, waiting.finishedAt, ended]).toEqual(['needs_input', null, false]);
    expect(waiting.subtasks.map((s) => [s.key, s.state])).toEqual([['ask', 'needs_input'], ['ok', 'succeeded']]);
    const ask = waiting.subtasks[0]!;
    expect(ask.message).toBe('The fake worker asked which database to migrate. See its final message.');
    // Its work so far is on its branch, for the answer to continue.
    expect([ask.branch, ask.noBranch]).toEqual([`reposcout/${job.id}/ask`, null]);
    expect(w.engine.list(10, 'needs_input').map((j) => j.id)).toEqual([job.id]);
    // Clean-up leaves a waiting job alone, even from an engine that does not run it (another
    // process): its branch holds the work the answer continues.
    const other = w.reopen();
    expect((await other.clean(job.id, true)).kept).toEqual([{ what: `job ${job.id}`, reason: 'it is needs_input; cancel it first' }]);

    expect(other.decide(job.id, 'ask', 'approved', 'cli', 'Postgres, and keep a backup')).toEqual(['ask']);
    await done;
    const finished = w.engine.get(job.id);
    expect([finished.state, finished.message]).toEqual(['succeeded', 'All 2 subtasks succeeded.']);
    const answered = finished.subtasks[0]!;
    expect(answered.attempts.map((a) => a.state)).toEqual(['needs_input', 'succeeded']);
    expect(answered.decisions.map((d) => [d.decision, d.by, d.reason.split(';')[0]])).toEqual([
      ['auto', 'judge', answered.decisions[0]!.reason.split(';')[0]],
      ['approved', 'cli', 'Postgres, and keep a backup'],
    ]);
    expect(w.repo.git('show', `${answered.branch!}:ANSWER.md`)).toBe('Postgres, and keep a backup\n');
    expect(w.repo.git('show', `${answered.branch!}:M.md`)).toBe('edited by the fake worker\n');
    // Two commits on the branch: the asking attempt's, then the answered one's on top.
    expect(w.repo.git('rev-list', '--count', `${finished.baseCommit}..${answered.branch!}`).trim()).toBe('2');
    // Deciding it again is refused: it no longer waits.
    expect(() => w!.engine.decide(job.id, 'ask', 'approved', 'cli')).toThrow(/does not wait for approval or input \(it is succeeded\)/);
  });

  it('declined: the job ends cancelled (a person chose, nothing failed); a subtask that changed nothing has no branch and says why', async () => {
    w = world();
    const { job, done } = await w.engine.start(askingJob(w, false));
    await settlesIn(w, job.id, 'needs_input');
    const ask = w.engine.get(job.id).subtasks[0]!;
    expect([ask.branch, ask.noBranch]).toEqual([null, 'no changes: the worker changed no file, so its empty branch was deleted']);
    expect(w.engine.decide(job.id, undefined, 'rejected', 'mcp', 'not this release')).toEqual(['ask']);
    await done;
    const finished = w.engine.get(job.id);
    expect([finished.state, finished.message]).toEqual(['cancelled', '1 of 2 subtasks succeeded; declined by a person: ask.']);
    expect(finished.subtasks.map((s) => [s.state, s.message])).toEqual([['cancelled', 'Declined by mcp: not this release.'], ['succeeded', null]]);
    expect(branches(w.repo)).toEqual([`reposcout/${job.id}/ok`]);
  });

  it('cancelled while it waits: the subtask is cancelled, its work stays on its branch, the job ends cancelled', async () => {
    w = world();
    const { job, done } = await w.engine.start(askingJob(w));
    await settlesIn(w, job.id, 'needs_input');
    w.engine.cancel(job.id);
    await done;
    const finished = w.engine.get(job.id);
    expect(finished.state).toBe('cancelled');
    expect(finished.subtasks.map((s) => [s.state, s.message])).toEqual([['cancelled', 'The job was cancelled while this subtask waited for input.'], ['succeeded', null]]);
    expect(branches(w.repo)).toEqual([`reposcout/${job.id}/ask`, `reposcout/${job.id}/ok`]);
  });

  it('with a disk budget the asking attempt keeps its worktree; the answer still continues on the same branch (the kept worktree gives it up)', async () => {
    w = world({ maxWorktreeDiskBytes: 1024 * 1024 * 1024 });
    const { job, done } = await w.engine.start(w.input({ task: 'Migrate [[fake needs-input edit=M.md]]', approveAt: 'destructive' }));
    await settlesIn(w, job.id, 'needs_input');
    expect(strayWorktrees(w.repo)).toHaveLength(1);
    w.engine.decide(job.id, undefined, 'approved', 'cli', 'Postgres');
    await done;
    const st = w.engine.get(job.id).subtasks[0]!;
    expect([w.engine.summary(job.id).state, st.attempts.map((a) => a.state)]).toEqual(['succeeded', ['needs_input', 'succeeded']]);
    expect(w.repo.git('show', `${st.branch!}:ANSWER.md`)).toBe('Postgres\n');
    // Only the answered attempt's worktree is kept now; clean-up trims it for the afterEach check.
    expect(strayWorktrees(w.repo)).toHaveLength(1);
    await w.engine.clean(job.id, false, 0);
  });

  it('with a disk budget, edits someone made in the kept worktree while it waited are not discarded: the answered attempt does not start', async () => {
    w = world({ maxWorktreeDiskBytes: 1024 * 1024 * 1024 });
    const { job, done } = await w.engine.start(w.input({ task: 'Migrate [[fake needs-input edit=M.md]]', approveAt: 'destructive', retries: 0 }));
    await settlesIn(w, job.id, 'needs_input');
    const kept = strayWorktrees(w.repo)[0]!;
    fs.writeFileSync(path.join(kept, 'MINE.md'), 'my own notes\n');
    w.engine.decide(job.id, undefined, 'approved', 'cli', 'Postgres');
    await done;
    const st = w.engine.get(job.id).subtasks[0]!;
    expect(st.state).toBe('failed');
    expect(st.message).toBe(`The worktree kept at ${kept} has changes that are not committed, so this attempt did not start; commit or discard them there. The subtask's earlier work stays on its branch.`);
    expect(fs.readFileSync(path.join(kept, 'MINE.md'), 'utf8')).toBe('my own notes\n');
    expect(w.repo.git('rev-parse', st.branch!).trim()).toBe(st.attempts[0]!.commit);
    await w.engine.clean(job.id, true);
  });

  it('an answered attempt that fails leaves the branch at the work done before asking (not deleted with the failure)', async () => {
    w = world();
    const input = w.input({ task: 'Migrate [[fake needs-input fail-answered edit=M.md]]', approveAt: 'destructive', retries: 0 });
    const { job, done } = await w.engine.start(input);
    await settlesIn(w, job.id, 'needs_input');
    const asked = w.engine.get(job.id).subtasks[0]!.attempts[0]!.commit;
    w.engine.decide(job.id, undefined, 'approved', 'cli', 'go on');
    await done;
    const finished = w.engine.get(job.id);
    expect(finished.state).toBe('failed');
    const st = finished.subtasks[0]!;
    expect(st.attempts.map((a) => a.state)).toEqual(['needs_input', 'failed']);
    expect([st.branch, st.noBranch]).toEqual([`reposcout/${job.id}/main`, null]);
    expect(w.repo.git('rev-parse', st.branch!).trim()).toBe(asked);
  });

  it('an engine that dies while the job waits: the next engine keeps the pending decision; resumed, the job waits again, and the answer finishes it', async () => {
    w = world();
    const input = askingJob(w);
    const child = spawn(process.execPath, [ENGINE_PROCESS, w.dbPath, JSON.stringify(input), FAKE_WORKER], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    await until(() => out.includes('\n'));
    const jobId = out.trim();
    await settlesIn(w, jobId, 'needs_input');
    child.kill('SIGKILL');
    await new Promise((r) => child.once('close', r));

    const recovered = await w.engine.recover();
    expect(recovered).toEqual({ attempts: 0, jobs: [jobId] });
    const interrupted = w.engine.get(jobId);
    expect(interrupted.state).toBe('interrupted');
    expect(interrupted.subtasks.map((s) => s.state)).toEqual(['needs_input', 'succeeded']);
    expect(interrupted.subtasks[0]!.branch).toBe(`reposcout/${jobId}/ask`);

    const resumed = w.engine.resume(jobId);
    await settlesIn(w, jobId, 'needs_input');
    expect(w.engine.get(jobId).subtasks[0]!.attempts.map((a) => a.state)).toEqual(['needs_input']);
    w.engine.decide(jobId, 'ask', 'approved', 'cli', 'SQLite');
    await resumed;
    const finished = w.engine.get(jobId);
    expect(finished.state).toBe('succeeded');
    expect(w.repo.git('show', `${finished.subtasks[0]!.branch!}:ANSWER.md`)).toBe('SQLite\n');
  });
});

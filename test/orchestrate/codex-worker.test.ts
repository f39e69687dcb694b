import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createOrchestrator } from '../../shared/orchestrate/engine';
import { planInputSchema } from '../../shared/protocol/orchestrate';
import { cwdOf, FAKE_USAGE, startFakeOpenAI, toolResults, userText, writeCodexHome, type CodexStep, type ResponsesRequest } from '../fake-openai/server';
import { branches, type Cleanups, expectNoWorkerLeft, listItemIn, repoAndStore, strayWorktrees, until } from './support';

// The REAL Codex CLI (devDependency @openai/codex) with no network: it starts a thread and a
// turn, then keeps reconnecting ("Reconnecting... n/5", then "waiting for network") forever.
// Those error events are output but not progress, so the no-progress watchdog must end it.
const CODEX = path.resolve(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'codex');

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

describe('Codex worker, real binary offline', () => {
  it('endless reconnects are caught by the watchdog; the attempt ends timed out with the last error, nothing left behind', async () => {
    const { repo, dir, store } = repoAndStore(cleanups, 'reposcout-codex-');
    const engine = createOrchestrator({
      store,
      pollMs: 50,
      process: { killDelayMs: 1_000, workerEnv: { HOME: path.join(dir, 'home'), OPENAI_API_KEY: 'codex-double-key' } },
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

/** The list item RepoScout gave the worker as data. */
const itemOf = (request: ResponsesRequest): string => listItemIn(userText(request));

async function codexWorld(script: (request: ResponsesRequest) => CodexStep[]) {
  const fake = await startFakeOpenAI(script);
  cleanups.push(() => fake.close());
  const { repo, dir, store } = repoAndStore(cleanups, 'reposcout-codex-');
  fs.mkdirSync(path.join(dir, 'home'));
  const engine = createOrchestrator({
    store,
    pollMs: 50,
    process: {
      killDelayMs: 1_000,
      // Codex keeps its sessions and settings in CODEX_HOME: a temp one pointing at the fake.
      workerEnv: { HOME: path.join(dir, 'home'), CODEX_HOME: writeCodexHome(dir, fake), OPENAI_API_KEY: 'codex-double-key' },
    },
  });
  cleanups.push(() => engine.close());
  const input = (raw: Record<string, unknown>) => planInputSchema.parse({ repository: repo.dir, worker: { kind: 'codex', binary: CODEX }, idleSeconds: 60, timeoutSeconds: 120, retries: 0, approveAt: 'destructive', ...raw });
  return { fake, repo, store, engine, input };
}

describe('Codex worker, real binary against a fake Responses API', () => {
  it('three workers in parallel worktrees each patch a file and run a command; RepoScout commits each on its branch', async () => {
    const { fake, repo, store, engine, input } = await codexWorld((request) => {
      const item = itemOf(request);
      return [
        { patch: `*** Begin Patch\n*** Add File: notes/${item}.md\n+# ${item}\n+\n+Written by Codex.\n*** End Patch\n` },
        { shell: `wc -l notes/${item}.md` },
        { text: `Wrote notes/${item}.md.` },
      ];
    });
    const { job, done } = await engine.start(input({ task: 'Write a note for the item', split: { by: 'list', items: ['alpha', 'beta', 'gamma'] }, concurrency: 3 }));
    await done;
    const record = engine.get(job.id);
    expect(record.state, JSON.stringify(record.subtasks.map((s) => [s.message, s.attempts.at(-1)?.message]))).toBe('succeeded');
    for (const st of record.subtasks) {
      const a = st.attempts[0]!;
      expect(a.finalMessage).toBe(`Wrote notes/${st.key}.md.`);
      expect(a.sessionId).toMatch(/^[0-9a-f-]{36}$/); // thread.started's thread_id
      // One turn of three model requests; Codex adds up their usage in turn.completed.
      expect(a.turns).toBe(1);
      expect(a.inputTokens).toBe(3 * FAKE_USAGE.input_tokens);
      expect(a.outputTokens).toBe(3 * FAKE_USAGE.output_tokens);
      expect(a.costUsd).toBeNull(); // Codex reports no cost
      expect(repo.git('show', `${st.branch!}:notes/${st.key}.md`)).toBe(`# ${st.key}\n\nWritten by Codex.\n`);
      expect(repo.git('log', '-1', '--format=%s', st.branch!).trim()).toMatch(new RegExp(`^reposcout ${job.id}/${st.key}: `));
      expect(a.diff!.files.map((f) => f.path)).toEqual([`notes/${st.key}.md`]);
      const events = engine.log(job.id, st.key).events;
      expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['init', 'tool', 'text', 'result']));
      expect(events.map((e) => e.text)).toEqual(expect.arrayContaining([expect.stringMatching(/^item.completed file_change /), expect.stringMatching(/^item.completed command_execution .*wc -l/), 'turn.completed']));
    }
    // Each conversation ran in its own worktree, and Codex sent back both tool results.
    const byItem = new Map(fake.requests.map((r) => [itemOf(r), r]));
    expect([...byItem.keys()].sort()).toEqual(['alpha', 'beta', 'gamma']);
    expect(new Set(fake.requests.map(cwdOf)).size).toBe(3);
    expect(fake.requests.filter((r) => toolResults(r).length === 2)).toHaveLength(3);
    expect(fake.headers.every((h) => h.authorization === 'Bearer codex-double-key')).toBe(true);
    expect(branches(repo).sort()).toEqual(record.subtasks.map((s) => s.branch).sort());
    expect(strayWorktrees(repo)).toEqual([]);
    expect(expectNoWorkerLeft(store)).toEqual([]);
  });

  it('a request to run a command outside the sandbox is refused by codex exec: the attempt ends in needs input, with what was asked, and the job waits for the person', async () => {
    const { fake, repo, store, engine, input } = await codexWorld(() => [
      { shell: 'touch /etc/reposcout-escalated', escalate: 'The migration must write /etc' },
      { text: 'I could not write /etc: may I run it outside the sandbox?' },
    ]);
    const { job, done } = await engine.start(input({ task: 'Migrate the settings' }));
    await until(() => !['planned', 'running'].includes(engine.summary(job.id).state), 120_000);
    const record = engine.get(job.id);
    const st = record.subtasks[0]!;
    expect(st.state, st.message ?? '').toBe('needs_input');
    expect(st.message).toBe('Codex wanted to run a command outside its sandbox, which codex exec refuses. See its final message.');
    const a = st.attempts[0]!;
    expect(a.state).toBe('needs_input');
    expect(a.finalMessage).toBe('I could not write /etc: may I run it outside the sandbox?');
    expect(a.message).toBe('Codex wanted to run a command outside its sandbox, which codex exec refuses.');
    // The refusal reached the model as the tool's output, and nothing ran.
    expect(JSON.stringify(toolResults(fake.requests.at(-1)!))).toMatch(/cannot ask for escalated permissions/);
    expect(fs.existsSync('/etc/reposcout-escalated')).toBe(false);
    expect(record.state).toBe('needs_input');
    // Declined, the job ends cancelled: nothing failed, the person chose.
    engine.decide(job.id, undefined, 'rejected', 'cli', 'not outside the sandbox');
    await done;
    expect(engine.summary(job.id).state).toBe('cancelled');
    expect(strayWorktrees(repo)).toEqual([]);
    expect(expectNoWorkerLeft(store)).toEqual([]);
  });
});

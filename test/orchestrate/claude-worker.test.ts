import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createOrchestrator } from '../../shared/orchestrate/engine';
import { planInputSchema } from '../../shared/protocol/orchestrate';
import { firstUserText, startFakeAnthropic, type FakeAnthropic, type MessagesRequest, type Step } from '../fake-anthropic/server';
import { branches, type Cleanups, expectNoWorkerLeft, listItemIn, repoAndStore, strayWorktrees } from './support';

// End to end with the REAL Claude Code binary (devDependency @anthropic-ai/claude-code),
// pointed at a loopback fake of the Anthropic Messages API: it runs offline.
const CLAUDE = path.resolve(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'claude');

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

/** The working directory Claude Code reports in its system prompt. */
function cwdOf(request: MessagesRequest): string {
  const match = /Primary working directory: ([^\s"\\]+)/.exec(JSON.stringify(request));
  if (!match) throw new Error('no working directory in the request');
  return match[1]!;
}

/** The list item RepoScout gave the worker as data. */
const itemOf = (request: MessagesRequest): string => listItemIn(firstUserText(request));

/** Processes whose command line contains `marker` (the test's background sleep). */
function processesWith(marker: string): number[] {
  return fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
    try {
      return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(marker) && !fs.readFileSync(`/proc/${p}/stat`, 'utf8').includes(') Z ');
    } catch {
      return false;
    }
  }).map(Number);
}

async function setup(script: (request: MessagesRequest) => Step[]) {
  const fake: FakeAnthropic = await startFakeAnthropic(script);
  cleanups.push(() => fake.close());
  const { repo, dir, store } = repoAndStore(cleanups, 'reposcout-claude-');
  const engine = createOrchestrator({
    store,
    pollMs: 50,
    process: {
      killDelayMs: 1_000,
      workerEnv: {
        ANTHROPIC_BASE_URL: fake.url,
        ANTHROPIC_API_KEY: 'sk-ant-fake-for-tests',
        HOME: dir, // Claude Code keeps its settings in HOME; never the developer's own
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        DISABLE_AUTOUPDATER: '1',
      },
    },
  });
  cleanups.push(() => engine.close());
  const input = (raw: Record<string, unknown>) =>
    planInputSchema.parse({
      repository: repo.dir,
      worker: { kind: 'claude', binary: CLAUDE, allowedTools: ['Write', 'Bash(git:*)', 'Bash(sleep:*)'], permissionMode: 'acceptEdits' },
      approveAt: 'destructive',
      ...raw,
    });
  return { fake, repo, store, engine, input };
}

describe('Claude Code worker, real binary against a fake Anthropic API', () => {
  it('three workers in parallel worktrees each write a file and commit it on their own branch', async () => {
    const { fake, repo, store, engine, input } = await setup((request) => {
      const item = itemOf(request);
      return [
        { tool: 'Write', input: { file_path: `${cwdOf(request)}/notes/${item}.md`, content: `# ${item}\n\nWritten by Claude Code.\n` } },
        { tool: 'Bash', input: { command: `git add -A && git -c user.name=Claude -c user.email=claude@example.com commit -q -m "notes for ${item}"`, description: 'commit' } },
        { text: `Wrote notes/${item}.md and committed it.` },
      ];
    });
    const { job, done } = await engine.start(input({ task: 'Write a note for the item', split: { by: 'list', items: ['alpha', 'beta', 'gamma'] }, concurrency: 3 }));
    await done;
    const record = engine.get(job.id);
    expect(record.state, JSON.stringify(record.subtasks.map((s) => [s.message, s.attempts.at(-1)?.message]))).toBe('succeeded');
    for (const st of record.subtasks) {
      const a = st.attempts[0]!;
      expect(a.finalMessage).toBe(`Wrote notes/${st.key}.md and committed it.`);
      expect(a.sessionId).toMatch(/^[0-9a-f-]{36}$/);
      expect(a.turns).toBe(3);
      expect(a.costUsd).toBeGreaterThan(0);
      expect(a.inputTokens).toBeGreaterThan(0);
      expect(a.outputTokens).toBeGreaterThan(0);
      // The commit is Claude's own (its Bash call), on the subtask's branch.
      expect(repo.git('log', '-1', '--format=%an %s', st.branch!).trim()).toBe(`Claude notes for ${st.key}`);
      expect(repo.git('show', `${st.branch!}:notes/${st.key}.md`)).toContain('Written by Claude Code.');
      expect(a.diff!.files.map((f) => f.path)).toEqual([`notes/${st.key}.md`]);
      const kinds = engine.log(job.id, st.key).events.map((e) => e.kind);
      expect(kinds).toEqual(expect.arrayContaining(['init', 'tool', 'tool_result', 'result']));
    }
    // Three conversations ran at once: each asked for its own item.
    expect(new Set(fake.requests.filter((r) => r.tools?.length).map(itemOf))).toEqual(new Set(['alpha', 'beta', 'gamma']));
    expect(branches(repo).sort()).toEqual(record.subtasks.map((s) => s.branch).sort());
    expect(strayWorktrees(repo)).toEqual([]);
    expect(expectNoWorkerLeft(store)).toEqual([]);
  });

  it('a worker that stays alive after its result (a background command) is ended after the grace, with its children', async () => {
    const marker = `${30 + Math.floor(Math.random() * 1000) / 1000}`;
    const { repo, store, engine, input } = await setup((request) => [
      { tool: 'Write', input: { file_path: `${cwdOf(request)}/done.txt`, content: 'done\n' } },
      { tool: 'Bash', input: { command: `sleep ${marker}`, description: 'wait in the background', run_in_background: true } },
      { text: 'Finished; a background command is still running.' },
    ]);
    const started = Date.now();
    const { job, done } = await engine.start(input({ task: 'Write done.txt' }));
    await done;
    const st = engine.get(job.id).subtasks[0]!;
    expect(st.state, st.message ?? '').toBe('succeeded');
    expect(st.attempts[0]!.finalMessage).toBe('Finished; a background command is still running.');
    // The background sleep would keep Claude Code alive for 30 s; the grace is 3 s.
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(processesWith(`sleep ${marker}`)).toEqual([]);
    expect(repo.git('show', `${st.branch!}:done.txt`)).toBe('done\n');
    expect(strayWorktrees(repo)).toEqual([]);
    expect(expectNoWorkerLeft(store)).toEqual([]);
  });
});

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../mcp-server/server/http';
import { silentLogger } from '../../mcp-server/server/logger';
import { processStartTime } from '../../shared/orchestrate/process-identity';
import { CLI } from '../helpers/cli';
import { tempDir } from '../helpers/git-fixture';
import { buildEngineProcess, ENGINE_PROCESS, expectNoWorkerLeft, FAKE_WORKER, strayWorktrees, until, workerRecorded, world, type World } from './support';

// Needs dist/reposcout.mjs (npm run build): the MCP server runs as the real bundle.
beforeAll(buildEngineProcess);

let w: World | null = null;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  if (w) {
    expect(expectNoWorkerLeft(w.store)).toEqual([]);
    expect(strayWorktrees(w.repo)).toEqual([]);
  }
  await w?.dispose();
  w = null;
});

/** Starts a job in its own engine process and kills that process (SIGKILL) while the worker hangs. */
async function killEngineMidJob(world: World, retries: number): Promise<{ jobId: string; workerPid: number }> {
  const marker = path.join(tempDir(), 'hung');
  // worker.binary: the MCP server resuming the job finds the fake worker without test settings.
  const input = world.input({ task: `x [[fake hang-once=${marker} edit=done.txt]]`, worker: { kind: 'fake', binary: FAKE_WORKER }, retries });
  const child = spawn(process.execPath, [ENGINE_PROCESS, world.dbPath, JSON.stringify(input), FAKE_WORKER], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  await until(() => fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') !== '' && stdout.includes('\n'));
  await until(() => workerRecorded(world.store, Number(fs.readFileSync(marker, 'utf8'))));
  child.kill('SIGKILL');
  await new Promise((r) => child.once('close', r));
  return { jobId: stdout.trim(), workerPid: Number(fs.readFileSync(marker, 'utf8')) };
}

/** A real `reposcout mcp` over stdio, connected (handshake done) and never asked anything. */
async function mcpServer(dbPath: string, toolsets: string, extra: string[] = []): Promise<{ stderr: () => string }> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', '--db', dbPath, '--toolsets', toolsets, ...extra], stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = new Client({ name: 'recovery-test', version: '1.0.0' });
  await client.connect(transport);
  closers.push(() => client.close());
  return { stderr: () => stderr };
}

describe('an MCP server starting with the orchestrate toolset settles jobs a dead RepoScout left, with no tool call', () => {
  it('retries the interrupted attempt when the job allows it, and finishes the job', async () => {
    w = world();
    const { jobId, workerPid } = await killEngineMidJob(w, 1);
    expect(processStartTime(workerPid)).not.toBeNull();
    const server = await mcpServer(w.dbPath, 'orchestrate');
    await until(() => ['succeeded', 'failed'].includes(w!.engine.summary(jobId).state), 30_000);
    const job = w.engine.get(jobId);
    expect(job.state, job.message ?? '').toBe('succeeded');
    expect(job.subtasks[0]!.attempts.map((a) => [a.state, a.failure?.kind ?? null])).toEqual([
      ['interrupted', 'engine_died'],
      ['succeeded', null],
    ]);
    expect(processStartTime(workerPid)).toBeNull();
    expect(server.stderr()).toContain(`resuming job ${jobId}`);
  });

  it('fails the subtask when the job allows no retry', async () => {
    w = world();
    const { jobId, workerPid } = await killEngineMidJob(w, 0);
    await mcpServer(w.dbPath, 'default,orchestrate');
    await until(() => ['succeeded', 'failed'].includes(w!.engine.summary(jobId).state), 30_000);
    const job = w.engine.get(jobId);
    expect(job.state).toBe('failed');
    expect(job.subtasks[0]).toMatchObject({ state: 'failed', message: expect.stringMatching(/interrupted when RepoScout stopped, and the job allows no more retries/) });
    expect(job.subtasks[0]!.attempts.map((a) => a.state)).toEqual(['interrupted']);
    expect(processStartTime(workerPid)).toBeNull();
  });

  it('over HTTP too, as soon as the port listens', async () => {
    w = world();
    const { jobId, workerPid } = await killEngineMidJob(w, 1);
    const running = await startHttpServer({ store: w.store, log: silentLogger, toolsets: ['orchestrate'], readOnly: false, host: '127.0.0.1', port: 0, token: 't'.repeat(32) });
    closers.push(() => running.close());
    await until(() => ['succeeded', 'failed'].includes(w!.engine.summary(jobId).state), 30_000);
    expect(w.engine.get(jobId).subtasks[0]!.attempts.map((a) => a.state)).toEqual(['interrupted', 'succeeded']);
    expect(running.sessionCount()).toBe(0);
    expect(processStartTime(workerPid)).toBeNull();
  });

  it('a read-only server leaves them alone: it only reads jobs', async () => {
    w = world();
    const { jobId, workerPid } = await killEngineMidJob(w, 1);
    await mcpServer(w.dbPath, 'orchestrate', ['--read-only']);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(w.engine.summary(jobId).state).toBe('running');
    expect(processStartTime(workerPid)).not.toBeNull();
    // This test's own engine settles it, so nothing is left behind.
    expect((await w.engine.recover()).jobs).toEqual([jobId]);
  });
});

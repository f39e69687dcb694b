import type { AttemptRecord, JobRecord, SubtaskRecord } from '../../shared/protocol';

// Job records for the extension's unit tests (the shape get_job answers with).

export function attempt(over: Partial<AttemptRecord> = {}): AttemptRecord {
  return {
    id: 1, number: 1, state: 'succeeded', worker: 'command', branch: 'reposcout/j1/a', startedAt: '2026-11-30T06:00:00.000Z', finishedAt: '2026-11-30T06:00:02.500Z', durationMs: 2500,
    exitCode: 0, signal: null, failure: null, message: null, finalMessage: 'done', sessionId: null, turns: 1, costUsd: 0.0012, inputTokens: 10, outputTokens: 5,
    commit: 'c0ffee0000000000000000000000000000000000', diff: { files: [{ path: 'a.txt', insertions: 1, deletions: 0 }], insertions: 1, deletions: 0 }, events: 3, logPath: null,
    ...over,
  };
}

export function subtask(over: Partial<SubtaskRecord> = {}): SubtaskRecord {
  return {
    key: 'a', state: 'succeeded', instruction: 'edit a', data: null, expectedFiles: [], overlapsWith: [], mergeRiskWith: [],
    safety: { class: 'run_commands', reason: 'runs-commands: the worker can run commands' }, message: null, branch: 'reposcout/j1/a', noBranch: null, attempts: [attempt()], decisions: [],
    ...over,
  };
}

export function job(over: Partial<JobRecord> = {}): JobRecord {
  return {
    id: 'j1', task: 'Fix <img src=x onerror=alert(1)>\nthe parser', repository: '/repo', baseCommit: 'b'.repeat(40), worker: 'command', state: 'running', message: null,
    createdAt: '2026-11-30T06:00:00.000Z', startedAt: '2026-11-30T06:00:00.100Z', finishedAt: null, counts: { running: 1, succeeded: 1 }, costUsd: 0.0012,
    concurrency: 2, approveAt: 'network', subtasks: [subtask()],
    ...over,
  };
}

import { describe, expect, it } from 'vitest';
import { attempt, job, subtask } from '../views/job-fixtures';
import { toJobReportModel } from './job-model';
import { jobReportModelSchema, parseMessage, toHostSchema, toWebviewSchema } from './protocol';

describe('job report model', () => {
  it('carries subtasks, attempts, durations, cost, tokens and diff summaries within the protocol', () => {
    const model = toJobReportModel(job({ subtasks: [subtask(), subtask({ key: 'b', attempts: [attempt({ inputTokens: 100, outputTokens: null, costUsd: null })] })] }), Date.parse('2026-11-30T06:00:10.100Z'));
    expect(jobReportModelSchema.safeParse(model).success).toBe(true);
    expect(parseMessage(toWebviewSchema, { type: 'job', model }).ok).toBe(true);
    expect(model).toMatchObject({ id: 'j1', durationMs: 10_000, tokens: 115, counts: [{ state: 'running', count: 1 }, { state: 'succeeded', count: 1 }] });
    expect(model.subtasks[0]?.attempts[0]).toMatchObject({ durationMs: 2500, exit: 'exit 0', costUsd: 0.0012, diff: { insertions: 1 } });
    // Task text is kept as it was, to be shown as text.
    expect(model.task).toBe('Fix <img src=x onerror=alert(1)>\nthe parser');
  });

  it('lists merge risks: pairs of subtasks whose latest attempts changed the same files', () => {
    const both = { files: [{ path: 'shared.ts', insertions: 1, deletions: 1 }, { path: 'a.ts', insertions: 1, deletions: 0 }], insertions: 2, deletions: 1 };
    const model = toJobReportModel(job({ subtasks: [subtask({ key: 'a', attempts: [attempt({ diff: both })] }), subtask({ key: 'b', attempts: [attempt({ diff: { ...both, files: [both.files[0]!] } })] }), subtask({ key: 'c', attempts: [] })] }));
    expect(model.mergeRisks).toEqual([{ a: 'a', b: 'b', files: ['shared.ts'] }]);
  });

  it('carries a subtask without a branch as null with the reason, for the report to say so', () => {
    const model = toJobReportModel(job({ state: 'needs_input', subtasks: [subtask({ state: 'needs_input', branch: null, noBranch: 'no changes: the worker changed no file, so its empty branch was deleted' })] }));
    expect(jobReportModelSchema.safeParse(model).success).toBe(true);
    expect(model.subtasks[0]).toMatchObject({ branch: null, noBranch: 'no changes: the worker changed no file, so its empty branch was deleted' });
  });

  it('bounds untrusted text to what the protocol accepts', () => {
    const model = toJobReportModel(job({ task: 'x'.repeat(30_000), subtasks: [subtask({ attempts: [attempt({ finalMessage: 'y'.repeat(10_000) })] })] }));
    expect(model.task.length).toBe(20_000);
    expect(model.subtasks[0]?.attempts[0]?.finalMessage?.length).toBe(4000);
    expect(jobReportModelSchema.safeParse(model).success).toBe(true);
  });

  it('accepts job actions from the webview only in their shape', () => {
    expect(parseMessage(toHostSchema, { type: 'openAttemptDiff', jobId: 'j1', subtask: 'a', attempt: 1 }).ok).toBe(true);
    expect(parseMessage(toHostSchema, { type: 'approveSubtask', jobId: 'j1' }).ok).toBe(false);
  });
});

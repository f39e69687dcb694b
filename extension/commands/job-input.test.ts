import { describe, expect, it } from 'vitest';
import { planInputSchema, type Plan } from '../../shared/protocol';
import { parseCommandLine, planInput, planSummary, splitList, type StartAnswers } from './job-input';

const answers = (over: Partial<StartAnswers> = {}): StartAnswers => ({ repository: '/repo', task: 'Add checks', split: 'none', splitValue: '', worker: 'claude', command: [], concurrency: 4, ...over });

describe('Start Job answers', () => {
  it('become plan_job input the contract accepts, for every split', () => {
    const cases: [Partial<StartAnswers>, unknown][] = [
      [{}, { task: 'Add checks', repository: '/repo', concurrency: 4, worker: { kind: 'claude' } }],
      [{ split: 'subtasks', splitValue: ' edit a | | edit b ' }, { subtasks: [{ instruction: 'edit a' }, { instruction: 'edit b' }] }],
      [{ split: 'list', splitValue: 'x|y' }, { split: { by: 'list', items: ['x', 'y'] } }],
      [{ split: 'package', splitValue: '' }, { split: { by: 'package' } }],
      [{ split: 'directory', splitValue: 'src/*' }, { split: { by: 'directory', pattern: 'src/*' } }],
      [{ split: 'glob', splitValue: '**/*.ts' }, { split: { by: 'glob', pattern: '**/*.ts' } }],
      [{ worker: 'command', command: ['node', 'fix.mjs'] }, { worker: { kind: 'command', command: ['node', 'fix.mjs'] } }],
    ];
    for (const [over, expected] of cases) {
      const input = planInput(answers(over));
      expect(input).toMatchObject(expected as object);
      expect(planInputSchema.safeParse(input).success).toBe(true);
    }
  });

  it('read a command as words or as a JSON array, never through a shell', () => {
    expect(parseCommandLine(' node  fix.mjs --fast ')).toEqual(['node', 'fix.mjs', '--fast']);
    expect(parseCommandLine('["/opt/my node/bin/node", "a b.mjs"]')).toEqual(['/opt/my node/bin/node', 'a b.mjs']);
    expect(parseCommandLine('echo $(rm -rf ~)')).toEqual(['echo', '$(rm', '-rf', '~)']);
    for (const bad of ['', '   ', '[]', '["a", 1]', '[""]', '[not json']) expect(parseCommandLine(bad)).toBeNull();
    expect(splitList('a|b||c ')).toEqual(['a', 'b', 'c']);
  });

  it('summarise the plan for the confirmation: classes, approvals, overlaps, warnings', () => {
    const plan: Plan = {
      repository: '/repo', base: 'HEAD', baseCommit: 'a'.repeat(40), worker: 'command', warnings: ['2 subtasks expect to change the same files.'],
      subtasks: [
        { key: 's1', instruction: 'x', data: null, expectedFiles: [], overlapsWith: ['s2'], safety: { class: 'run_commands', reason: 'r', needsApproval: false }, branch: 'reposcout/JOB/s1' },
        { key: 's2', instruction: 'curl y', data: { item: 'y' }, expectedFiles: [], overlapsWith: ['s1'], safety: { class: 'network', reason: 'r', needsApproval: true }, branch: 'reposcout/JOB/s2' },
      ],
    };
    const { message, detail } = planSummary(plan);
    expect(message).toBe(`Start 2 subtasks with the command worker from ${'a'.repeat(12)}? 1 will wait for your approval.`);
    expect(detail).toContain('• s1: run commands; overlaps s2');
    expect(detail).toContain('• s2 [{"item":"y"}]: network, waits for approval; overlaps s1');
    expect(detail).toContain('Warning: 2 subtasks expect to change the same files.');
  });
});

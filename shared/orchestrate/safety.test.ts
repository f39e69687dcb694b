import { describe, expect, it } from 'vitest';
import { workerOptionsSchema, type WorkerOptions } from '../protocol/orchestrate';
import { judge } from './safety';

const worker = (w: Partial<WorkerOptions>) => workerOptionsSchema.parse({ kind: 'claude', ...w });

describe('safety judge', () => {
  it.each([
    ['Summarise the module', {}, 'read_only'],
    ['Add tests', { allowedTools: ['Read', 'Edit'] }, 'write_worktree'],
    ['Add tests', { permissionMode: 'acceptEdits' }, 'write_worktree'],
    ['Run the tests and fix them', { allowedTools: ['Bash(npm test:*)', 'Edit'] }, 'run_commands'],
    ['Fix lint', { kind: 'command', command: ['eslint', '--fix'] }, 'run_commands'],
    ['Fix lint', { kind: 'codex' }, 'run_commands'],
    ['Explain', { kind: 'codex', sandbox: 'read-only' }, 'read_only'],
    ['Check the docs at https://example.com', {}, 'network'],
    ['Research it', { allowedTools: ['WebFetch'] }, 'network'],
    ['Then git push the branch', { allowedTools: ['Bash'] }, 'network'],
    ['Clean up with rm -rf build', { allowedTools: ['Bash'] }, 'destructive'],
    ['Tidy ~/.bashrc', {}, 'destructive'],
    ['Anything', { permissionMode: 'bypassPermissions' }, 'destructive'],
    ['Anything', { kind: 'codex', sandbox: 'danger-full-access' }, 'destructive'],
  ] as const)('%s with %j is %s', (instruction, w, expected) => {
    const verdict = judge({ instruction, worker: worker(w as Partial<WorkerOptions>) }, 'network');
    expect(verdict.class).toBe(expected);
    expect(verdict.needsApproval).toBe(['network', 'destructive'].includes(expected));
    expect(verdict.reason.length).toBeGreaterThan(20);
  });
});

import { describe, expect, it } from 'vitest';
import { RepoScoutError } from '../../shared/errors';
import type { Logger } from './logger';
import { errorResult } from './tool-results';

function recorder(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
}

describe('errorResult', () => {
  it('turns an engine error into its code, its sentence and a next step', () => {
    const result = errorResult(new RepoScoutError('DB_BUSY', 'The database is locked.'), 'x', recorder());
    expect(result).toEqual({ isError: true, content: [{ type: 'text', text: 'DB_BUSY: The database is locked. Wait a few seconds and call the tool again.' }] });
  });

  it('rewords CLI advice as tool advice', () => {
    const result = errorResult(new RepoScoutError('NOT_RESEARCHED', '/r has not been researched yet; run "reposcout research /r" first.'), 'x', recorder());
    expect(result.content[0]).toMatchObject({ text: 'NOT_RESEARCHED: /r has not been researched yet; call analyze_local_repository with path /r first.' });
  });

  it('keeps stack traces in the log and out of the answer', () => {
    const log = recorder();
    const error = new TypeError("Cannot read properties of undefined (reading 'x')");
    const result = errorResult(error, 'get_repository', log);
    const text = (result.content[0] as { text: string }).text;
    expect(result.isError).toBe(true);
    expect(text).toMatch(/^INTERNAL: get_repository failed inside RepoScout \(Cannot read properties/);
    expect(text).not.toContain(' at ');
    expect(log.lines.join('\n')).toContain(error.stack!.split('\n')[1]!.trim());
  });
});

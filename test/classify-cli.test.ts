import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli';
import { tempDir } from './helpers/git-fixture';

const cleanup: string[] = [];
afterEach(() => {
  for (const dir of cleanup.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function write(lines: string[]): string {
  const dir = tempDir('reposcout-classify-');
  cleanup.push(dir);
  const file = path.join(dir, 'prs.jsonl');
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

describe('reposcout classify', () => {
  it('prints one JSON line per record with id, class, confidence and rule; label is ignored', () => {
    const file = write([
      JSON.stringify({ id: 'o/r#1', repository: 'o/r', title: 'explain the cache option', files: [{ path: 'docs/cache.md', additions: 4, deletions: 1 }], label: 'fix' }),
      JSON.stringify({ id: 'o/r#2', title: 'feat: watch mode', files: [] }),
    ]);
    const result = runCli(['classify', file]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { id: 'o/r#1', class: 'docs', confidence: expect.any(Number), rule: 'paths-docs' },
      { id: 'o/r#2', class: 'feature', confidence: expect.any(Number), rule: 'conventional-prefix' },
    ]);
  });

  it('names each bad line and still classifies the others', () => {
    const file = write(['{"id": "a", "title": "fix: x", "files": []}', 'oops', '{"id": "b", "title": 3, "files": []}']);
    const result = runCli(['classify', file]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('line 2: not valid JSON');
    expect(result.stderr).toContain('line 3: title:');
    expect(result.stderr).toContain('skipped 2 bad lines');
  });

  it('refuses a missing file and a file with nothing usable', () => {
    const missing = runCli(['classify', '/nonexistent/prs.jsonl']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No such file');
    const bad = runCli(['classify', write(['nope'])]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('No line of');
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isRepoScoutError } from '../../shared/errors';
import { tempDir } from '../../test/helpers/git-fixture';
import { resolveToken } from './token';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tokenFile(content: string): string {
  const dir = tempDir();
  dirs.push(dir);
  const file = path.join(dir, 'token');
  fs.writeFileSync(file, content);
  return file;
}

describe('resolveToken', () => {
  it('prefers --token-file, trimming the trailing newline', () => {
    expect(resolveToken(tokenFile('file-token-0123456789\n'), { REPOSCOUT_MCP_TOKEN: 'env-token-0123456789' })).toEqual({ token: 'file-token-0123456789', source: 'file' });
  });

  it('then REPOSCOUT_MCP_TOKEN', () => {
    expect(resolveToken(undefined, { REPOSCOUT_MCP_TOKEN: ' env-token-0123456789 ' })).toEqual({ token: 'env-token-0123456789', source: 'env' });
  });

  it('else generates a fresh 256-bit token each time', () => {
    const a = resolveToken(undefined, {});
    const b = resolveToken(undefined, { REPOSCOUT_MCP_TOKEN: '' });
    expect(a.source).toBe('generated');
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
  });

  it.each([
    ['a short token', () => resolveToken(undefined, { REPOSCOUT_MCP_TOKEN: 'short' }), 'INVALID_INPUT', /at least 16 characters/],
    ['a token with spaces', () => resolveToken(tokenFile('two words and more text'), {}), 'INVALID_INPUT', /no spaces/],
    ['an empty file', () => resolveToken(tokenFile('\n'), {}), 'INVALID_INPUT', /at least 16/],
    ['a missing file', () => resolveToken('/no/such/file', {}), 'PATH_NOT_FOUND', /Cannot read --token-file \/no\/such\/file \(ENOENT\)/],
  ] as const)('refuses %s', (_label, run, code, message) => {
    try {
      run();
      expect.unreachable();
    } catch (error) {
      expect(isRepoScoutError(error, code)).toBe(true);
      expect((error as Error).message).toMatch(message);
    }
  });
});

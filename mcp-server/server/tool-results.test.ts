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
    expect(result).toEqual({
      isError: true,
      content: [{ type: 'text', text: 'DB_BUSY: The database is locked. Wait a few seconds and call the tool again.' }],
      structuredContent: { error: { code: 'DB_BUSY', message: 'The database is locked.', next: 'Wait a few seconds and call the tool again.', remedy: null } },
    });
  });

  it.each([
    [{ do: 'research_local', path: '/r' }, 'Call analyze_local_repository with path "/r" first.'],
    [{ do: 'research_owner', owner: 'acme' }, 'Call research_organization with owner "acme" first.'],
    [{ do: 'ingest', target: 'acme/x', host: null }, 'Call ingest_github with target "acme/x" first (it researches too).'],
    [{ do: 'retry' }, 'Call the tool again to finish.'],
  ] as const)('words the remedy %j as a tool call, and carries it as data', (remedy, next) => {
    const result = errorResult(new RepoScoutError('NOT_RESEARCHED', 'Not yet.', { remedy }), 'x', recorder());
    expect(result.structuredContent).toEqual({ error: { code: 'NOT_RESEARCHED', message: 'Not yet.', next, remedy } });
    expect(result.content[0]).toMatchObject({ text: `NOT_RESEARCHED: Not yet. ${next}` });
  });

  it.each([
    [
      'GITHUB_RATE_LIMITED',
      "GitHub's rate limit is used up until 2026-06-01T13:00:00Z while listing acme; everything finished so far is stored — run \"reposcout ingest acme\" again to resume after that time.",
      /call ingest_github with target "acme" again to resume \(it continues where it stopped\) after that time\. Tell the user when it can continue/,
    ],
    [
      'GITHUB_AUTH',
      'GitHub rejected the token (401 Bad credentials): it is wrong, expired or revoked. Create a new token and pass it in GITHUB_TOKEN or --token-file, then run "reposcout ingest acme/x" again to resume.',
      /Create a new token and set GITHUB_TOKEN or GH_TOKEN in the RepoScout server's environment, then call ingest_github with target "acme\/x" again.*This needs the user/,
    ],
    ['NOT_RESEARCHED', 'Nothing about "acme" on ghe.example is stored yet; run "reposcout ingest acme --github-host ghe.example" first.', /call ingest_github with target "acme" first\.$/],
    ['INVALID_INPUT', '--github-host "x y" is not a host name; pass something like github.example.com.', /^INVALID_INPUT: REPOSCOUT_GITHUB_HOST "x y"/],
  ] as const)('rewords GitHub advice for %s as tool advice', (code, message, expected) => {
    const text = (errorResult(new RepoScoutError(code, message), 'x', recorder()).content[0] as { text: string }).text;
    expect(text).toMatch(expected);
    expect(text).not.toMatch(/reposcout (ingest|research)|--token-file|--github-host/);
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

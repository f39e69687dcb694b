import { describe, expect, it } from 'vitest';
import { RepoScoutError } from '../../shared/errors';
import type { Logger } from './logger';
import { INPUT_NAMES } from '../../shared/protocol/errors';
import { errorResult, toolNextStep } from './tool-results';

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
    [{ do: 'research_local', path: null }, 'Call analyze_local_repository with the path of a local clone first.'],
    [{ do: 'research_owner', owner: 'acme' }, 'Call research_organization with owner "acme" first.'],
    [{ do: 'ingest', target: 'acme/x', host: null }, 'Call ingest_github with target "acme/x" first (it researches too).'],
    [{ do: 'ingest', target: 'acme', host: null, resume: true }, 'Call ingest_github with target "acme" again to resume; it continues where it stopped.'],
    [
      { do: 'ingest', target: 'acme', host: 'ghe.example' },
      'Call ingest_github with target "acme" first (it researches too) (on ghe.example: the server needs REPOSCOUT_GITHUB_HOST=ghe.example).',
    ],
    [{ do: 'retry' }, 'Call the tool again to finish.'],
    [{ do: 'add_repository' }, 'Add repositories with analyze_local_repository (a local clone) or ingest_github; exported records need the user to run "reposcout import <file>".'],
    [
      { do: 'github_token', then: { do: 'ingest', target: 'acme/x', host: null, resume: true } },
      'This needs the user: give the RepoScout server a GitHub token that can read it, in GITHUB_TOKEN or GH_TOKEN; then call ingest_github with target "acme/x" again to resume; it continues where it stopped.',
    ],
    [{ do: 'github_token', then: { do: 'retry' } }, 'This needs the user: give the RepoScout server a GitHub token that can read it, in GITHUB_TOKEN or GH_TOKEN; then call the tool again to finish.'],
    [{ do: 'fix_input', input: 'windowMonths' }, 'Pass another windowMonths.'],
    [{ do: 'fix_input', input: 'searchMode' }, 'Pass mode "bm25" or "hybrid".'],
    [{ do: 'fix_input', input: 'githubHost' }, "This needs the user: fix REPOSCOUT_GITHUB_HOST in the RepoScout server's environment."],
    [{ do: 'fix_input', input: 'db' }, 'This needs the user: start the RepoScout server with another database (--db or REPOSCOUT_DB).'],
    [{ do: 'list', what: 'memories' }, 'Call list_memories or recall to find memory ids.'],
    [{ do: 'list', what: 'jobs' }, 'Call list_jobs to find job ids.'],
    [{ do: 'rebuild_vectors' }, 'This needs the user: rebuild the vectors with "reposcout embed --rebuild".'],
  ] as const)('words the remedy %j as a tool call, and carries it as data', (remedy, next) => {
    const result = errorResult(new RepoScoutError('NOT_RESEARCHED', 'Not yet.', { remedy }), 'x', recorder());
    expect(result.structuredContent).toEqual({ error: { code: 'NOT_RESEARCHED', message: 'Not yet.', next, remedy } });
    expect(result.content[0]).toMatchObject({ text: `NOT_RESEARCHED: Not yet. ${next}` });
  });

  it('leaves to the user, on the command line, a step that needs a tool this server does not offer', () => {
    const readOnly = new Set(['get_repository', 'get_organization']);
    expect(toolNextStep({ do: 'research_owner', owner: 'acme' }, readOnly)).toBe('This needs the user: research it with "reposcout research acme" (this server does not offer that).');
    expect(toolNextStep({ do: 'ingest', target: 'acme', host: 'ghe.example' }, readOnly)).toBe(
      'This needs the user: research it with "reposcout research acme --github-host ghe.example" (this server does not offer that).',
    );
    expect(toolNextStep({ do: 'add_repository' }, new Set(['ingest_github']))).toBe('Add repositories with ingest_github; exported records need the user to run "reposcout import <file>".');
  });

  it('words every input a fix_input remedy can name', () => {
    for (const input of INPUT_NAMES) expect(toolNextStep({ do: 'fix_input', input })).toMatch(/^[A-Z].*\.$/);
  });

  it('keeps the engine sentence as it is, and says advice about the code before the remedy', () => {
    const message = "GitHub's rate limit is used up until 2026-06-01T13:00:00Z while listing acme; everything finished so far is stored; carry on after that time.";
    const result = errorResult(new RepoScoutError('GITHUB_RATE_LIMITED', message, { remedy: { do: 'ingest', target: 'acme', host: null, resume: true } }), 'x', recorder());
    expect(result.structuredContent).toMatchObject({
      error: { message, next: 'Tell the user when it can continue. Call ingest_github with target "acme" again to resume; it continues where it stopped.' },
    });
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

import { describe, expect, it } from 'vitest';
import { INPUT_NAMES } from '../../shared/protocol/errors';
import { cliNextStep } from './next-step';

describe('cliNextStep', () => {
  it.each([
    [null, null],
    [{ do: 'research_local', path: '/src/app' }, 'Run "reposcout research /src/app" first.'],
    [{ do: 'research_local', path: null }, 'Run "reposcout research <path of a clone>" first.'],
    [{ do: 'research_owner', owner: 'acme' }, 'Run "reposcout research acme" first.'],
    [{ do: 'ingest', target: 'acme', host: null }, 'Run "reposcout ingest acme" first.'],
    [{ do: 'ingest', target: 'acme/x', host: 'ghe.example' }, 'Run "reposcout ingest acme/x --github-host ghe.example" first.'],
    [{ do: 'ingest', target: 'acme', host: null, resume: true }, 'Run "reposcout ingest acme" again to resume where it stopped.'],
    [{ do: 'retry' }, 'Run the command again to finish.'],
    [{ do: 'add_repository' }, 'Add repositories with "reposcout research <path of a clone>", "reposcout ingest <owner/repo>" or "reposcout import <file>".'],
    [
      { do: 'github_token', then: { do: 'ingest', target: 'acme', host: 'ghe.example', resume: true } },
      'Set GITHUB_TOKEN (or GH_TOKEN) or pass --token-file with a token that can read it, then run "reposcout ingest acme --github-host ghe.example" again to resume where it stopped.',
    ],
    [{ do: 'github_token', then: null }, 'Set GITHUB_TOKEN (or GH_TOKEN) or pass --token-file with a token that can read it.'],
    [{ do: 'fix_input', input: 'windowMonths' }, 'Pass another --window-months.'],
    [{ do: 'fix_input', input: 'searchMode' }, 'Pass --mode bm25 or --mode hybrid.'],
    [{ do: 'fix_input', input: 'db' }, 'Pass another database file with --db (or REPOSCOUT_DB).'],
    [{ do: 'list', what: 'memories' }, 'List the ids with "reposcout memories".'],
    [{ do: 'list', what: 'jobs' }, 'List the ids with "reposcout jobs list".'],
    [{ do: 'rebuild_vectors' }, 'Run "reposcout embed --rebuild".'],
  ] as const)('words %j as a command', (remedy, expected) => {
    expect(cliNextStep(remedy)).toBe(expected);
  });

  it('names a flag for every input a fix_input remedy can name', () => {
    for (const input of INPUT_NAMES) expect(cliNextStep({ do: 'fix_input', input })).toMatch(/--[a-z]/);
  });
});

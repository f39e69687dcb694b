import { describe, expect, it } from 'vitest';
import { cliNextStep } from './next-step';

describe('cliNextStep', () => {
  it.each([
    [null, null],
    [{ do: 'research_local', path: '/src/app' }, 'Run "reposcout research /src/app" first.'],
    [{ do: 'research_owner', owner: 'acme' }, 'Run "reposcout research acme" first.'],
    [{ do: 'ingest', target: 'acme', host: null }, 'Run "reposcout ingest acme" first.'],
    [{ do: 'ingest', target: 'acme/x', host: 'ghe.example' }, 'Run "reposcout ingest acme/x --github-host ghe.example" first.'],
    [{ do: 'retry' }, 'Run the command again to finish.'],
  ] as const)('words %j as a command', (remedy, expected) => {
    expect(cliNextStep(remedy)).toBe(expected);
  });
});

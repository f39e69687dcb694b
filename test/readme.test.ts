import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { healthFormulaMarkdown } from '../shared/analyses/health';
import { impactFormulaMarkdown } from '../shared/achievements/impact';

const readme = fs.readFileSync(new URL('../README.md', import.meta.url), 'utf8');

function section(name: string): string {
  const match = new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)\\n<!-- ${name}:end -->`).exec(readme);
  if (!match) throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> section`);
  return match[1]!;
}

describe('README', () => {
  it('health-score table matches the formula in shared/analyses/health.ts', () => {
    expect(section('health'), 'the README is out of date; regenerate it with "npm run readme"').toBe(healthFormulaMarkdown());
  });

  it('impact table matches the model in shared/achievements/impact.ts', () => {
    expect(section('impact'), 'the README is out of date; regenerate it with "npm run readme"').toBe(impactFormulaMarkdown());
  });

  it('states the two commands a newcomer runs', () => {
    expect(readme).toContain('npm install && npm run demo');
    expect(readme).toContain('bash test/run-all.sh');
  });

  it('CI (.ci/run) runs exactly the README\'s test command, the second of the two', () => {
    const block = /## Two commands[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const testCommand = block.split('\n')[1]?.replace(/#.*$/, '').trim();
    expect(testCommand).toBe('bash test/run-all.sh');
    const ci = fs.readFileSync(new URL('../.ci/run', import.meta.url), 'utf8');
    const commands = ci.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#') && !line.startsWith('set ') && !line.startsWith('cd '));
    expect(commands).toEqual([testCommand]);
  });
});

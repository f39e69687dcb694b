import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FixtureRoute } from './server';

interface RecordedInteraction {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string | string[]>;
  response: unknown;
}

/** Routes recorded from the real api.github.com by @octokit/fixtures, e.g. scenario 'get-repository'. */
export function octokitFixture(scenario: string): FixtureRoute[] {
  const entry = createRequire(import.meta.url).resolve('@octokit/fixtures');
  const file = path.join(path.dirname(entry), 'scenarios', 'api.github.com', scenario, 'normalized-fixture.json');
  const recorded = JSON.parse(fs.readFileSync(file, 'utf8')) as RecordedInteraction[];
  return recorded.map((r) => ({ method: r.method, path: r.path, status: r.status, headers: r.headers, response: r.response }));
}

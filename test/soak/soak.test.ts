import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The soak (npm run soak) takes minutes; this runs a small seeded one so the script itself
// stays working: random calls over stdio and HTTP, tracked memory writes from both processes,
// and a GitHub ingest under every fault the fake GitHub injects.
const SCRIPT = path.resolve(import.meta.dirname, 'run.mjs');

describe('soak script, small and seeded', () => {
  it('makes its calls with no crash, no lost or duplicated write, and an intact database', () => {
    const run = spawnSync(process.execPath, [SCRIPT, '--calls', '120', '--seed', '11', '--json'], { encoding: 'utf8', timeout: 240_000 });
    expect(run.status, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as {
      calls: number;
      crashes: number;
      memories: { remembered: number; lost: number; duplicated: number; resurrected: number; phantom: number };
      analyses: { repositoriesDuplicated: number; researchMissing: number };
      github: { faults: { fault: string; fired?: number; outcome: string }[]; repositoriesStored: number; expected: number };
      integrityCheck: string;
    };
    expect(summary.calls).toBeGreaterThanOrEqual(120);
    expect(summary.crashes).toBe(0);
    expect(summary.memories.remembered).toBeGreaterThan(0);
    expect(summary.memories).toMatchObject({ lost: 0, duplicated: 0, resurrected: 0, phantom: 0 });
    expect(summary.analyses).toEqual({ repositoriesDuplicated: 0, researchMissing: 0 });
    // Every fault kind was injected and hit a request; the final clean ingest stored the whole owner.
    expect(summary.github.faults.filter((f) => f.fired !== undefined).map((f) => f.fired! > 0)).toEqual(Array(9).fill(true));
    expect(summary.github.faults.at(-1)?.outcome).toBe('ok');
    expect(summary.github.repositoriesStored).toBe(summary.github.expected);
    expect(summary.integrityCheck).toBe('ok');
  }, 300_000);
});

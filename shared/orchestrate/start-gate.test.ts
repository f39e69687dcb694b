import { describe, expect, it } from 'vitest';
import { StartGate } from './start-gate';

describe('StartGate', () => {
  it('is idle at once with no worker starting; waits for every starting worker to run; never longer than its limit', async () => {
    const gate = new StartGate(10_000);
    await gate.idle();
    const a = gate.starting();
    const b = gate.starting();
    let woke = false;
    const waiting = gate.idle().then(() => (woke = true));
    a();
    a(); // said twice: counted once
    await new Promise((r) => setTimeout(r, 20));
    expect(woke).toBe(false);
    b();
    await waiting;
    expect(woke).toBe(true);

    const stuck = new StartGate(30);
    stuck.starting(); // a worker that never prints
    const started = Date.now();
    await stuck.idle();
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
});

/**
 * Workers that hold a slot but are not running yet: starting Node or an AI CLI takes 100 ms
 * and more of CPU. RepoScout's own git work that no worker waits for (the worktrees made ahead
 * for queued attempts, the commit and clean-up of ended ones) waits until they run, at most
 * `maxWaitMs`, so that on a machine with few cores it does not slow the starts that hold up
 * the slots.
 */
export class StartGate {
  private count = 0;
  private waiters: (() => void)[] = [];

  constructor(private readonly maxWaitMs: number) {}

  /** A worker is starting; the returned function says it runs (or will not), once. */
  starting(): () => void {
    this.count += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.count -= 1;
      if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
    };
  }

  /** Resolves when no worker is starting, or after maxWaitMs. */
  idle(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.maxWaitMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

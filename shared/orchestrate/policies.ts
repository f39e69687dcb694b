import { CircuitState, ConsecutiveBreaker, ExponentialBackoff, circuitBreaker, handleWhen, retry, type CircuitBreakerPolicy, type RetryPolicy } from 'cockatiel';
import type { FailureKind, WorkerKind } from '../protocol/orchestrate';
import type { JobStore } from './job-store';

/** An attempt that did not succeed, as the policies see it. */
export class AttemptFailure extends Error {
  override readonly name = 'AttemptFailure';
  constructor(
    readonly kind: FailureKind,
    message: string,
    /** Another attempt may succeed (a timeout, a crash, an API error), unlike bad input or a cancel. */
    readonly retryable: boolean,
  ) {
    super(message);
  }

  /** Failures that say something about the worker kind itself, which the circuit breaker counts. */
  get countsAgainstWorker(): boolean {
    return ['exit_code', 'signal', 'timeout', 'no_output', 'invalid_output', 'worker_error', 'spawn_failed'].includes(this.kind);
  }
}

export interface PolicySettings {
  /** Consecutive worker failures that open a worker kind's breaker. */
  breakerThreshold: number;
  /** How long an open breaker refuses work before it lets one attempt through. */
  breakerHalfOpenMs: number;
  retryInitialDelayMs: number;
  retryMaxDelayMs: number;
}

export const defaultPolicySettings: PolicySettings = { breakerThreshold: 5, breakerHalfOpenMs: 60_000, retryInitialDelayMs: 1_000, retryMaxDelayMs: 30_000 };

/**
 * One circuit breaker per worker kind for this engine, its state loaded from and saved to the
 * store on every change so an open breaker stays open across a restart.
 */
export function createBreakers(jobs: JobStore, settings: PolicySettings) {
  const breakers = new Map<WorkerKind, CircuitBreakerPolicy>();
  return {
    get(kind: WorkerKind): CircuitBreakerPolicy {
      const existing = breakers.get(kind);
      if (existing) return existing;
      const policy = circuitBreaker(handleWhen((error) => error instanceof AttemptFailure && error.countsAgainstWorker), {
        halfOpenAfter: settings.breakerHalfOpenMs,
        breaker: new ConsecutiveBreaker(settings.breakerThreshold),
        initialState: jobs.loadBreaker(kind),
      });
      const save = () => jobs.saveBreaker(kind, policy.toJSON(), policy.state === CircuitState.Open || policy.state === CircuitState.Isolated);
      policy.onStateChange(save);
      // Consecutive counts change without a state change; keep them too.
      policy.onFailure(save);
      policy.onSuccess(save);
      breakers.set(kind, policy);
      return policy;
    },
  };
}

export type Breakers = ReturnType<typeof createBreakers>;

/** Retries retryable attempt failures with exponential backoff and decorrelated jitter. */
export function attemptRetry(retries: number, settings: PolicySettings): RetryPolicy {
  return retry(handleWhen((error) => error instanceof AttemptFailure && error.retryable), {
    maxAttempts: retries,
    backoff: new ExponentialBackoff({ initialDelay: settings.retryInitialDelayMs, maxDelay: settings.retryMaxDelayMs }),
  });
}

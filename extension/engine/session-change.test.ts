import { describe, expect, it } from 'vitest';
import { sessionChangeNeedsRestart } from './session-change';

describe('sessionChangeNeedsRestart', () => {
  it('keeps a running engine that already has the current token (the echo of a sign-in)', () => {
    expect(sessionChangeNeedsRestart('running', 'tok-1', 'tok-1')).toBe(false);
    expect(sessionChangeNeedsRestart('starting', 'tok-1', 'tok-1')).toBe(false);
    expect(sessionChangeNeedsRestart('running', null, null)).toBe(false);
  });

  it('restarts on sign-out, sign-in or another account', () => {
    expect(sessionChangeNeedsRestart('running', 'tok-1', null)).toBe(true);
    expect(sessionChangeNeedsRestart('running', null, 'tok-1')).toBe(true);
    expect(sessionChangeNeedsRestart('running', 'tok-1', 'tok-2')).toBe(true);
    // Started before any token was read: nothing to compare with.
    expect(sessionChangeNeedsRestart('starting', undefined, null)).toBe(true);
  });

  it('always resets an engine that is not running, so a failed start is retried with the new sign-in', () => {
    expect(sessionChangeNeedsRestart('failed', 'tok-1', 'tok-1')).toBe(true);
    expect(sessionChangeNeedsRestart('stopped', null, null)).toBe(true);
  });
});

import type { EngineState } from './client';

/**
 * Whether a change of GitHub sessions must restart the engine: yes unless a running (or
 * starting) engine already has the session's current token. VS Code announces a sign-in to
 * every listener, often after the sign-in command has started a fresh engine with the new
 * token; restarting that one would cut off the work it was started for.
 */
export function sessionChangeNeedsRestart(state: EngineState, launchedWith: string | null | undefined, current: string | null): boolean {
  if (state !== 'running' && state !== 'starting') return true;
  return launchedWith !== current;
}

import type { Remedy } from '../shared/protocol';
import { CancelledError, ToolError, isCancelled } from './engine/errors';
import { EngineError } from './engine/launch';

export interface DescribedError {
  message: string;
  /** The engine could not start for a reason the reposcout.nodePath setting fixes. */
  fixNodePath: boolean;
  cancelled: boolean;
  /** Signing in to GitHub (again) is the fix: the notification offers it. */
  signIn: boolean;
}

/** The command a person runs to sign in, as the palette shows it. */
export const SIGN_IN_COMMAND = '"RepoScout: Sign in to GitHub"';

/**
 * True when VS Code's sign-in ended because the person said no: its consent prompt's Cancel
 * ("User did not consent to login."), or a provider's own cancellation ("Canceled").
 */
export function isSignInDeclined(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return /did not consent to (login|account access)/i.test(error.message) || error.name === 'Canceled' || /^cancell?ed\.?$/i.test(error.message.trim());
}

/** What a declined or cancelled GitHub sign-in leaves behind, and how to sign in later. */
export const SIGN_IN_DECLINED_MESSAGE = `GitHub sign-in was cancelled: RepoScout fetched nothing and keeps no token. Until you sign in it reads public data only; run ${SIGN_IN_COMMAND} (or Connect GitHub in the RepoScout sidebar) when you want to.`;

// Engine codes whose message already says all a person needs.
const INPUT_CODES = new Set(['NOT_A_GIT_REPOSITORY', 'PATH_NOT_FOUND', 'EMPTY_REPOSITORY', 'NOT_RESEARCHED', 'INVALID_INPUT', 'GIT_NOT_FOUND']);

/** One sentence (or two) for any failure, without stack traces. Pure: shared by notifications and webviews. */
export function describeError(error: unknown): DescribedError {
  const plain = { fixNodePath: false, cancelled: false, signIn: false };
  if (error instanceof CancelledError || isCancelled(error)) return { ...plain, message: 'Cancelled.', cancelled: true };
  if (error instanceof EngineError) return { ...plain, message: error.message, fixNodePath: error.fixedByNodePath };
  if (error instanceof ToolError) {
    // The engine words this for a server started with a token in its environment; in the
    // editor the token comes from the GitHub sign-in, so that is what to do.
    if (error.code === 'GITHUB_AUTH') {
      return { ...plain, signIn: true, message: `GitHub refused the request without a valid sign-in (${error.code}). Sign in to GitHub with ${SIGN_IN_COMMAND}, then run the command again.` };
    }
    const what = INPUT_CODES.has(error.code) ? error.message : `${error.message}${error.code === 'TOOL_ERROR' || error.code === 'INTERNAL' ? '' : ` (${error.code})`}`;
    const next = nextStepInVsCode(error.remedy);
    return { ...plain, message: next ? `${what} ${next}` : what };
  }
  const text = error instanceof Error ? error.message : String(error);
  return { ...plain, message: text.split('\n')[0]?.slice(0, 500) ?? 'Unknown error.' };
}

/** The engine's remedy (data, not words) as this extension's own commands. */
function nextStepInVsCode(remedy: Remedy | null): string | null {
  if (remedy === null) return null;
  switch (remedy.do) {
    case 'research_local':
      return 'Analyse it with "RepoScout: Analyze Workspace Repository".';
    case 'research_owner':
    case 'ingest':
      return 'Fetch and research it with "RepoScout: Ingest GitHub Owner…".';
    case 'retry':
      return 'Run it again to finish.';
  }
}

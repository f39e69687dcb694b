import type { InputName, Remedy } from '../shared/protocol';
import { CancelledError, ToolError, isCancelled } from './engine/errors';
import { EngineError } from './engine/launch';

export interface DescribedError {
  message: string;
  /** The engine could not start for a reason the reposcout.nodePath setting fixes. */
  fixNodePath: boolean;
  cancelled: boolean;
  /** Signing in to GitHub (again) is the fix: the notification offers it. */
  signIn: boolean;
  /** A setting of this extension is the fix (e.g. "reposcout.databasePath"): the notification opens it. */
  setting: string | null;
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
  const plain = { fixNodePath: false, cancelled: false, signIn: false, setting: null };
  if (error instanceof CancelledError || isCancelled(error)) return { ...plain, message: 'Cancelled.', cancelled: true };
  if (error instanceof EngineError) return { ...plain, message: error.message, fixNodePath: error.fixedByNodePath };
  if (error instanceof ToolError) {
    const what = INPUT_CODES.has(error.code) ? error.message : `${error.message}${error.code === 'TOOL_ERROR' || error.code === 'INTERNAL' ? '' : ` (${error.code})`}`;
    // In the editor the GitHub token comes from the sign-in, so signing in is the fix for a refused token.
    const remedy = error.remedy ?? (error.code === 'GITHUB_AUTH' ? { do: 'github_token' as const, then: null } : null);
    const next = nextStepInVsCode(remedy);
    return {
      ...plain,
      message: next ? `${what} ${next}` : what,
      signIn: remedy?.do === 'github_token',
      setting: remedy?.do === 'fix_input' ? (SETTING_OF[remedy.input] ?? null) : null,
    };
  }
  const text = error instanceof Error ? error.message : String(error);
  return { ...plain, message: text.split('\n')[0]?.slice(0, 500) ?? 'Unknown error.' };
}

// Inputs this extension takes from its settings; the others come from what was typed or picked.
const SETTING_OF: Partial<Record<InputName, string>> = {
  db: 'reposcout.databasePath',
  githubHost: 'reposcout.githubHost',
  modelDir: 'reposcout.modelFolder',
};

const ANALYZE = '"RepoScout: Analyze Workspace Repository"';
const INGEST = '"RepoScout: Ingest GitHub Owner…"';

/** The engine's remedy (data, not words) as this extension's own commands and settings. */
function nextStepInVsCode(remedy: Remedy | null): string | null {
  if (remedy === null) return null;
  switch (remedy.do) {
    case 'research_local':
      return `Analyse it with ${ANALYZE}.`;
    case 'research_owner':
      return `Fetch and research it with ${INGEST}.`;
    case 'ingest':
      return remedy.resume ? `Run ${INGEST} again for it to carry on where it stopped.` : `Fetch and research it with ${INGEST}.`;
    case 'retry':
      return 'Run it again to finish.';
    case 'add_repository':
      return `Add repositories with ${ANALYZE} or ${INGEST}.`;
    case 'github_token':
      return `Sign in to GitHub with ${SIGN_IN_COMMAND} (with an account that can read it), then run the command again.`;
    case 'fix_input': {
      const setting = SETTING_OF[remedy.input];
      return setting ? `Check the "${setting}" setting.` : 'Change what you entered and try again.';
    }
    case 'list':
      return remedy.what === 'memories' ? 'The Memory view in the RepoScout sidebar lists them.' : 'The Jobs view in the RepoScout sidebar lists them.';
    case 'rebuild_vectors':
      return 'Rebuild the vectors in a terminal with "reposcout embed --rebuild" on the same database.';
  }
}

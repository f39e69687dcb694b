import { CancelledError, ToolError, isCancelled } from './engine/errors';
import { EngineError } from './engine/launch';

export interface DescribedError {
  message: string;
  /** The engine could not start for a reason the reposcout.nodePath setting fixes. */
  fixNodePath: boolean;
  cancelled: boolean;
}

// Engine codes whose message already says all a person needs.
const INPUT_CODES = new Set(['NOT_A_GIT_REPOSITORY', 'PATH_NOT_FOUND', 'EMPTY_REPOSITORY', 'NOT_RESEARCHED', 'INVALID_INPUT', 'GIT_NOT_FOUND']);

/** One sentence (or two) for any failure, without stack traces. Pure: shared by notifications and webviews. */
export function describeError(error: unknown): DescribedError {
  if (error instanceof CancelledError || isCancelled(error)) return { message: 'Cancelled.', fixNodePath: false, cancelled: true };
  if (error instanceof EngineError) return { message: error.message, fixNodePath: error.fixedByNodePath, cancelled: false };
  if (error instanceof ToolError) {
    const message = INPUT_CODES.has(error.code) ? error.message : `${error.message}${error.code === 'TOOL_ERROR' || error.code === 'INTERNAL' ? '' : ` (${error.code})`}`;
    return { message: forPeople(message), fixNodePath: false, cancelled: false };
  }
  const text = error instanceof Error ? error.message : String(error);
  return { message: text.split('\n')[0]?.slice(0, 500) ?? 'Unknown error.', fixNodePath: false, cancelled: false };
}

/** The engine words its advice for agents (tool names); say it in terms of this extension's commands. */
function forPeople(message: string): string {
  return message
    .replace(/call analyze_local_repository with (?:the )?path (?:of the local clone)?/g, 'analyse it with "RepoScout: Analyze Workspace Repository"')
    .replace(/Call list_repositories to see the stored keys, or /g, '')
    .replace(/Call the tool again to finish\./g, 'Run it again to finish.')
    .replace(/ or pass the folder of a clone\./g, ', or open the folder of a clone.');
}

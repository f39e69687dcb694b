import type { Remedy } from '../shared/protocol';
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
    const what = INPUT_CODES.has(error.code) ? error.message : `${error.message}${error.code === 'TOOL_ERROR' || error.code === 'INTERNAL' ? '' : ` (${error.code})`}`;
    const next = nextStepInVsCode(error.remedy);
    return { message: next ? `${what} ${next}` : what, fixNodePath: false, cancelled: false };
  }
  const text = error instanceof Error ? error.message : String(error);
  return { message: text.split('\n')[0]?.slice(0, 500) ?? 'Unknown error.', fixNodePath: false, cancelled: false };
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

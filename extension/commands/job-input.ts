import type { Plan, PlanInputRaw, Selector } from '../../shared/protocol';

// The Start Job command's answers turned into plan_job / start_job input, and the plan shown
// for confirmation. Pure, so tested without VS Code.

export type SplitChoice = 'none' | 'subtasks' | 'package' | 'directory' | 'glob' | 'list';

export interface StartAnswers {
  repository: string;
  task: string;
  split: SplitChoice;
  /** Subtask instructions ("subtasks"), list items ("list") or a glob (package, directory, glob); empty for none. */
  splitValue: string;
  worker: 'claude' | 'codex' | 'command';
  /** The command worker's program and arguments. */
  command: string[];
  concurrency: number;
}

/** Explicit subtasks and list items are typed on one line, separated by "|". */
export const splitList = (value: string): string[] =>
  value
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * A command line as an argument array: a JSON array of strings, or words separated by spaces
 * (no shell: quotes are not interpreted, so use JSON for arguments with spaces). Null when empty
 * or not a string array.
 */
export function parseCommandLine(text: string): string[] | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      return Array.isArray(parsed) && parsed.length > 0 && parsed.every((a) => typeof a === 'string' && a !== '') ? (parsed as string[]) : null;
    } catch {
      return null;
    }
  }
  return trimmed.split(/\s+/);
}

export function planInput(a: StartAnswers): PlanInputRaw {
  const input: PlanInputRaw = {
    task: a.task,
    repository: a.repository,
    concurrency: a.concurrency,
    worker: a.worker === 'command' ? { kind: 'command', command: a.command } : { kind: a.worker },
  };
  if (a.split === 'subtasks') input.subtasks = splitList(a.splitValue).map((instruction) => ({ instruction }));
  else if (a.split === 'list') input.split = { by: 'list', items: splitList(a.splitValue) };
  else if (a.split === 'package') input.split = a.splitValue.trim() ? { by: 'package', pattern: a.splitValue.trim() } : { by: 'package' };
  else if (a.split === 'directory' || a.split === 'glob') input.split = { by: a.split, pattern: a.splitValue.trim() } as Selector;
  return input;
}

/** The plan as plain text for the confirmation dialog (untrusted parts stay text; the dialog renders no markup). */
export function planSummary(plan: Plan): { message: string; detail: string } {
  const waiting = plan.subtasks.filter((s) => s.safety.needsApproval).length;
  const message = `Start ${plan.subtasks.length} ${plan.subtasks.length === 1 ? 'subtask' : 'subtasks'} with the ${plan.worker} worker from ${plan.baseCommit.slice(0, 12)}?${waiting > 0 ? ` ${waiting} will wait for your approval.` : ''}`;
  const rows = plan.subtasks.slice(0, 30).map((s) => {
    const scope = s.data === null || s.data === undefined ? '' : ` [${JSON.stringify(s.data).slice(0, 80)}]`;
    const overlap = s.overlapsWith.length > 0 ? `; overlaps ${s.overlapsWith.join(', ')}` : '';
    return `• ${s.key}${scope}: ${s.safety.class.replace(/_/g, ' ')}${s.safety.needsApproval ? ', waits for approval' : ''}${overlap}`;
  });
  if (plan.subtasks.length > 30) rows.push(`… and ${plan.subtasks.length - 30} more`);
  const detail = [...rows, ...plan.warnings.map((w) => `Warning: ${w}`), '', 'Each subtask runs in its own git worktree on a reposcout/ branch; your working tree is not written.'].join('\n');
  return { message, detail };
}

import { safetyClasses, type SafetyClass, type SafetyVerdict, type WorkerOptions } from '../protocol/orchestrate';

/** What the judge looks at: the user's instruction and how the worker is allowed to act. */
export interface SafetyInput {
  instruction: string;
  worker: WorkerOptions;
}

/**
 * One documented rule: the class it assigns and why, when `applies`. The judge takes the
 * highest class any rule assigns. Rules read only the instruction, the allowed tools and
 * the permission mode / sandbox: never repository content.
 */
export interface SafetyRule {
  id: string;
  class: SafetyClass;
  reason: string;
  applies(input: SafetyInput): boolean;
}

const tools = (input: SafetyInput) => input.worker.allowedTools ?? [];
const hasTool = (input: SafetyInput, pattern: RegExp) => tools(input).some((t) => pattern.test(t));
const says = (input: SafetyInput, pattern: RegExp) => pattern.test(input.instruction);

export const safetyRules: readonly SafetyRule[] = [
  {
    id: 'bypass-permissions',
    class: 'destructive',
    reason: 'the worker runs with every permission check off (claude --permission-mode bypassPermissions or codex danger-full-access), so it can act outside its worktree',
    applies: (i) => i.worker.permissionMode === 'bypassPermissions' || i.worker.sandbox === 'danger-full-access',
  },
  {
    id: 'destructive-words',
    class: 'destructive',
    reason: 'the instruction asks for something destructive or outside the worktree (deleting, force-pushing, resetting history, dropping data, absolute or parent paths)',
    applies: (i) =>
      says(i, /\brm\s+-[a-z]*r|\brm\s+-[a-z]*f|\bforce[- ]push|push\s+(-f|--force)|reset\s+--hard|\bdrop\s+(table|database)\b|\btruncate\s+table\b|\bmkfs\b|\bdd\s+if=|\bsudo\b|\bchmod\s+-R\b|(^|\s)(~\/|\/etc\/|\/usr\/|\/home\/|\.\.\/)|\bdelete\s+(all|every|the\s+(repo|repository|branch|database))\b|\bgit\s+clean\s+-[a-z]*f/i),
  },
  {
    id: 'network-tools',
    class: 'network',
    reason: 'the worker may use the network (WebFetch/WebSearch allowed, or the instruction downloads, installs or publishes)',
    applies: (i) => hasTool(i, /^(WebFetch|WebSearch)\b/) || says(i, /\b(curl|wget|https?:\/\/|npm\s+(install|i|publish)|pip\s+install|git\s+(push|pull|fetch|clone)|download|upload|deploy|publish)\b/i),
  },
  {
    id: 'runs-commands',
    class: 'run_commands',
    reason: 'the worker can run commands (a command worker, Bash allowed, or codex with a writable sandbox)',
    applies: (i) => i.worker.kind === 'command' || hasTool(i, /^Bash\b/) || (i.worker.kind === 'codex' && i.worker.sandbox !== 'read-only'),
  },
  {
    id: 'writes-files',
    class: 'write_worktree',
    reason: 'the worker can edit files, inside its own worktree (Edit/Write allowed or --permission-mode acceptEdits)',
    applies: (i) => i.worker.permissionMode === 'acceptEdits' || hasTool(i, /^(Edit|MultiEdit|Write|NotebookEdit)\b/) || i.worker.kind === 'fake',
  },
];

/** Classifies a subtask; `approveAt` is the lowest class that must wait for approval. */
export function judge(input: SafetyInput, approveAt: SafetyClass): SafetyVerdict {
  const matched = safetyRules.filter((rule) => rule.applies(input));
  const top = matched.reduce<SafetyRule | null>((best, rule) => (best === null || rank(rule.class) > rank(best.class) ? rule : best), null);
  const cls: SafetyClass = top?.class ?? 'read_only';
  const reason = top ? `${top.id}: ${top.reason}` : 'read-only: no rule found a way for the worker to write, run commands or reach the network';
  return { class: cls, reason, needsApproval: rank(cls) >= rank(approveAt) };
}

export function rank(cls: SafetyClass): number {
  return safetyClasses.indexOf(cls);
}

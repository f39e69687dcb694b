import fs from 'node:fs';
import type { Command } from 'commander';
import type { z } from 'zod';
import { RepoScoutError } from '../../shared/errors';
import { planInputSchema, safetyClasses, type PlanInput, type Selector } from '../../shared/protocol/orchestrate';

/** Adds the options of `reposcout run` that become a job's plan input. */
export function addPlanOptions(command: Command): Command {
  return command
    .option('--repo <path>', 'the git repository (default: the current folder); its working tree is never written')
    .option('--base <commit>', 'commit, branch or tag every worktree starts from', 'HEAD')
    .option('--split <selector>', 'one subtask per: package[:<glob>], directory:<glob>, glob:<glob>, list:<a,b,c> or list:@<file> (one item per line)')
    .option('--subtask <[key=]instruction>', 'an explicit subtask (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--worker <kind>', 'claude, codex or command', 'claude')
    .option('--command <argv>', 'command worker: the program and its arguments, as a JSON array or words separated by spaces (no shell)')
    .option('--instruction-via <how>', 'command worker: argument, env (REPOSCOUT_INSTRUCTION) or file (REPOSCOUT_INSTRUCTION_FILE)', 'argument')
    .option('--allowed-tools <list>', 'claude: tools it may use without asking, comma-separated (e.g. Read,Edit,Write)')
    .option('--permission-mode <mode>', 'claude: default, acceptEdits, plan or bypassPermissions')
    .option('--max-turns <n>', 'claude: --max-turns')
    .option('--sandbox <mode>', 'codex: read-only, workspace-write or danger-full-access')
    .option('--model <name>', 'claude/codex: the model')
    .option('--worker-binary <path>', 'claude/codex: path of the CLI (default: found on PATH)')
    .option('--concurrency <n>', 'workers at once', '4')
    .option('--approve-at <class>', `subtasks classed at or above this wait for approval: ${safetyClasses.join(', ')}`, 'network')
    .option('--timeout <seconds>', 'wall-clock limit per attempt', '1800')
    .option('--idle <seconds>', 'stop an attempt that shows no progress for this long', '300')
    .option('--retries <n>', 'extra attempts for retryable failures', '1')
    .option('--setup <argv>', 'command run in each new worktree first, as a JSON array or words (e.g. "npm ci")');
}

/** The validated plan input from `run`'s task and options; mistakes name the option. */
export function planInputFrom(task: string, raw: Record<string, unknown>): PlanInput {
  const str = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : undefined);
  const int = (k: string) => (str(k) === undefined ? undefined : Number(str(k)));
  const candidate = {
    task,
    repository: str('repo') ?? process.cwd(),
    base: str('base'),
    split: str('split') === undefined ? undefined : parseSelector(str('split')!),
    subtasks: Array.isArray(raw.subtask) ? (raw.subtask as string[]).map(parseSubtask) : undefined,
    worker: {
      kind: str('worker'),
      command: str('command') === undefined ? undefined : parseArgv(str('command')!, '--command'),
      instructionVia: str('instructionVia'),
      allowedTools: str('allowedTools')?.split(',').map((t) => t.trim()).filter(Boolean),
      permissionMode: str('permissionMode'),
      maxTurns: int('maxTurns'),
      sandbox: str('sandbox'),
      model: str('model'),
      binary: str('workerBinary'),
    },
    concurrency: int('concurrency'),
    approveAt: str('approveAt'),
    timeoutSeconds: int('timeout'),
    idleSeconds: int('idle'),
    retries: int('retries'),
    setup: str('setup') === undefined ? undefined : parseArgv(str('setup')!, '--setup'),
  };
  const parsed = planInputSchema.safeParse(candidate);
  if (!parsed.success) throw new RepoScoutError('INVALID_INPUT', `${describeIssue(parsed.error.issues[0])}; see "reposcout run --help".`);
  if (!['claude', 'codex', 'command'].includes(parsed.data.worker.kind)) throw new RepoScoutError('INVALID_INPUT', '--worker must be claude, codex or command; see "reposcout run --help".');
  return parsed.data;
}

const OPTION_OF: Record<string, string> = {
  task: 'the task', repository: '--repo', base: '--base', split: '--split', subtasks: '--subtask', concurrency: '--concurrency', approveAt: '--approve-at',
  timeoutSeconds: '--timeout', idleSeconds: '--idle', retries: '--retries', setup: '--setup', kind: '--worker', command: '--command', instructionVia: '--instruction-via',
  allowedTools: '--allowed-tools', permissionMode: '--permission-mode', maxTurns: '--max-turns', sandbox: '--sandbox', model: '--model', binary: '--worker-binary',
};

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid options';
  const key = [...issue.path].reverse().find((p) => typeof p === 'string' && OPTION_OF[p]) as string | undefined;
  return `${key ? `${OPTION_OF[key]}: ` : ''}${issue.message}`;
}

/** "package", "package:<glob>", "directory:<glob>", "glob:<glob>", "list:a,b" or "list:@file". */
export function parseSelector(text: string): Selector {
  const colon = text.indexOf(':');
  const kind = (colon === -1 ? text : text.slice(0, colon)).trim().toLowerCase();
  const rest = colon === -1 ? '' : text.slice(colon + 1).trim();
  if (kind === 'package' || kind === 'packages') return rest ? { by: 'package', pattern: rest } : { by: 'package' };
  if ((kind === 'directory' || kind === 'dir') && rest) return { by: 'directory', pattern: rest };
  if (kind === 'glob' && rest) return { by: 'glob', pattern: rest };
  if (kind === 'list' && rest) {
    const items = rest.startsWith('@') ? readLines(rest.slice(1)) : rest.split(',').map((i) => i.trim()).filter(Boolean);
    return { by: 'list', items };
  }
  throw new RepoScoutError('INVALID_INPUT', `--split ${JSON.stringify(text)} is not a selector; use package, package:<glob>, directory:<glob>, glob:<glob>, list:<a,b,c> or list:@<file>.`);
}

function readLines(file: string): string[] {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  } catch {
    throw new RepoScoutError('PATH_NOT_FOUND', `--split list:@${file}: cannot read ${file}; give a file with one item per line.`);
  }
}

function parseSubtask(text: string): { key?: string; instruction: string } {
  const match = /^([a-z0-9][a-z0-9._-]{0,59})=(.+)$/s.exec(text);
  return match ? { key: match[1]!, instruction: match[2]! } : { instruction: text };
}

/** A JSON array of strings, or words separated by spaces (no quoting: no shell is involved). */
export function parseArgv(text: string, option: string): string[] {
  if (text.trim().startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new RepoScoutError('INVALID_INPUT', `${option} starts with "[" but is not a JSON array; write it as ["program","arg"].`);
    }
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new RepoScoutError('INVALID_INPUT', `${option} must be a JSON array of strings, e.g. ["npm","ci"].`);
    return value;
  }
  return text.split(/\s+/).filter(Boolean);
}

import * as vscode from 'vscode';
import type { JobRecord, JobSummary } from '../../shared/protocol';
import { approveSubtask as approveCall, cancelJob as cancelCall, planJob, startJob as startCall } from '../engine/jobs';
import { openAttemptDiff as openDiffEditor } from '../views/job-documents';
import { isActiveJob, oneLine, stateLabel, type JobEvent, type JobNode } from '../views/job-tree';
import type { CommandDefinition, CommandDeps } from './deps';
import { parseCommandLine, planInput, planSummary, type SplitChoice, type StartAnswers } from './job-input';
import { showFailure } from './long-task';

const LAST_COMMAND = 'reposcout.jobs.lastCommand';
const TITLE = 'RepoScout: Start a Job';

async function pickRepository(): Promise<string | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0]!.uri.fsPath;
  if (folders.length > 1) {
    const pick = await vscode.window.showQuickPick(folders.map((f) => ({ label: f.name, description: f.uri.fsPath, path: f.uri.fsPath })), { title: `${TITLE}: Repository`, ignoreFocusOut: true });
    return pick?.path;
  }
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, title: 'The git repository the workers start from' });
  return chosen?.[0]?.fsPath;
}

async function askAnswers(deps: CommandDeps): Promise<StartAnswers | undefined> {
  const repository = await pickRepository();
  if (!repository) return undefined;
  const task = await vscode.window.showInputBox({
    title: `${TITLE}: Task`,
    prompt: 'What should the workers do? Your words reach each worker as its instruction.',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? null : 'Say what the workers should do'),
  });
  if (!task?.trim()) return undefined;
  const splits: (vscode.QuickPickItem & { split: SplitChoice; ask?: string })[] = [
    { label: 'One subtask', description: 'the whole task in one worktree', split: 'none' },
    { label: 'Explicit subtasks', description: 'instructions separated by |', split: 'subtasks', ask: 'Subtask instructions, separated by | (one worker each)' },
    { label: 'One per package', description: 'package.json folders', split: 'package', ask: 'Only packages under folders matching this glob (empty: all)' },
    { label: 'One per directory', description: 'folders matching a glob', split: 'directory', ask: 'Glob of folders, e.g. src/*' },
    { label: 'One per file', description: 'files matching a glob', split: 'glob', ask: 'Glob of files, e.g. src/**/*.ts' },
    { label: 'One per list item', description: 'items separated by |', split: 'list', ask: 'Items separated by |' },
  ];
  const split = await vscode.window.showQuickPick(splits, { title: `${TITLE}: Split`, ignoreFocusOut: true });
  if (!split) return undefined;
  let splitValue = '';
  if (split.ask) {
    const value = await vscode.window.showInputBox({
      title: `${TITLE}: ${split.label}`,
      prompt: split.ask,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() || split.split === 'package' ? null : 'This split needs a value'),
    });
    if (value === undefined) return undefined;
    splitValue = value;
  }
  const workers: (vscode.QuickPickItem & { worker: StartAnswers['worker'] })[] = [
    { label: 'claude', description: 'Claude Code (claude -p, stream-json)', worker: 'claude' },
    { label: 'codex', description: 'Codex CLI (codex exec --json)', worker: 'codex' },
    { label: 'command', description: 'any program, the instruction as its last argument', worker: 'command' },
  ];
  const worker = await vscode.window.showQuickPick(workers, { title: `${TITLE}: Worker`, ignoreFocusOut: true });
  if (!worker) return undefined;
  let command: string[] = [];
  if (worker.worker === 'command') {
    const line = await vscode.window.showInputBox({
      title: `${TITLE}: Command`,
      prompt: 'The program and its arguments, run in each worktree without a shell: words separated by spaces, or a JSON array of strings',
      value: deps.context.globalState.get<string>(LAST_COMMAND) ?? '',
      ignoreFocusOut: true,
      validateInput: (v) => (parseCommandLine(v) ? null : 'Give the program and its arguments, e.g. node fix.mjs or ["node","fix.mjs"]'),
    });
    const parsed = line === undefined ? null : parseCommandLine(line);
    if (!parsed || line === undefined) return undefined;
    await deps.context.globalState.update(LAST_COMMAND, line.trim());
    command = parsed;
  }
  const concurrency = await vscode.window.showInputBox({
    title: `${TITLE}: Concurrency`,
    prompt: 'Workers running at once (1-32)',
    value: '4',
    ignoreFocusOut: true,
    validateInput: (v) => (/^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 32 ? null : 'A whole number from 1 to 32'),
  });
  if (concurrency === undefined) return undefined;
  return { repository, task: task.trim(), split: split.split, splitValue, worker: worker.worker, command, concurrency: Number(concurrency.trim()) };
}

export const startJob: CommandDefinition = {
  id: 'reposcout.startJob',
  async run(deps) {
    const answers = await askAnswers(deps);
    if (!answers) return;
    const input = planInput(answers);
    try {
      // A dry run first: nothing starts until the plan is confirmed.
      const { plan } = await vscode.window.withProgress({ location: { viewId: 'reposcout.jobs' } }, () => planJob(deps.jobs.engine, input));
      const { message, detail } = planSummary(plan);
      const choice = await vscode.window.showInformationMessage(message, { modal: true, detail }, 'Start Job');
      if (choice !== 'Start Job') return;
      const started = await startCall(deps.jobs.engine, input);
      void vscode.window.setStatusBarMessage(`RepoScout: job ${started.job.id} started`, 5000);
      await vscode.commands.executeCommand('reposcout.jobs.focus');
      await deps.jobs.refresh();
    } catch (error) {
      showFailure(deps, 'Starting the job', error);
    }
  },
};

export const refreshJobs: CommandDefinition = {
  id: 'reposcout.refreshJobs',
  run: (deps) => deps.jobs.refresh(),
};

const nodeOf = (arg: unknown): JobNode | undefined => (typeof arg === 'object' && arg !== null && 'kind' in arg && 'jobId' in arg ? (arg as JobNode) : undefined);

/** The job (and subtask) a command is for: its tree row, or a pick from the palette. */
async function pickJob(deps: CommandDeps, arg: unknown, filter: (job: JobSummary & Partial<Pick<JobRecord, 'subtasks'>>) => boolean, what: string): Promise<JobRecord | undefined> {
  const node = nodeOf(arg);
  if (node) return deps.jobs.record(node.jobId);
  await deps.jobs.refresh();
  const jobs = deps.jobs.all().filter(filter);
  if (jobs.length === 0) {
    void vscode.window.showInformationMessage(`RepoScout: no job ${what}.`);
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(jobs.map((j) => ({ label: oneLine(j.task), description: `${stateLabel(j.state)} · ${j.id}`, id: j.id })), { title: `RepoScout: a job ${what}` });
  return pick ? deps.jobs.record(pick.id) : undefined;
}

const waitsForPerson = (state: string) => state === 'waiting_for_approval' || state === 'needs_input';

export const approveSubtask: CommandDefinition = {
  id: 'reposcout.approveSubtask',
  async run(deps, arg) {
    try {
      const job = await pickJob(deps, arg, (j) => (j.subtasks ?? []).some((s) => waitsForPerson(s.state)), 'waits for approval or input');
      if (!job) return;
      const node = nodeOf(arg);
      const waiting = job.subtasks.filter((s) => waitsForPerson(s.state));
      let st = node?.kind === 'subtask' || node?.kind === 'attempt' ? job.subtasks.find((s) => s.key === node.key) : waiting.length === 1 ? waiting[0] : undefined;
      if (!st) {
        const pick = await vscode.window.showQuickPick(waiting.map((s) => ({ label: s.key, description: stateLabel(s.state), detail: oneLine(s.instruction, 200) })), { title: `RepoScout: decide a subtask of job ${job.id}` });
        st = waiting.find((s) => s.key === pick?.label);
      }
      if (!st) return;
      if (!waitsForPerson(st.state)) {
        void vscode.window.showInformationMessage(`Subtask ${st.key} does not wait for approval or input (it is ${stateLabel(st.state)}).`);
        return;
      }
      const decided = st.state === 'needs_input' ? await askAnswer(job, st) : await askApproval(job, st);
      if (!decided) return;
      await approveCall(deps.jobs.engine, job.id, st.key, decided.decision, decided.reason);
      void vscode.window.setStatusBarMessage(`RepoScout: subtask ${st.key} ${decided.decision === 'approved' ? (st.state === 'needs_input' ? 'answered' : 'approved') : decided.decision}`, 4000);
      await deps.jobs.refresh();
    } catch (error) {
      showFailure(deps, 'Deciding the subtask', error);
    }
  },
};

type Subtask = JobRecord['subtasks'][number];
type Decided = { decision: 'approved' | 'rejected'; reason: string } | undefined;

/** A held subtask: the judge's class and reason are shown before anything is decided. */
async function askApproval(job: JobRecord, st: Subtask): Promise<Decided> {
  const detail = [`The safety judge classed it “${st.safety.class.replace(/_/g, ' ')}”: ${st.safety.reason}`, '', `Instruction: ${oneLine(st.instruction, 600)}`].join('\n');
  const choice = await vscode.window.showWarningMessage(`Approve subtask “${st.key}” of job ${job.id}?`, { modal: true, detail }, 'Approve', 'Reject');
  if (choice !== 'Approve' && choice !== 'Reject') return undefined;
  const decision = choice === 'Approve' ? 'approved' : 'rejected';
  return { decision, reason: `${decision} in VS Code` };
}

/**
 * A subtask whose worker stopped for input: what it wanted and its last message (worker
 * output, shown as text), then the person's answer (it runs again from its work) or a decline.
 */
async function askAnswer(job: JobRecord, st: Subtask): Promise<Decided> {
  const last = st.attempts.filter((a) => a.state === 'needs_input').at(-1);
  const detail = [`It wanted: ${oneLine(last?.message ?? st.message ?? 'something it was not allowed', 400)}`, last?.finalMessage ? `Its last message: ${oneLine(last.finalMessage, 600)}` : '', '', 'Answer runs it again from its work with your answer; Decline ends it.'].filter((l, i) => l !== '' || i > 1).join('\n');
  const choice = await vscode.window.showWarningMessage(`Subtask “${st.key}” of job ${job.id} needs input`, { modal: true, detail }, 'Answer…', 'Decline');
  if (choice === 'Decline') return { decision: 'rejected', reason: 'declined in VS Code' };
  if (choice !== 'Answer…') return undefined;
  const answer = await vscode.window.showInputBox({ title: `Your answer to subtask “${st.key}”`, prompt: 'Passed to the worker as your words; it continues from its work.', validateInput: (v) => (v.trim().length === 0 ? 'Say what the worker should do.' : v.length > 500 ? 'At most 500 characters.' : undefined) });
  return answer === undefined ? undefined : { decision: 'approved', reason: answer.trim() };
}

export const cancelJob: CommandDefinition = {
  id: 'reposcout.cancelJob',
  async run(deps, arg) {
    try {
      const job = await pickJob(deps, arg, (j) => isActiveJob(j.state), 'is running');
      if (!job) return;
      const running = job.subtasks.filter((s) => s.state === 'running').length;
      const choice = await vscode.window.showWarningMessage(
        `Cancel job ${job.id}?`,
        { modal: true, detail: `${running} running workers are stopped and the subtasks not started yet never start. Branches of subtasks that already succeeded are kept.\n\nTask: ${oneLine(job.task, 300)}` },
        'Cancel Job',
      );
      if (choice !== 'Cancel Job') return;
      await cancelCall(deps.jobs.engine, job.id);
      await deps.jobs.refresh();
    } catch (error) {
      showFailure(deps, 'Cancelling the job', error);
    }
  },
};

export const openJobReport: CommandDefinition = {
  id: 'reposcout.openJobReport',
  async run(deps, arg) {
    const jobId = typeof arg === 'string' ? arg : nodeOf(arg)?.jobId;
    if (jobId) return deps.panels.showJob(jobId);
    try {
      const job = await pickJob(deps, undefined, () => true, 'to report on');
      if (job) deps.panels.showJob(job.id);
    } catch (error) {
      showFailure(deps, 'Opening the job report', error);
    }
  },
};

export const openAttemptLog: CommandDefinition = {
  id: 'reposcout.openAttemptLog',
  async run(deps, arg) {
    const node = nodeOf(arg);
    if (!node || node.kind === 'job') return;
    try {
      const job = await deps.jobs.record(node.jobId);
      const number = node.kind === 'attempt' ? node.number : job.subtasks.find((s) => s.key === node.key)?.attempts.at(-1)?.number;
      if (number === undefined) {
        void vscode.window.showInformationMessage(`Subtask ${node.key} has not run yet.`);
        return;
      }
      await deps.logs.open(node.jobId, node.key, number);
    } catch (error) {
      showFailure(deps, 'Opening the attempt log', error);
    }
  },
};

export const openAttemptDiff: CommandDefinition = {
  id: 'reposcout.openAttemptDiff',
  async run(deps, arg) {
    const node = nodeOf(arg);
    if (!node || node.kind === 'job') return;
    try {
      const job = await deps.jobs.record(node.jobId);
      const st = job.subtasks.find((s) => s.key === node.key);
      const attempt = node.kind === 'attempt' ? st?.attempts.find((a) => a.number === node.number) : st?.attempts.at(-1);
      if (!attempt) return;
      await openDiffEditor(job, node.key, attempt);
    } catch (error) {
      showFailure(deps, 'Opening the diff', error);
    }
  },
};

export const jobCommands: readonly CommandDefinition[] = [startJob, refreshJobs, approveSubtask, cancelJob, openJobReport, openAttemptLog, openAttemptDiff];

/** A notification for a job event, with the buttons that act on it. */
export function notifyJobEvent(deps: CommandDeps, event: JobEvent): void {
  const report = 'Open Job Report';
  const act = (choice: string | undefined) => {
    if (choice === report) deps.panels.showJob(event.jobId);
    else if ((choice === 'Approve…' || choice === 'Answer…') && event.kind !== 'finished') void vscode.commands.executeCommand('reposcout.approveSubtask', { kind: 'subtask', jobId: event.jobId, key: event.key } satisfies JobNode);
    else if (choice === 'Open Log' && event.kind !== 'finished') void vscode.commands.executeCommand('reposcout.openAttemptLog', { kind: 'subtask', jobId: event.jobId, key: event.key } satisfies JobNode);
  };
  if (event.kind === 'approval') {
    void vscode.window.showWarningMessage(`RepoScout job ${event.jobId}: subtask “${event.key}” waits for approval (${event.safetyClass.replace(/_/g, ' ')}: ${event.reason}).`, 'Approve…', report).then(act);
  } else if (event.kind === 'needs_input') {
    void vscode.window.showWarningMessage(`RepoScout job ${event.jobId}: subtask “${event.key}” needs input${event.message ? `: ${oneLine(event.message, 200)}` : '.'} The job waits for your answer.`, 'Answer…', 'Open Log', report).then(act);
  } else if (event.state === 'succeeded') {
    void vscode.window.showInformationMessage(`RepoScout: ${event.text}`, report).then(act);
  } else {
    void vscode.window.showWarningMessage(`RepoScout: ${event.text}`, report).then(act);
  }
}

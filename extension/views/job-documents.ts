import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import type { AttemptRecord, JobRecord } from '../../shared/protocol';
import { attemptLog, type JobsEngine } from '../engine/jobs';
import { describeError } from '../errors-ui';
import { logText } from './job-tree';

// Read-only documents for the Jobs view: an attempt's log (get_attempt_log, refreshed while
// the attempt runs) and the two sides of an attempt's diff (a file at the base commit and at
// the attempt's commit, read with `git show`, so the diff works after the worktree is gone).

export const LOG_SCHEME = 'reposcout-job-log';
export const GIT_SCHEME = 'reposcout-job-git';

export function logUri(jobId: string, subtask: string, attempt: number): vscode.Uri {
  return vscode.Uri.from({ scheme: LOG_SCHEME, path: `/${jobId}/${subtask}/attempt-${attempt}.log` });
}

function parseLogUri(uri: vscode.Uri): { jobId: string; subtask: string; attempt: number } | null {
  const m = /^\/([a-z0-9-]+)\/([^/]+)\/attempt-(\d+)\.log$/.exec(uri.path);
  return m ? { jobId: m[1]!, subtask: m[2]!, attempt: Number(m[3]) } : null;
}

export class AttemptLogs implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(readonly engine: JobsEngine) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const ref = parseLogUri(uri);
    if (!ref) return 'This is not a RepoScout attempt log address.';
    try {
      return logText(ref.jobId, ref.subtask, await attemptLog(this.engine, ref.jobId, ref.subtask, ref.attempt));
    } catch (error) {
      return `RepoScout could not read this log: ${describeError(error).message}`;
    }
  }

  async open(jobId: string, subtask: string, attempt: number): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(logUri(jobId, subtask, attempt));
    await vscode.languages.setTextDocumentLanguage(doc, 'log').then(undefined, () => doc);
    await vscode.window.showTextDocument(doc, { preview: true });
  }

  /** Re-reads open logs of attempts that ran at the previous poll or run now. */
  refreshOpen(job: (jobId: string) => JobRecord | undefined): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme !== LOG_SCHEME || doc.isClosed) continue;
      const ref = parseLogUri(doc.uri);
      const record = ref ? job(ref.jobId) : undefined;
      const attempt = record?.subtasks.find((s) => s.key === ref?.subtask)?.attempts.find((a) => a.number === ref?.attempt);
      const key = doc.uri.toString();
      const running = attempt?.state === 'running';
      if (running || this.running.has(key)) this.changed.fire(doc.uri);
      if (running) this.running.add(key);
      else this.running.delete(key);
    }
  }

  private readonly running = new Set<string>();

  dispose(): void {
    this.changed.dispose();
  }
}

interface GitSide {
  repo: string;
  ref: string;
  path: string;
}

export function gitUri(side: GitSide): vscode.Uri {
  return vscode.Uri.from({ scheme: GIT_SCHEME, path: `/${side.path}`, query: JSON.stringify({ repo: side.repo, ref: side.ref }) });
}

/** `git show <ref>:<path>` in the job's repository; a file that does not exist on that side is empty. */
export class GitSides implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    let query: { repo?: unknown; ref?: unknown };
    try {
      query = JSON.parse(uri.query) as { repo?: unknown; ref?: unknown };
    } catch {
      return Promise.resolve('');
    }
    const { repo, ref } = query;
    const file = uri.path.replace(/^\//, '');
    // A ref is a commit id or a reposcout/ branch; nothing that git could read as an option.
    if (typeof repo !== 'string' || typeof ref !== 'string' || !/^[\w./-]+$/.test(ref) || ref.startsWith('-')) return Promise.resolve('');
    return new Promise((resolve) => {
      execFile('git', ['-C', repo, 'show', `${ref}:${file}`], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024, windowsHide: true }, (error, stdout) => resolve(error ? '' : stdout));
    });
  }
}

/**
 * Opens VS Code's diff editor for an attempt: every changed file between the job's base commit
 * and the attempt's commit (one multi-file diff, or a plain diff for one file).
 */
export async function openAttemptDiff(job: JobRecord, subtask: string, attempt: AttemptRecord): Promise<void> {
  const files = attempt.diff?.files ?? [];
  const ref = attempt.commit ?? attempt.branch;
  if (files.length === 0 || !ref) {
    void vscode.window.showInformationMessage(`Attempt ${attempt.number} of ${subtask} changed no files.`);
    return;
  }
  const sides = files.map((f) => ({
    resource: vscode.Uri.file(`${job.repository}/${f.path}`),
    base: gitUri({ repo: job.repository, ref: job.baseCommit, path: f.path }),
    changed: gitUri({ repo: job.repository, ref, path: f.path }),
  }));
  const title = `${subtask} attempt ${attempt.number}: ${job.baseCommit.slice(0, 8)} ↔ ${attempt.branch ?? ref.slice(0, 8)}`;
  if (sides.length === 1) {
    await vscode.commands.executeCommand('vscode.diff', sides[0]!.base, sides[0]!.changed, `${files[0]!.path} (${title})`, { preview: true });
    return;
  }
  await vscode.commands.executeCommand('vscode.changes', title, sides.map((s) => [s.resource, s.base, s.changed]));
}

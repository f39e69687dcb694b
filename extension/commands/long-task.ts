import * as vscode from 'vscode';
import { describeError } from '../errors-ui';
import type { CommandDeps } from './deps';

export interface TaskProgress {
  signal: AbortSignal;
  /** Engine progress (done of total) becomes the notification's bar and message. */
  report(done: number, total: number | undefined, message: string | undefined): void;
}

/**
 * Runs long engine work under a cancellable progress notification. Cancelling aborts the
 * AbortSignal, which the MCP client turns into a cancellation the engine acts on (it rolls
 * back). A failure shows its sentence with Open Log / Retry (and Set Node Path when that is
 * the fix); resolves to undefined when cancelled or failed.
 */
export async function runLongTask<T>(deps: CommandDeps, title: string, work: (task: TaskProgress) => Promise<T>, retry: () => unknown): Promise<T | undefined> {
  try {
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      let shown = 0;
      try {
        return await work({
          signal: controller.signal,
          report(done, total, message) {
            if (total && total > 0) {
              const percent = Math.min(100, (done / total) * 100);
              progress.report({ increment: Math.max(0, percent - shown), message });
              shown = Math.max(shown, percent);
            } else {
              progress.report({ message });
            }
          },
        });
      } finally {
        subscription.dispose();
      }
    });
  } catch (error) {
    showFailure(deps, `${title.replace(/…$/, '')} failed`, error, retry);
    return undefined;
  }
}

/** Shows a failure with actions; a cancellation is reported as such, not as an error. */
export function showFailure(deps: CommandDeps, what: string, error: unknown, retry?: () => unknown): void {
  const described = describeError(error);
  if (described.cancelled) {
    void vscode.window.showInformationMessage(`${what.replace(/ failed$/, '')} cancelled; the database keeps its previous state.`);
    return;
  }
  deps.log.error(`${what}: ${described.message}`);
  const actions = [
    ...(described.fixNodePath ? ['Set Node Path'] : []),
    ...(described.signIn ? ['Sign in to GitHub'] : []),
    ...(described.setting ? ['Open Setting'] : []),
    'Open Log',
    ...(retry ? ['Retry'] : []),
  ];
  void vscode.window.showErrorMessage(`RepoScout: ${described.message}`, ...actions).then((choice) => {
    if (choice === 'Open Log') deps.log.show(true);
    else if (choice === 'Retry') void retry?.();
    else if (choice === 'Set Node Path') void vscode.commands.executeCommand('workbench.action.openSettings', 'reposcout.nodePath');
    else if (choice === 'Sign in to GitHub') void vscode.commands.executeCommand('reposcout.signIn');
    else if (choice === 'Open Setting') void vscode.commands.executeCommand('workbench.action.openSettings', described.setting);
  });
}

import * as vscode from 'vscode';
import { analyzeLocalRepository } from '../engine/research';
import { currentConfig } from '../engine/host';
import type { AnalyzeResult } from '../engine/research';
import type { TreeNode } from '../views/repository-tree';
import type { CommandDefinition, CommandDeps } from './deps';
import { runLongTask, showFailure } from './long-task';

/** Which workspace folder to analyse: the only one, or the one the user picks; null when none. */
async function pickFolder(): Promise<vscode.WorkspaceFolder | null | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return null;
  if (folders.length === 1) return folders[0];
  const active = vscode.window.activeTextEditor?.document.uri;
  const activeFolder = active ? vscode.workspace.getWorkspaceFolder(active) : undefined;
  const picked = await vscode.window.showQuickPick(
    folders.map((f) => ({ label: f.name, description: f.uri.fsPath, folder: f, picked: f === activeFolder })),
    { title: 'RepoScout: Analyze which workspace folder?', placeHolder: 'Pick the folder holding the git repository' },
  );
  return picked?.folder;
}

export async function analyzeFolder(deps: CommandDeps, folder: string, label: string, force = false): Promise<AnalyzeResult | undefined> {
  const started = performance.now();
  const config = currentConfig();
  const result = await runLongTask(
    deps,
    `RepoScout: Analysing ${label}…`,
    (task) =>
      analyzeLocalRepository(deps.engine, folder, config.windowMonths, {
        force,
        signal: task.signal,
        onProgress: (p) => task.report(p.done, p.total, p.message),
      }),
    () => analyzeFolder(deps, folder, label, force),
  );
  if (!result) return undefined;
  deps.log.info(`analysed ${folder} in ${Math.round(performance.now() - started)} ms: ${result.reused ? 'unchanged' : `${result.newCommits} new commits`}, health ${result.summary.health.score}`);
  await deps.refreshAll();
  const node = deps.repositories.find(result.repository.key);
  if (node) await deps.repositoriesView.reveal(node, { select: true, focus: false, expand: false }).then(undefined, () => undefined);
  const s = result.summary;
  const what = result.reused ? 'unchanged since the last analysis' : `${result.newCommits.toLocaleString()} new commits read`;
  void vscode.window
    .showInformationMessage(`RepoScout: ${result.repository.name} has health ${s.health.score}/100 (grade ${s.health.grade}), bus factor ${s.busFactor.window}; ${what}.`, 'Open Report')
    .then((choice) => {
      if (choice === 'Open Report') deps.panels.showReport(result.repository.key);
    });
  return result;
}

export const analyzeWorkspace: CommandDefinition = {
  id: 'reposcout.analyzeWorkspace',
  async run(deps) {
    const folder = await pickFolder();
    if (folder === undefined) return;
    if (folder === null) {
      const choice = await vscode.window.showErrorMessage('RepoScout: No folder is open. Open a folder that holds a git repository, then analyse it.', 'Open Folder');
      if (choice) await vscode.commands.executeCommand('workbench.action.files.openFolder');
      return;
    }
    if (folder.uri.scheme !== 'file') {
      void vscode.window.showErrorMessage(`RepoScout: ${folder.name} is not on this machine's disk (${folder.uri.scheme}:); RepoScout reads git history from local folders.`);
      return;
    }
    if (!vscode.workspace.isTrusted) {
      const choice = await vscode.window.showWarningMessage('RepoScout: Analysing runs git on this workspace; trust the workspace first.', 'Manage Workspace Trust');
      if (choice) await vscode.commands.executeCommand('workbench.trust.manage');
      return;
    }
    await analyzeFolder(deps, folder.uri.fsPath, folder.name);
  },
};

export const reanalyzeRepository: CommandDefinition = {
  id: 'reposcout.reanalyzeRepository',
  async run(deps, arg) {
    const key = keyOf(arg);
    const item = key ? deps.repositories.find(key)?.item : undefined;
    if (item?.source === 'github' && item.owner) {
      await vscode.commands.executeCommand('reposcout.ingestOwner', `${item.owner}/${item.name}`);
      return;
    }
    if (!item?.path) {
      showFailure(deps, 'Re-analyze', new Error('Pick a repository in the Repositories view to re-analyse it.'));
      return;
    }
    await analyzeFolder(deps, item.path, item.name);
  },
};

/** A repository key from a command argument: a key string, a tree node, or a webview message. */
export function keyOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const node = arg as TreeNode | undefined;
  if (node?.kind === 'repository') return node.item.key;
  if (node?.kind === 'fact') return node.repositoryKey;
  return undefined;
}

import * as vscode from 'vscode';
import { collectAchievements } from '../engine/achievements';
import { parsePerson, windowChoices } from './achievement-input';
import type { AchievementNode } from '../views/achievement-items';
import { commitUri } from '../views/commit-document';
import { requireTool } from './capability-support';
import type { CommandDefinition, CommandDeps } from './deps';
import { runLongTask, showFailure } from './long-task';

// The Achievements view's commands: collect a person's merged PRs over MCP (progress,
// cancellation), reload the view, open a PR on GitHub or its commit in the local clone.

export const collectAchievementsCommand: CommandDefinition = {
  id: 'reposcout.collectAchievements',
  async run(deps) {
    if (!(await requireTool(deps, 'collectAchievements', 'collect achievements', 'Add "achievements" to reposcout.toolsets (a read-only engine lists stored achievements but cannot collect).'))) return;
    const last = deps.achievements.person;
    const answer = await vscode.window.showInputBox({
      title: 'RepoScout: Collect Achievements (1/3): whose?',
      prompt: "A GitHub login, an e-mail or a name as git records it. Add the same person's other e-mails, logins or names after commas.",
      value: last ? [last.who, ...last.as].join(', ') : '',
      ignoreFocusOut: true,
      validateInput: (v) => (parsePerson(v) ? null : 'Type a login, an e-mail or a name'),
    });
    const person = answer === undefined ? null : parsePerson(answer);
    if (!person) return;
    const window = await vscode.window.showQuickPick(windowChoices(new Date()).map((w) => ({ ...w, description: w.since ? `${w.since} → ${w.until ?? 'today'}` : 'every merged PR' })), {
      title: 'RepoScout: Collect Achievements (2/3): which time?',
      ignoreFocusOut: true,
    });
    if (!window) return;
    const folders = await pickSources(deps);
    if (!folders) return;
    const range = { ...(window.since ? { since: window.since } : {}), ...(window.until ? { until: window.until } : {}) };
    const result = await runLongTask(
      deps,
      `RepoScout: Collecting the merged pull requests of ${person.who}…`,
      (task) => collectAchievements(deps.engine, person, folders, range, { signal: task.signal, onProgress: (p) => task.report(p.done, p.total, p.message) }),
      () => vscode.commands.executeCommand('reposcout.collectAchievements'),
    );
    if (!result) return;
    await deps.achievements.setPerson(person);
    await refreshAchievements(deps);
    await vscode.commands.executeCommand('reposcout.achievements.focus');
    const clones = result.repositories.length;
    const choice = await vscode.window.showInformationMessage(
      `RepoScout: Collected ${result.prs} merged pull ${result.prs === 1 ? 'request' : 'requests'} by ${person.who} from ${clones} ${clones === 1 ? 'clone' : 'clones'}.`,
      ...(result.prs > 0 ? ['Open Portfolio'] : []),
    );
    if (choice === 'Open Portfolio') await vscode.commands.executeCommand('reposcout.openPortfolio');
  },
};

/** The local clones to read: the workspace's folders, chosen ones, or (not over MCP yet) GitHub. */
async function pickSources(deps: CommandDeps): Promise<string[] | null> {
  const workspace = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  const items = [
    ...(workspace.length > 0 ? [{ label: '$(folder) This workspace', description: workspace.length === 1 ? workspace[0] : `${workspace.length} folders`, id: 'workspace' }] : []),
    { label: '$(folder-opened) Choose local clones…', description: 'any git repositories on this machine', id: 'choose' },
    { label: '$(github) GitHub…', description: 'full PR data: reviews, comments, labels', id: 'github' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'RepoScout: Collect Achievements (3/3): from where?', ignoreFocusOut: true });
  if (!picked) return null;
  if (picked.id === 'workspace') return workspace;
  if (picked.id === 'choose') {
    const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: true, openLabel: 'Collect from These Clones', title: 'RepoScout: Local clones to read' });
    return chosen && chosen.length > 0 ? chosen.map((u) => u.fsPath) : null;
  }
  // The engine collects from GitHub on the command line; its MCP tool reads local clones only.
  deps.log.info('GitHub collection asked for from VS Code; pointed at the command line');
  void vscode.window.showInformationMessage(
    'RepoScout: This engine collects GitHub pull requests on the command line: run `reposcout achievements <login> --owner <owner>` (or --repos) with the same database; the Achievements view then shows them. From VS Code it reads local clones.',
  );
  return null;
}

export const refreshAchievementsCommand: CommandDefinition = {
  id: 'reposcout.refreshAchievements',
  run: (deps) => refreshAchievements(deps),
};

export async function refreshAchievements(deps: CommandDeps): Promise<void> {
  try {
    await vscode.window.withProgress({ location: { viewId: 'reposcout.achievements' } }, () => deps.achievements.refresh());
  } catch (error) {
    showFailure(deps, 'Loading achievements', error, () => refreshAchievements(deps));
  }
}

/** A click on a PR: GitHub's page for GitHub records, the merge or squash commit for reconstructed ones. */
export const openAchievement: CommandDefinition = {
  id: 'reposcout.openAchievement',
  async run(deps, arg) {
    const pr = (arg as AchievementNode | undefined)?.pullRequest;
    if (!pr) return;
    if (pr.source === 'github' && pr.url && /^https:\/\//.test(pr.url)) {
      await vscode.env.openExternal(vscode.Uri.parse(pr.url, true));
      return;
    }
    await showCommit(deps, arg);
  },
};

export const showAchievementCommit: CommandDefinition = {
  id: 'reposcout.showAchievementCommit',
  run: (deps, arg) => showCommit(deps, arg),
};

async function showCommit(deps: CommandDeps, arg: unknown): Promise<void> {
  const pr = (arg as AchievementNode | undefined)?.pullRequest;
  if (!pr) return;
  const folder = pr.repositoryKey.startsWith('local:') ? pr.repositoryKey.slice('local:'.length) : null;
  if (!folder || !pr.sha) {
    void vscode.window.showInformationMessage(`RepoScout: ${pr.ref} has no local clone to show its commit from${pr.url ? '; open it on GitHub instead' : ''}.`);
    return;
  }
  try {
    const document = await vscode.workspace.openTextDocument(commitUri(folder, pr.sha, pr.ref));
    await vscode.languages.setTextDocumentLanguage(document, 'diff');
    await vscode.window.showTextDocument(document, { preview: true });
  } catch (error) {
    showFailure(deps, 'Showing the commit', error);
  }
}

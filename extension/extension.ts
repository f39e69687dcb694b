import { loadedAt } from './activation-clock';
import * as vscode from 'vscode';
import { expectedCapabilityKeys } from './engine/capability-keys';
import type { Main } from './main';
import { registerMcpProvider } from './mcp/registration';
import { LazyTree } from './views/lazy-tree';
import type { AchievementNode } from './views/achievement-items';
import type { JobNode } from './views/job-tree';
import type { TreeNode } from './views/repository-tree';
import type { ResultItem } from './views/result-items';

// Must match extension/webviews/panels.ts (kept apart so activation does not load it).
const PANEL_VIEW_TYPES = ['reposcout.report', 'reposcout.dashboard', 'reposcout.portfolio', 'reposcout.job'];

/**
 * Activation does only what VS Code needs at once and returns: the views with stand-in
 * providers, the commands, the panel serializers and the MCP provider, all handing over to
 * main.ts, which loads on first use (with zod, the engine client and the rest). VS Code
 * activates RepoScout for its views, commands, restored panels and MCP collection; the engine
 * process starts later still, when something first asks it.
 */
export function activate(context: vscode.ExtensionContext): void {
  const called = performance.now();
  const log = vscode.window.createOutputChannel('RepoScout', { log: true });
  context.subscriptions.push(log);
  void vscode.commands.executeCommand('setContext', 'reposcout.engineState', 'stopped');
  // Before activation the capability keys are unset; palette entries show then (and activate).
  void vscode.commands.executeCommand('setContext', 'reposcout.activated', true);
  // Menus and welcome views by the toolsets setting until the engine's tool list is known.
  const toolsets = vscode.workspace.getConfiguration('reposcout').get<unknown>('toolsets');
  const expected = expectedCapabilityKeys(Array.isArray(toolsets) ? toolsets.filter((t): t is string => typeof t === 'string') : ['research', 'achievements', 'recommend', 'memory']);
  for (const [name, available] of Object.entries(expected)) void vscode.commands.executeCommand('setContext', `reposcout.capability.${name}`, available);

  let main: Promise<Main> | undefined;
  const load = (): Promise<Main> => {
    main ??= import('./main').then((m) => m.start({ context, log, mcp, trees, views }));
    main.catch((error: unknown) => log.error(`RepoScout failed to load: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
    return main;
  };
  const trees = {
    repositories: new LazyTree<TreeNode>(load),
    search: new LazyTree<ResultItem>(load),
    similar: new LazyTree<ResultItem>(load),
    memory: new LazyTree<ResultItem>(load),
    achievements: new LazyTree<AchievementNode>(load),
    jobs: new LazyTree<JobNode>(load),
  };
  const views = {
    repositories: vscode.window.createTreeView('reposcout.repositories', { treeDataProvider: trees.repositories, showCollapseAll: true }),
    search: vscode.window.createTreeView('reposcout.search', { treeDataProvider: trees.search }),
    similar: vscode.window.createTreeView('reposcout.similar', { treeDataProvider: trees.similar }),
    memory: vscode.window.createTreeView('reposcout.memory', { treeDataProvider: trees.memory }),
    achievements: vscode.window.createTreeView('reposcout.achievements', { treeDataProvider: trees.achievements, showCollapseAll: true }),
    jobs: vscode.window.createTreeView('reposcout.jobs', { treeDataProvider: trees.jobs }),
  };
  context.subscriptions.push(...Object.values(views));

  const commands = (context.extension.packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes?.commands ?? [];
  for (const { command } of commands) {
    context.subscriptions.push(vscode.commands.registerCommand(command, async (...args: unknown[]) => (await load()).run(command, args)));
  }
  for (const viewType of PANEL_VIEW_TYPES) {
    context.subscriptions.push(
      vscode.window.registerWebviewPanelSerializer(viewType, {
        deserializeWebviewPanel: async (panel, state: unknown) => (await load()).restorePanel(panel, state),
      }),
    );
  }
  const mcp = registerMcpProvider(context, log, async () => (await load()).mcp);
  log.info(`RepoScout ${String((context.extension.packageJSON as { version?: string }).version)} activated in ${Math.round(performance.now() - loadedAt)} ms (activate() ${Math.round(performance.now() - called)} ms; views and commands load on first use, the engine after that)`);
}

export function deactivate(): void {
  // Subscriptions (the engine client included) are disposed by VS Code.
}

import { loadedAt } from './activation-clock';
import * as vscode from 'vscode';
import { openMarkdownReport, openRepositoryFile } from './commands/reports';
import { analyzeFolder } from './commands/analyze';
import type { CommandDeps } from './commands/deps';
import { allCommands } from './commands/index';
import { showFailure } from './commands/long-task';
import { createEngine } from './engine/host';
import { listAllRepositories } from './engine/research';
import { registerMcpProvider } from './mcp/registration';
import { RepositoriesProvider } from './views/repositories-provider';
import { ResultsProvider } from './views/results-provider';
import { Panels } from './webviews/panels';

/**
 * Wires the extension together and returns at once: the engine process starts only when a
 * view or command first needs it.
 */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('RepoScout', { log: true });
  context.subscriptions.push(log);
  void vscode.commands.executeCommand('setContext', 'reposcout.engineState', 'stopped');

  // Views and panels are built before the commands' deps object that holds them.
  const ref: { deps?: CommandDeps } = {};
  const engine = createEngine(context, log, (status) => {
    if (status.state === 'failed' && status.error) log.error(`engine unavailable: ${status.error.message}`);
  });

  const repositories = new RepositoriesProvider(async () => {
    try {
      return (await listAllRepositories(engine)).repositories;
    } catch (error) {
      if (ref.deps) showFailure(ref.deps, 'Loading repositories', error, () => ref.deps?.refreshAll());
      return null;
    }
  });
  const repositoriesView = vscode.window.createTreeView('reposcout.repositories', { treeDataProvider: repositories, showCollapseAll: true });
  const search = new ResultsProvider();
  const similar = new ResultsProvider();
  const memory = new ResultsProvider();
  const mcp = registerMcpProvider(context, log);

  const panels = new Panels({
    engine,
    extensionUri: context.extensionUri,
    log,
    links: {
      openContributor: (person) => void vscode.commands.executeCommand('reposcout.showContributor', person),
      openDashboard: (owner) => panels.showDashboard(owner),
      openReport: (key) => panels.showReport(key),
      reanalyze: (key) => {
        const item = repositories.find(key)?.item;
        if (item?.path && ref.deps) void analyzeFolder(ref.deps, item.path, item.name);
      },
      openFile: (key, file) => ref.deps && void openRepositoryFile(ref.deps, key, file),
      openMarkdown: (key) => ref.deps && void openMarkdownReport(ref.deps, key),
      openExternal: (url) => void vscode.env.openExternal(vscode.Uri.parse(url, true)),
    },
  });

  // Concurrent refreshes (an analysis finishing while the view loads) share one round trip.
  let loading: Promise<void> | null = null;
  const refreshAll = (): Promise<void> => {
    if (!loading) {
      loading = Promise.resolve(vscode.window.withProgress({ location: { viewId: 'reposcout.repositories' } }, () => repositories.refresh()))
        .then(() => panels.refreshAll())
        .finally(() => {
          loading = null;
        });
    }
    return loading;
  };

  const ready: CommandDeps = { context, engine, log, repositories, repositoriesView, search, similar, memory, panels, mcp, refreshAll };
  ref.deps = ready;
  for (const command of allCommands) {
    context.subscriptions.push(vscode.commands.registerCommand(command.id, (...args: unknown[]) => command.run(ready, ...args)));
  }
  context.subscriptions.push(
    repositoriesView,
    vscode.window.registerFileDecorationProvider(repositories),
    search.attach(vscode.window.createTreeView('reposcout.search', { treeDataProvider: search })),
    similar.attach(vscode.window.createTreeView('reposcout.similar', { treeDataProvider: similar })),
    panels,
  );
  const memoryView = memory.attach(vscode.window.createTreeView('reposcout.memory', { treeDataProvider: memory }));
  context.subscriptions.push(
    memoryView,
    // The Memory view lists memories whenever it is shown.
    memoryView.onDidChangeVisibility((event) => {
      if (event.visible) void vscode.commands.executeCommand('reposcout.refreshMemories');
    }),
  );

  // First use: the Repositories view becoming visible loads the stored repositories.
  if (repositoriesView.visible) void refreshAll();
  else {
    const once = repositoriesView.onDidChangeVisibility((event) => {
      if (event.visible) {
        once.dispose();
        void refreshAll();
      }
    });
    context.subscriptions.push(once);
  }
  log.info(`RepoScout ${String((context.extension.packageJSON as { version?: string }).version)} activated in ${Math.round(performance.now() - loadedAt)} ms (engine not started yet)`);
}

export function deactivate(): void {
  // Subscriptions (the engine client included) are disposed by VS Code.
}

import * as vscode from 'vscode';
import { openMarkdownReport, openRepositoryFile } from './commands/reports';
import { analyzeFolder } from './commands/analyze';
import type { CommandDeps } from './commands/deps';
import { allCommands } from './commands/index';
import { showFailure } from './commands/long-task';
import { createEngine, enableJobsToolset } from './engine/host';
import { gatedEngine } from './engine/jobs';
import { listAllRepositories } from './engine/research';
import { mcpDefinitions } from './mcp/definitions';
import type { McpDefinitions, McpRegistration } from './mcp/registration';
import type { LazyTree } from './views/lazy-tree';
import { RepositoriesProvider } from './views/repositories-provider';
import type { TreeNode } from './views/repository-tree';
import type { AchievementNode } from './views/achievement-items';
import { AchievementsProvider } from './views/achievements-provider';
import { COMMIT_SCHEME, CommitDocuments } from './views/commit-document';
import { refreshAchievements } from './commands/achievements';
import type { ResultItem } from './views/result-items';
import { ResultsProvider } from './views/results-provider';
import { Panels } from './webviews/panels';
import { notifyJobEvent } from './commands/jobs';
import { AttemptLogs, GIT_SCHEME, GitSides, LOG_SCHEME } from './views/job-documents';
import type { JobNode } from './views/job-tree';
import { JobsProvider } from './views/jobs-provider';

/** What activation (extension.ts) made before this part of the extension loaded. */
export interface Shell {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  mcp: McpRegistration;
  trees: { repositories: LazyTree<TreeNode>; search: LazyTree<ResultItem>; similar: LazyTree<ResultItem>; memory: LazyTree<ResultItem>; achievements: LazyTree<AchievementNode>; jobs: LazyTree<JobNode> };
  views: {
    repositories: vscode.TreeView<TreeNode>;
    search: vscode.TreeView<ResultItem>;
    similar: vscode.TreeView<ResultItem>;
    memory: vscode.TreeView<ResultItem>;
    achievements: vscode.TreeView<AchievementNode>;
    jobs: vscode.TreeView<JobNode>;
  };
}

/** The loaded extension, as activation's stand-ins call it. */
export interface Main {
  run(command: string, args: unknown[]): unknown;
  restorePanel(panel: vscode.WebviewPanel, state: unknown): void;
  mcp: McpDefinitions;
}

/**
 * The extension proper, loaded on first use (a view asking for rows, a command, a restored
 * panel, VS Code asking for MCP servers): the engine client, views' real providers, panels and
 * commands. The engine process itself starts only when something needs it.
 */
export function start(shell: Shell): Main {
  const { context, log, mcp, trees, views } = shell;
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
  const repositoriesView = views.repositories;
  const search = new ResultsProvider();
  const similar = new ResultsProvider();
  const memory = new ResultsProvider();
  const achievements = new AchievementsProvider(engine, context.workspaceState, log);

  // Job calls first make sure the engine serves the orchestrate tools (enabled on first use).
  const jobsEngine = gatedEngine(engine, () => enableJobsToolset(context, engine, log));
  const jobs = new JobsProvider(jobsEngine, (event) => ref.deps && notifyJobEvent(ref.deps, event), log);
  jobs.attach(views.jobs);
  const logs = new AttemptLogs(jobsEngine);
  const jobCommand = (id: string, ...args: unknown[]) => void vscode.commands.executeCommand(id, ...args);

  const panels = new Panels({
    engine,
    loadJob: (jobId) => jobs.record(jobId),
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
      openAttemptDiff: (jobId, key, number) => jobCommand('reposcout.openAttemptDiff', { kind: 'attempt', jobId, key, number } satisfies JobNode),
      openAttemptLog: (jobId, key, number) => jobCommand('reposcout.openAttemptLog', { kind: 'attempt', jobId, key, number } satisfies JobNode),
      approveSubtask: (jobId, key) => jobCommand('reposcout.approveSubtask', { kind: 'subtask', jobId, key } satisfies JobNode),
      cancelJob: (jobId) => jobCommand('reposcout.cancelJob', { kind: 'job', jobId } satisfies JobNode),
      exportPortfolio: (person) => void vscode.commands.executeCommand('reposcout.exportPortfolio', person),
      writeSelfReview: (person) => void vscode.commands.executeCommand('reposcout.writeSelfReview', person),
    },
    canWriteProse: async () => (await vscode.lm.selectChatModels().then(undefined, () => [])).length > 0,
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

  const ready: CommandDeps = { context, engine, log, repositories, repositoriesView, search, similar, memory, achievements, panels, mcp, refreshAll, jobs, logs };
  ref.deps = ready;
  const commands = new Map(allCommands.map((command) => [command.id, command]));
  search.attach(views.search);
  similar.attach(views.similar);
  memory.attach(views.memory);
  achievements.attach(views.achievements);
  for (const forward of [trees.repositories.connect(repositories), trees.search.connect(search), trees.similar.connect(similar), trees.memory.connect(memory), trees.achievements.connect(achievements), trees.jobs.connect(jobs)]) {
    if (forward) context.subscriptions.push(forward);
  }
  context.subscriptions.push(
    vscode.window.registerFileDecorationProvider(repositories),
    panels,
    jobs,
    logs,
    vscode.workspace.registerTextDocumentContentProvider(LOG_SCHEME, logs),
    vscode.workspace.registerTextDocumentContentProvider(GIT_SCHEME, new GitSides()),
    // After each poll: open job reports and logs of running attempts show the news.
    jobs.onDidUpdate(() => {
      panels.updateJobs((id) => jobs.job(id));
      logs.refreshOpen((id) => jobs.job(id));
    }),
    // The Memory view lists memories whenever it is shown.
    views.memory.onDidChangeVisibility((event) => {
      if (event.visible) void vscode.commands.executeCommand('reposcout.refreshMemories');
    }),
  );
  if (views.memory.visible) void vscode.commands.executeCommand('reposcout.refreshMemories');
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(COMMIT_SCHEME, new CommitDocuments()),
    // The Achievements view loads the remembered person's PRs whenever it is shown, and again
    // when the toolsets change (it says so when the engine no longer serves achievements).
    views.achievements.onDidChangeVisibility((event) => {
      if (event.visible) void refreshAchievements(ready);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('reposcout.toolsets') && views.achievements.visible) void refreshAchievements(ready);
    }),
  );
  if (views.achievements.visible) void refreshAchievements(ready);
  // The Jobs view polls while jobs run; shown again, it catches up at once.
  context.subscriptions.push(views.jobs.onDidChangeVisibility((event) => event.visible && void jobs.refresh()));

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
  log.info('RepoScout loaded its views and commands (engine not started yet)');
  return {
    run: (id, args) => {
      const command = commands.get(id);
      if (!command) throw new Error(`RepoScout has no command ${id}`);
      return command.run(ready, ...args);
    },
    restorePanel: (panel, state) => panels.restore(panel, state),
    mcp: mcpDefinitions(context, log),
  };
}

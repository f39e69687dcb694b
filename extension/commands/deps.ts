import type * as vscode from 'vscode';
import type { EngineClient } from '../engine/client';
import type { McpRegistration } from '../mcp/registration';
import type { AchievementsProvider } from '../views/achievements-provider';
import type { AttemptLogs } from '../views/job-documents';
import type { JobsProvider } from '../views/jobs-provider';
import type { RepositoriesProvider } from '../views/repositories-provider';
import type { TreeNode } from '../views/repository-tree';
import type { ResultsProvider } from '../views/results-provider';
import type { Panels } from '../webviews/panels';

/** What commands work with; built once in activate(). */
export interface CommandDeps {
  context: vscode.ExtensionContext;
  engine: EngineClient;
  log: vscode.LogOutputChannel;
  repositories: RepositoriesProvider;
  repositoriesView: vscode.TreeView<TreeNode>;
  search: ResultsProvider;
  similar: ResultsProvider;
  memory: ResultsProvider;
  achievements: AchievementsProvider;
  panels: Panels;
  mcp: McpRegistration;
  jobs: JobsProvider;
  logs: AttemptLogs;
  /** Reloads the Repositories view and every open report. */
  refreshAll(): Promise<void>;
}

/** One palette or menu command as a value; commands/index.ts lists them. */
export interface CommandDefinition {
  id: string;
  run(deps: CommandDeps, ...args: unknown[]): unknown;
}

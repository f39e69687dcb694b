import * as vscode from 'vscode';
import { toolFor, type Capability } from '../engine/capabilities';
import type { CommandDeps } from './deps';
import { showFailure } from './long-task';

// Shared by the commands of the engine's optional capabilities (GitHub, search, recommendations, memory).

/**
 * Starts the engine and returns the tool serving `capability`, or says the engine does not
 * offer it (its toolsets setting left it out) and returns null.
 */
export async function requireTool(deps: CommandDeps, capability: Capability, what: string, meanwhile: string): Promise<string | null> {
  try {
    await deps.engine.ensureStarted();
  } catch (error) {
    showFailure(deps, 'Starting the engine', error);
    return null;
  }
  const tool = toolFor(deps.engine, capability);
  if (!tool) {
    void vscode.window.showInformationMessage(`RepoScout: This engine cannot ${what} yet: its MCP server offers no such tool. ${meanwhile}`, 'Show Engine Status').then((c) => {
      if (c) void vscode.commands.executeCommand('reposcout.showStatus');
    });
  }
  return tool;
}

export function keyFromRow(arg: unknown): string | undefined {
  const key = (arg as { repositoryKey?: unknown } | undefined)?.repositoryKey;
  return typeof key === 'string' ? key : undefined;
}

export async function pickKey(deps: CommandDeps, title: string): Promise<string | undefined> {
  if (deps.repositories.repositories.length === 0) await deps.repositories.refresh().catch(() => undefined);
  const researched = deps.repositories.repositories.filter((r) => r.researched);
  const picked = await vscode.window.showQuickPick(
    researched.map((r) => ({ label: r.owner ? `${r.owner}/${r.name}` : r.name, description: r.health === null ? undefined : `health ${r.health}`, detail: r.path ?? r.key, key: r.key })),
    { title, matchOnDetail: true },
  );
  return picked?.key;
}

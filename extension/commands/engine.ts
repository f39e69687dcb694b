import * as vscode from 'vscode';
import { githubScopeRequest } from '../engine/github-scopes';
import { authProvider, currentConfig } from '../engine/host';
import { availableCapabilities } from '../engine/capabilities';
import { isSignInDeclined, SIGN_IN_DECLINED_MESSAGE } from '../errors-ui';
import type { CommandDefinition, CommandDeps } from './deps';
import { showFailure } from './long-task';

export const showLog: CommandDefinition = {
  id: 'reposcout.showLog',
  run: (deps) => deps.log.show(true),
};

export const restartEngine: CommandDefinition = {
  id: 'reposcout.restartEngine',
  async run(deps) {
    await deps.engine.restart();
    try {
      await deps.engine.ensureStarted();
      await deps.refreshAll();
      void vscode.window.setStatusBarMessage('RepoScout engine restarted', 3000);
    } catch (error) {
      showFailure(deps, 'Starting the engine', error, () => vscode.commands.executeCommand('reposcout.restartEngine'));
    }
  },
};

export const openNodePathSetting: CommandDefinition = {
  id: 'reposcout.openNodePathSetting',
  run: () => vscode.commands.executeCommand('workbench.action.openSettings', 'reposcout.nodePath'),
};

/** A summary a person (or a test) can read: engine state, Node, tools, capabilities, MCP registration. */
export const showStatus: CommandDefinition = {
  id: 'reposcout.showStatus',
  async run(deps) {
    let status = deps.engine.current;
    if (status.state !== 'running' && status.state !== 'failed') {
      try {
        status = await deps.engine.ensureStarted();
      } catch {
        status = deps.engine.current;
      }
    }
    const config = currentConfig();
    const capabilities = availableCapabilities(status.tools);
    const lines = [
      `Engine: ${status.state}${status.pid ? ` (pid ${status.pid})` : ''}${status.nodeVersion ? `, Node ${status.nodeVersion}` : ''}${status.startMs !== null ? `, started in ${status.startMs} ms` : ''}`,
      status.error ? `Last problem: ${status.error.message}` : null,
      `Database: ${config.databasePath || 'default (REPOSCOUT_DB or the user data folder)'}`,
      `Toolsets: ${config.toolsets.join(', ')}`,
      `Tools: ${[...status.tools].join(', ') || 'none'}`,
      `Capabilities: ${Object.entries(capabilities).map(([name, on]) => `${name} ${on ? 'yes' : 'not yet'}`).join(', ')}`,
      `MCP server for chat and agent mode: ${deps.mcp.registered ? 'registered (provider reposcout.engine)' : `not registered: ${deps.mcp.reason ?? 'unknown'}`}`,
    ].filter((l): l is string => l !== null);
    deps.log.info(`status:\n  ${lines.join('\n  ')}`);
    const choice = await vscode.window.showInformationMessage('RepoScout engine status', { modal: true, detail: lines.join('\n') }, 'Open Log', 'Restart Engine');
    if (choice === 'Open Log') deps.log.show(true);
    else if (choice === 'Restart Engine') await vscode.commands.executeCommand('reposcout.restartEngine');
  },
};

/**
 * Signs in through VS Code's GitHub provider (its consent prompt first) and restarts the engine
 * so it runs with the new session's token. The account's label when signed in, else null: a
 * declined or cancelled sign-in says what it left behind and how to sign in later.
 */
export async function signInToGitHub(deps: CommandDeps): Promise<string | null> {
  const config = currentConfig();
  try {
    const { scopes, why } = githubScopeRequest(config);
    deps.log.info(`signing in to GitHub with scopes ${scopes.join(', ')}: ${why}`);
    const session = await vscode.authentication.getSession(authProvider(config), scopes, { createIfNone: { detail: why } });
    // The engine reads GITHUB_TOKEN when it starts; start a fresh one with the new session.
    await deps.engine.restart();
    deps.log.info(`signed in to GitHub${config.githubHost ? ` (${config.githubHost})` : ''} as ${session.account.label}`);
    return session.account.label;
  } catch (error) {
    if (isSignInDeclined(error)) {
      deps.log.info(`GitHub sign-in declined (${error instanceof Error ? error.message : String(error)})`);
      void vscode.window.showWarningMessage(`RepoScout: ${SIGN_IN_DECLINED_MESSAGE}`, 'Sign in to GitHub').then((choice) => {
        if (choice) void vscode.commands.executeCommand('reposcout.signIn');
      });
    } else {
      showFailure(deps, 'GitHub sign-in', error);
    }
    return null;
  }
}

export const signIn: CommandDefinition = {
  id: 'reposcout.signIn',
  async run(deps) {
    const account = await signInToGitHub(deps);
    if (account === null) return;
    // Not awaited: the command is done once signed in, whether or not the offer is taken.
    void vscode.window.showInformationMessage(`RepoScout: Signed in to GitHub as ${account}.`, 'Ingest a GitHub Owner').then((next) => {
      if (next) void vscode.commands.executeCommand('reposcout.ingestOwner');
    });
  },
};

import * as vscode from 'vscode';
import { currentConfig, engineRuntime, silentGitHubToken } from '../engine/host';
import { engineLaunch } from '../engine/launch';
import type { McpDefinitions } from './registration';

/**
 * The MCP server definition: the same command line as the extension's own engine, on the same
 * probed runtime. The GitHub token is added only when VS Code starts the server (resolve), from
 * an existing session.
 */
export function mcpDefinitions(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): McpDefinitions {
  const version = String((context.extension.packageJSON as { version?: string }).version ?? '0.0.0');
  return {
    provide: async () => {
      const config = currentConfig();
      let runtime;
      try {
        runtime = await engineRuntime(config, context.extensionUri.fsPath, log);
      } catch (error) {
        log.error(`MCP server not offered: ${error instanceof Error ? error.message : String(error)}`);
        return [];
      }
      const launch = engineLaunch(config, context.extensionUri.fsPath, {}, null, runtime);
      // The editor merges this over its own environment; only our settings go in, and the
      // Electron switch only when the editor's own binary runs the engine.
      const env: Record<string, string | null> = { ...launch.env, ELECTRON_RUN_AS_NODE: runtime.env.ELECTRON_RUN_AS_NODE ?? null };
      return [new vscode.McpStdioServerDefinition('RepoScout', launch.command, launch.args, env, `${version}+${config.toolsets.join('.')}+${runtime.command}`)];
    },
    resolve: async (server) => {
      const token = await silentGitHubToken(currentConfig());
      if (token) server.env = { ...server.env, GITHUB_TOKEN: token };
      return server;
    },
  };
}

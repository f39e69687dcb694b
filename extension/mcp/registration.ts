import * as vscode from 'vscode';
import { engineLaunch } from '../engine/launch';
import { currentConfig, engineRuntime, silentGitHubToken } from '../engine/host';

export const MCP_PROVIDER_ID = 'reposcout.engine';

export interface McpRegistration {
  registered: boolean;
  /** Why not, when not registered. */
  reason: string | null;
}

/**
 * Offers RepoScout's MCP server to VS Code's chat and agent mode. Guarded by feature
 * detection: VS Code before 1.101 and forks without the API keep every other feature.
 * The definition carries the same command line as the extension's own engine; the GitHub
 * token is added only when VS Code starts the server (resolve), from an existing session.
 */
export function registerMcpProvider(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): McpRegistration {
  const lm = (vscode as { lm?: Partial<typeof vscode.lm> }).lm;
  const Definition = (vscode as { McpStdioServerDefinition?: typeof vscode.McpStdioServerDefinition }).McpStdioServerDefinition;
  if (typeof lm?.registerMcpServerDefinitionProvider !== 'function' || typeof Definition !== 'function') {
    const reason = `this editor (${vscode.env.appName} ${vscode.version}) has no MCP server definition API`;
    log.info(`MCP server not registered: ${reason}; the rest of RepoScout works as usual`);
    return { registered: false, reason };
  }
  const changed = new vscode.EventEmitter<void>();
  const version = String((context.extension.packageJSON as { version?: string }).version ?? '0.0.0');
  const provider: vscode.McpServerDefinitionProvider<vscode.McpStdioServerDefinition> = {
    onDidChangeMcpServerDefinitions: changed.event,
    // Called when the editor lists MCP servers, not at activation: the runtime probe runs here.
    provideMcpServerDefinitions: async () => {
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
      return [new Definition('RepoScout', launch.command, launch.args, env, `${version}+${config.toolsets.join('.')}+${runtime.command}`)];
    },
    resolveMcpServerDefinition: async (server) => {
      const token = await silentGitHubToken(currentConfig());
      if (token) server.env = { ...server.env, GITHUB_TOKEN: token };
      return server;
    },
  };
  try {
    context.subscriptions.push(
      lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, provider),
      changed,
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('reposcout')) changed.fire();
      }),
    );
  } catch (error) {
    const reason = `registration failed: ${error instanceof Error ? error.message : String(error)}`;
    log.warn(`MCP server not registered: ${reason}`);
    return { registered: false, reason };
  }
  log.info(`MCP server "RepoScout" offered to chat and agent mode (provider ${MCP_PROVIDER_ID})`);
  return { registered: true, reason: null };
}

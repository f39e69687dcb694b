import * as vscode from 'vscode';

export const MCP_PROVIDER_ID = 'reposcout.engine';

export interface McpRegistration {
  registered: boolean;
  /** Why not, when not registered. */
  reason: string | null;
}

/** What the provider answers, from the part of the extension that loads on first use. */
export interface McpDefinitions {
  provide(): Promise<vscode.McpStdioServerDefinition[]>;
  resolve(server: vscode.McpStdioServerDefinition): Promise<vscode.McpStdioServerDefinition>;
}

/**
 * Offers RepoScout's MCP server to VS Code's chat and agent mode. Guarded by feature
 * detection: VS Code before 1.101 and forks without the API keep every other feature.
 * Registered at activation (VS Code activates the extension for it, onMcpCollection); the
 * definitions themselves come from `definitions`, loaded when VS Code first asks.
 */
export function registerMcpProvider(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, definitions: () => Promise<McpDefinitions>): McpRegistration {
  const lm = (vscode as { lm?: Partial<typeof vscode.lm> }).lm;
  const Definition = (vscode as { McpStdioServerDefinition?: typeof vscode.McpStdioServerDefinition }).McpStdioServerDefinition;
  if (typeof lm?.registerMcpServerDefinitionProvider !== 'function' || typeof Definition !== 'function') {
    const reason = `this editor (${vscode.env.appName} ${vscode.version}) has no MCP server definition API`;
    log.info(`MCP server not registered: ${reason}; the rest of RepoScout works as usual`);
    return { registered: false, reason };
  }
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.McpServerDefinitionProvider<vscode.McpStdioServerDefinition> = {
    onDidChangeMcpServerDefinitions: changed.event,
    provideMcpServerDefinitions: async () => (await definitions()).provide(),
    resolveMcpServerDefinition: async (server) => (await definitions()).resolve(server),
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

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from './engine/capabilities';
import { TOOLSETS } from './config';

// The extension manifest against the code: every command registered is declared (and the
// other way round), the engine range matches @types/vscode, and the settings match config.ts.
const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, 'package.json'), 'utf8'));
const commandsDir = path.join(__dirname, 'commands');
const registered = fs
  .readdirSync(commandsDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .flatMap((f) => [...fs.readFileSync(path.join(commandsDir, f), 'utf8').matchAll(/id: '(reposcout\.[A-Za-z]+)'/g)].map((m) => m[1]));

describe('extension/package.json', () => {
  it('declares exactly the commands the extension registers, all under the RepoScout category', () => {
    const declared = manifest.contributes.commands.map((c: { command: string }) => c.command);
    expect([...declared].sort()).toEqual([...registered].sort());
    for (const c of manifest.contributes.commands) expect(c.category).toBe('RepoScout');
  });

  it('menus and welcome buttons name only declared or built-in commands', () => {
    const declared = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
    const menuCommands = Object.values(manifest.contributes.menus as Record<string, { command: string }[]>).flat().map((m) => m.command);
    for (const id of menuCommands) expect(declared.has(id)).toBe(true);
    const links = manifest.contributes.viewsWelcome.flatMap((w: { contents: string }) => [...w.contents.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]));
    for (const id of links) expect(id.startsWith('reposcout.') ? declared.has(id) : /^workbench\./.test(id)).toBe(true);
  });

  it('targets VS Code 1.101+ (MCP provider API) and @types/vscode is not newer', () => {
    expect(manifest.engines.vscode).toBe('^1.101.0');
    const types = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'node_modules', '@types', 'vscode', 'package.json'), 'utf8'));
    expect(types.version.startsWith('1.101.')).toBe(true);
    expect(manifest.main).toBe('./dist/extension.cjs');
    expect(manifest.contributes.mcpServerDefinitionProviders).toEqual([{ id: 'reposcout.engine', label: 'RepoScout' }]);
    expect(manifest.activationEvents).toEqual(expect.arrayContaining(['onWebviewPanel:reposcout.report', 'onWebviewPanel:reposcout.dashboard']));
  });

  it('offers the toolsets config.ts knows, and keeps executable paths out of workspace settings', () => {
    const props = manifest.contributes.configuration.properties;
    expect(props['reposcout.toolsets'].items.enum).toEqual([...TOOLSETS]);
    for (const key of ['reposcout.nodePath', 'reposcout.databasePath', 'reposcout.modelFolder', 'reposcout.githubHost']) {
      expect(props[key].scope).toBe('application');
      expect(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations).toContain(key);
    }
  });

  it('declares the Jobs view (collapsed, so nothing polls until it is opened) and its job report panel', () => {
    const jobs = manifest.contributes.views.reposcout.find((v: { id: string }) => v.id === 'reposcout.jobs');
    expect(jobs).toMatchObject({ name: 'Jobs', visibility: 'collapsed' });
    expect(manifest.activationEvents).toContain('onWebviewPanel:reposcout.job');
    const extension = fs.readFileSync(path.join(__dirname, 'extension.ts'), 'utf8');
    expect(extension).toContain("'reposcout.job'");
    const itemMenus = (manifest.contributes.menus['view/item/context'] as { command: string; when: string }[]).filter((m) => m.when.includes('view == reposcout.jobs'));
    expect(new Set(itemMenus.map((m) => m.command))).toEqual(new Set(['reposcout.approveSubtask', 'reposcout.cancelJob', 'reposcout.openJobReport', 'reposcout.openAttemptLog', 'reposcout.openAttemptDiff']));
  });

  it('has a context key for every capability the views refer to', () => {
    const used = new Set([...JSON.stringify(manifest.contributes).matchAll(/reposcout\.capability\.(\w+)/g)].map((m) => m[1]));
    for (const name of used) expect(Object.keys(CAPABILITIES)).toContain(name);
  });
});

describe('the extension bundles (dist/meta.extension.json, dist/meta.extension-sdk.json)', () => {
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'dist', file), 'utf8'));
  const meta = read('meta.extension.json');
  const inputs = Object.keys(meta.inputs as Record<string, unknown>);
  const sdkInputs = Object.keys(read('meta.extension-sdk.json').inputs as Record<string, unknown>);
  const mainInputs = Object.keys(read('meta.extension-main.json').inputs as Record<string, unknown>);

  it('hold no native module and none of the store: the extension host never loads them', () => {
    const forbidden = [...inputs, ...mainInputs, ...sdkInputs].filter((file) => /better-sqlite3|sqlite-vec|onnxruntime|@huggingface|\.node$|(^|\/)shared\/store\//.test(file));
    expect(forbidden).toEqual([]);
    expect(mainInputs.length).toBeGreaterThan(20);
  });

  it('activate with a small bundle: no zod, engine client, panels or commands until first use', () => {
    expect(inputs.filter((file) => /node_modules\/zod\/|extension\/engine\/client|extension\/webviews\/|extension\/commands\//.test(file))).toEqual([]);
    expect(inputs.length).toBeLessThan(12);
    expect(mainInputs.some((file) => file.includes('node_modules/zod/'))).toBe(true);
    expect(fs.statSync(path.join(__dirname, '..', 'dist', 'extension.cjs')).size).toBeLessThan(20_000);
  });

  it('activates on its views, commands, restored panels and MCP collection, not at startup', () => {
    expect(manifest.activationEvents).not.toContain('onStartupFinished');
    expect(manifest.activationEvents).not.toContain('*');
    expect(manifest.activationEvents).toContain('onMcpCollection:reposcout.engine');
  });

  it('keep the MCP SDK out of the activation bundle (it loads when the engine first starts)', () => {
    expect([...inputs, ...mainInputs].filter((file) => file.includes('@modelcontextprotocol/sdk'))).toEqual([]);
    expect(sdkInputs.some((file) => /@modelcontextprotocol\/sdk\/dist\/\w+\/client\//.test(file))).toBe(true);
  });

  it('leaves vscode to the host', () => {
    const output = Object.values(meta.outputs as Record<string, { imports: { path: string; external?: boolean }[] }>).find((o) => o.imports.length > 0);
    expect(output?.imports.filter((i) => i.path === 'vscode').every((i) => i.external)).toBe(true);
    expect(inputs.some((i) => i.includes('node_modules/@types/vscode'))).toBe(false);
  });
});

describe('capability keys at activation', () => {
  it('equal what the tool contracts say, for every toolset combination', async () => {
    const { expectedCapabilityKeys } = await import('./engine/capability-keys');
    const { expectedCapabilities } = await import('./engine/capabilities');
    const all = ['research', 'achievements', 'recommend', 'orchestrate', 'memory'];
    for (let mask = 0; mask < 1 << all.length; mask++) {
      const toolsets = all.filter((_, i) => mask & (1 << i));
      expect(expectedCapabilityKeys(toolsets), toolsets.join(',')).toEqual(expectedCapabilities(toolsets));
    }
  });
});

import * as vscode from 'vscode';
import { ENGINE_SETTINGS, readConfig, type ExtensionConfig } from '../config';
import { availableCapabilities, expectedCapabilities, type Capability } from './capabilities';
import { EngineClient, type EngineStatus } from './client';
import path from 'node:path';
import { githubScopeRequest } from './github-scopes';
import { sessionChangeNeedsRestart } from './session-change';
import { engineBaseEnv, engineLaunch } from './launch';
import { chooseRuntime, describeProbes, runtimeCandidates, type ChosenRuntime } from './runtime';


export function currentConfig(): ExtensionConfig {
  const section = vscode.workspace.getConfiguration('reposcout');
  return readConfig((key) => section.get(key));
}

/** github.com uses the built-in "github" provider; an Enterprise host uses "github-enterprise". */
export function authProvider(config: ExtensionConfig): string {
  return config.githubHost.trim() === '' ? 'github' : 'github-enterprise';
}

/**
 * The GitHub token of a session the user already granted, without prompting. It goes only
 * into the engine's environment: never into settings, files or the log.
 */
export async function silentGitHubToken(config: ExtensionConfig): Promise<string | null> {
  // Editors without the GitHub provider (some forks, code-server) can keep this waiting for
  // the provider to register; the engine then starts without a token rather than not at all.
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), AUTH_TIMEOUT_MS));
  const session = vscode.authentication.getSession(authProvider(config), githubScopeRequest(config).scopes, { silent: true }).then(
    (s) => s?.accessToken ?? null,
    () => null,
  );
  return Promise.race([session, timeout]);
}

const AUTH_TIMEOUT_MS = 3000;

/**
 * Whether the Jobs view has been used (kept across windows). From then on the extension's own
 * engine serves the orchestrate toolset beyond reposcout.toolsets; before that it does not, so
 * an engine that serves jobs (and settles and resumes jobs left by a stopped RepoScout when it
 * starts) runs only for people who use jobs. Agents' MCP definition never gets it from here.
 */
const JOBS_USED = 'reposcout.jobs.used';

function ownToolsets(context: vscode.ExtensionContext): string[] {
  return context.globalState.get<boolean>(JOBS_USED) === true ? ['orchestrate'] : [];
}

let enabling: Promise<void> | null = null;

/**
 * Makes the extension's engine serve the orchestrate tools: marks the Jobs view as used and,
 * when the running engine lacks them, restarts it once no call is in flight (an analysis in
 * progress is never cut off). Job calls wait for this.
 */
export function enableJobsToolset(context: vscode.ExtensionContext, engine: EngineClient, log: vscode.LogOutputChannel): Promise<void> {
  enabling ??= (async () => {
    if (context.globalState.get<boolean>(JOBS_USED) !== true) await context.globalState.update(JOBS_USED, true);
    // A start in progress may have read the setting before: let it finish, then look.
    if (engine.current.state === 'starting') await engine.ensureStarted().catch(() => undefined);
    if (engine.current.state === 'running' && !engine.has('list_jobs')) {
      log.info('the Jobs view needs the orchestrate tools: the engine restarts with them once its current calls are done');
      await engine.whenIdle();
      if (!engine.has('list_jobs')) await engine.restart();
    }
  })().finally(() => {
    enabling = null;
  });
  return enabling;
}

// One probe per setting value per window: the runtime does not change under a running editor.
// A failure is not kept, so installing Node.js and pressing Retry works.
const chosenRuntimes = new Map<string, Promise<ChosenRuntime>>();

/**
 * The runtime that runs the engine (see runtime.ts), probed on first use, never at activation.
 * The probes and the choice go to the output channel.
 */
export function engineRuntime(config: ExtensionConfig, extensionPath: string, log: vscode.LogOutputChannel): Promise<ChosenRuntime> {
  let chosen = chosenRuntimes.get(config.nodePath);
  if (!chosen) {
    const candidates = runtimeCandidates(config.nodePath, {
      execPath: process.execPath,
      electron: Boolean(process.versions.electron),
      editorRuntime: process.env.REPOSCOUT_EDITOR_RUNTIME !== 'off',
    });
    chosen = chooseRuntime(candidates, path.join(extensionPath, 'dist'), engineBaseEnv(process.env)).then(
      (runtime) => {
        for (const line of describeProbes(runtime.probes)) log.info(line);
        log.info(`engine runtime: ${runtime.label}, Node.js ${runtime.version} (${runtime.command})`);
        return runtime;
      },
      (error: unknown) => {
        chosenRuntimes.delete(config.nodePath);
        const probes = (error as { probes?: Parameters<typeof describeProbes>[0] }).probes ?? [];
        for (const line of describeProbes(probes)) log.warn(line);
        throw error;
      },
    );
    chosenRuntimes.set(config.nodePath, chosen);
  }
  return chosen;
}

/**
 * Creates the engine client for this window: settings and sign-in are read at every start,
 * a change of an engine setting or of the GitHub session restarts it, and its state drives
 * context keys (welcome views, menus) and the status listeners.
 */
export function createEngine(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, onStatus: (status: EngineStatus) => void): EngineClient {
  // The token the engine was last started with (memory only), to tell a sign-in or sign-out
  // from the echo of one the engine already runs with. Read first thing in a start, so that
  // an engine still starting is compared with the token it will get.
  let launchedToken: Promise<string | null> | undefined;
  const engine = new EngineClient({
    version: String((context.extension.packageJSON as { version?: string }).version ?? '0.0.0'),
    log,
    resolveLaunch: async () => {
      const config = currentConfig();
      const token = silentGitHubToken(config);
      launchedToken = token;
      const runtime = await engineRuntime(config, context.extensionUri.fsPath, log);
      return engineLaunch(config, context.extensionUri.fsPath, process.env, await token, runtime, ownToolsets(context));
    },
    onStatus: (status) => {
      void vscode.commands.executeCommand('setContext', 'reposcout.engineState', status.state);
      // Keep a capability's views enabled while the engine is merely restarting.
      if (status.state === 'running') setCapabilityKeys(availableCapabilities(status.tools));
      onStatus(status);
    },
  });
  setCapabilityKeys(expectedCapabilities(currentConfig().toolsets));
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (ENGINE_SETTINGS.some((key) => event.affectsConfiguration(`reposcout.${key}`))) {
        log.info('engine settings changed; the engine restarts on next use');
        setCapabilityKeys(expectedCapabilities(currentConfig().toolsets));
        void engine.restart();
      }
    }),
    vscode.authentication.onDidChangeSessions((event) => {
      if (event.provider.id !== authProvider(currentConfig())) return;
      // The sign-in command restarts the engine itself, and this event can arrive after the
      // fresh engine took the new token: restarting again would cut off the work it started.
      void silentGitHubToken(currentConfig()).then(async (token) => {
        // Looked up now, not when the event came: an engine started meanwhile is the one to judge.
        const launched = await launchedToken;
        if (sessionChangeNeedsRestart(engine.current.state, launched, token)) {
          log.info('GitHub sign-in changed; the engine restarts on next use');
          void engine.restart();
        }
      });
    }),
    { dispose: () => void engine.dispose() },
  );
  return engine;
}

function setCapabilityKeys(capabilities: Record<Capability, boolean>): void {
  for (const [name, available] of Object.entries(capabilities)) void vscode.commands.executeCommand('setContext', `reposcout.capability.${name}`, available);
}

import * as vscode from 'vscode';
import { currentConfig, silentGitHubToken } from '../engine/host';
import { ingestGitHub } from '../engine/organization';
import { requireTool } from './capability-support';
import { signInToGitHub } from './engine';
import type { CommandDefinition } from './deps';
import { runLongTask } from './long-task';

export const ingestOwner: CommandDefinition = {
  id: 'reposcout.ingestOwner',
  async run(deps, preset?: unknown) {
    const tool = await requireTool(deps, 'ingest', 'ingest from GitHub', 'Meanwhile run "reposcout ingest <owner>" in a terminal; the repositories then appear here.');
    if (!tool) return;
    const config = currentConfig();
    const fromTree = (preset as { kind?: string; owner?: string | null } | undefined)?.kind === 'owner' ? (preset as { owner: string | null }).owner : undefined;
    const typed =
      typeof preset === 'string' || typeof fromTree === 'string'
        ? (fromTree ?? (preset as string))
        : await vscode.window.showInputBox({
            title: 'RepoScout: Ingest from GitHub',
            prompt: `An organization or user ("octo-org") or one repository ("octo-org/hello-world") on ${config.githubHost || 'github.com'}`,
            placeHolder: 'octo-org',
            ignoreFocusOut: true,
            validateInput: (v) => (parseTarget(v) ? null : 'An owner ("octo-org"), a repository ("octo-org/hello-world") or its URL'),
          });
    const target = typed === undefined ? null : parseTarget(typed);
    if (!target) return;
    let signedIn = (await silentGitHubToken(config)) !== null;
    const fromEnvironment = Boolean(process.env.GITHUB_TOKEN || process.env.GH_TOKEN);
    if (!signedIn && !fromEnvironment) {
      const choice = await vscode.window.showWarningMessage(
        'RepoScout: Without signing in to GitHub, RepoScout reads public data only, at 60 requests an hour.',
        'Sign in to GitHub',
        'Continue Without',
      );
      if (choice === 'Sign in to GitHub') {
        // Signed in, the ingest asked for goes on; declined, its message says what to do.
        if ((await signInToGitHub(deps)) === null) return;
        signedIn = true;
      } else if (choice !== 'Continue Without') return;
    }
    deps.log.info(`ingest ${target} from ${config.githubHost || 'github.com'} (${signedIn ? 'signed in' : fromEnvironment ? 'token from the environment' : 'anonymous'})`);
    const result = await runLongTask(
      deps,
      `RepoScout: Ingesting ${target} from GitHub…`,
      (task) => ingestGitHub(deps.engine, target, config.windowMonths, { signal: task.signal, onProgress: (p) => task.report(p.done, p.total, p.message) }),
      () => vscode.commands.executeCommand('reposcout.ingestOwner', target),
    );
    if (!result) return;
    await deps.refreshAll();
    const research = result.research;
    const summary = result.repository
      ? `${result.owner}/${result.repository}${research?.medianHealth === null || research === null ? '' : `: health ${research.medianHealth}/100`}`
      : `${result.owner}: ${result.repositories} repositories (${result.detailed} updated, ${result.unchanged} unchanged)${research?.medianHealth == null ? '' : `, median health ${research.medianHealth}/100`}`;
    const open = result.repository ? 'Open Report' : 'Open Dashboard';
    const choice = await vscode.window.showInformationMessage(`RepoScout: Ingested ${summary}.`, open);
    if (choice === 'Open Dashboard') deps.panels.showDashboard(result.owner);
    else if (choice === 'Open Report' && research?.key) deps.panels.showReport(research.key);
  },
};

/** "octo-org", "octo-org/repo" or a github URL → "octo-org" / "octo-org/repo"; null when it is none of these. */
export function parseTarget(input: string): string | null {
  const text = input.trim().replace(/\.git$/, '').replace(/\/+$/, '');
  const path = /^https?:\/\//.test(text) ? text.replace(/^https?:\/\/[^/]+\//, '') : text;
  return /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\/[A-Za-z0-9._-]{1,100})?$/.test(path) ? path : null;
}

export const openOnGitHub: CommandDefinition = {
  id: 'reposcout.openOnGitHub',
  run(_deps, arg) {
    const url = (arg as { url?: unknown } | undefined)?.url;
    if (typeof url === 'string' && /^https?:\/\//.test(url)) void vscode.env.openExternal(vscode.Uri.parse(url, true));
  },
};


import path from 'node:path';
import * as vscode from 'vscode';
import { listAllRepositories, repositoriesOfContributor } from '../engine/research';
import { LOCAL_GROUP, type TreeNode } from '../views/repository-tree';
import { keyOf } from './analyze';
import type { CommandDefinition, CommandDeps } from './deps';
import { showFailure } from './long-task';
import { unfenceReport } from '../engine/report-text';

async function pickRepository(deps: CommandDeps, title: string): Promise<string | undefined> {
  try {
    const { repositories } = await listAllRepositories(deps.engine);
    const researched = repositories.filter((r) => r.researched);
    if (researched.length === 0) {
      const choice = await vscode.window.showInformationMessage('RepoScout: No repository has been analysed yet.', 'Analyze Workspace Repository');
      if (choice) await vscode.commands.executeCommand('reposcout.analyzeWorkspace');
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      researched.map((r) => ({
        label: r.owner ? `${r.owner}/${r.name}` : r.name,
        description: `health ${r.health ?? 'n/a'}${r.grade ? ` (${r.grade})` : ''}${r.primaryLanguage ? ` · ${r.primaryLanguage}` : ''}`,
        detail: r.path ?? r.key,
        key: r.key,
      })),
      { title, matchOnDescription: true, matchOnDetail: true },
    );
    return picked?.key;
  } catch (error) {
    showFailure(deps, title, error, () => pickRepository(deps, title));
    return undefined;
  }
}

export const openReport: CommandDefinition = {
  id: 'reposcout.openReport',
  async run(deps, arg) {
    const key = keyOf(arg) ?? keyFromResult(arg) ?? (await pickRepository(deps, 'RepoScout: Open which repository report?'));
    if (key) deps.panels.showReport(key);
  },
};

function keyFromResult(arg: unknown): string | undefined {
  const key = (arg as { repositoryKey?: unknown } | undefined)?.repositoryKey;
  return typeof key === 'string' ? key : undefined;
}

export const openDashboard: CommandDefinition = {
  id: 'reposcout.openDashboard',
  async run(deps, arg) {
    const node = arg as Partial<TreeNode> | undefined;
    if (node?.kind === 'owner') return deps.panels.showDashboard(node.owner ?? null);
    if (typeof arg === 'string' || arg === null) return deps.panels.showDashboard(arg as string | null);
    const owners = new Map<string, string | null>();
    for (const r of deps.repositories.repositories) owners.set(r.owner ?? LOCAL_GROUP, r.source === 'local' ? null : r.owner);
    if (owners.size === 0) {
      try {
        await deps.repositories.refresh();
      } catch {
        // Shown by the view itself.
      }
      for (const r of deps.repositories.repositories) owners.set(r.owner ?? LOCAL_GROUP, r.source === 'local' ? null : r.owner);
    }
    if (owners.size === 0) {
      void vscode.window.showInformationMessage('RepoScout: Nothing to show yet; analyse a repository or ingest a GitHub owner first.', 'Analyze Workspace Repository').then((c) => {
        if (c) void vscode.commands.executeCommand('reposcout.analyzeWorkspace');
      });
      return;
    }
    if (owners.size === 1) return deps.panels.showDashboard([...owners.values()][0] ?? null);
    const picked = await vscode.window.showQuickPick(
      [...owners.entries()].map(([label, owner]) => ({ label, owner })),
      { title: 'RepoScout: Open the dashboard of which owner?' },
    );
    if (picked) deps.panels.showDashboard(picked.owner);
  },
};

export const showContributor: CommandDefinition = {
  id: 'reposcout.showContributor',
  async run(deps, arg) {
    const person = arg as { name?: unknown; email?: unknown } | undefined;
    if (typeof person?.name !== 'string' || typeof person.email !== 'string') return;
    const { name, email } = person as { name: string; email: string };
    try {
      const found = await vscode.window.withProgress({ location: { viewId: 'reposcout.repositories' } }, () => repositoriesOfContributor(deps.engine, { name, email }));
      if (found.length === 0) {
        void vscode.window.showInformationMessage(`RepoScout: No stored repository lists ${name} as a contributor.`);
        return;
      }
      const picked = await vscode.window.showQuickPick(
        found.map((f) => ({
          label: f.repository.owner ? `${f.repository.owner}/${f.repository.name}` : f.repository.name,
          description: `${f.commits.toLocaleString()} commits · last ${f.lastCommitAt.slice(0, 10)}`,
          detail: f.repository.health === null ? undefined : `health ${f.repository.health} (${f.repository.grade ?? '?'})`,
          key: f.repository.key,
        })),
        { title: `RepoScout: Repositories ${name}${email ? ` <${email}>` : ''} contributed to`, placeHolder: 'Pick one to open its report' },
      );
      if (picked) deps.panels.showReport(picked.key);
    } catch (error) {
      showFailure(deps, `Finding ${name}'s repositories`, error);
    }
  },
};

export const refresh: CommandDefinition = {
  id: 'reposcout.refresh',
  run: (deps) => deps.refreshAll(),
};

export const revealRepository: CommandDefinition = {
  id: 'reposcout.revealRepository',
  async run(deps, arg) {
    const key = keyOf(arg);
    const folder = key ? deps.repositories.find(key)?.item.path : undefined;
    if (folder) await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(folder));
  },
};

export const copyRepositoryKey: CommandDefinition = {
  id: 'reposcout.copyRepositoryKey',
  async run(_deps, arg) {
    const key = keyOf(arg);
    if (!key) return;
    await vscode.env.clipboard.writeText(key);
    void vscode.window.setStatusBarMessage(`Copied ${key}`, 3000);
  },
};

/** Opens a file of a local clone (a hotspot in the report); refuses paths that leave the clone. */
export async function openRepositoryFile(deps: CommandDeps, key: string, file: string): Promise<void> {
  const root = deps.repositories.find(key)?.item.path ?? (key.startsWith('local:') ? key.slice('local:'.length) : null);
  if (!root) return;
  const full = path.resolve(root, file);
  if (full !== root && !full.startsWith(root + path.sep)) {
    deps.log.warn(`refused to open ${JSON.stringify(file)}: outside ${root}`);
    return;
  }
  try {
    await vscode.window.showTextDocument(vscode.Uri.file(full), { preview: true, viewColumn: vscode.ViewColumn.Beside });
  } catch {
    void vscode.window.showWarningMessage(`RepoScout: ${file} is not in the working tree any more (it may have been moved or deleted since).`);
  }
}

/** The engine's Markdown report in an editor, with the preview beside it. */
export async function openMarkdownReport(deps: CommandDeps, key: string): Promise<void> {
  try {
    const text = unfenceReport(await deps.engine.readText(`reposcout://repository/${encodeURIComponent(key)}/report`));
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(document, { preview: false });
  } catch (error) {
    showFailure(deps, 'Opening the Markdown report', error, () => openMarkdownReport(deps, key));
  }
}


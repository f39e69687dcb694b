import path from 'node:path';
import * as vscode from 'vscode';
import { peopleToAsk, search, similarRepositories } from '../engine/discovery';
import { cardName, peopleItems, searchItems, similarItems } from '../views/result-items';
import { keyOf } from './analyze';
import { keyFromRow, pickKey, requireTool } from './capability-support';
import type { CommandDefinition } from './deps';
import { showFailure } from './long-task';

export const searchCommand: CommandDefinition = {
  id: 'reposcout.search',
  async run(deps) {
    const tool = await requireTool(deps, 'search', 'search', 'Enable the "recommend" toolset in reposcout.toolsets.');
    if (!tool) return;
    const query = await vscode.window.showInputBox({ title: 'RepoScout: Search', prompt: 'Words to find in repositories, issues, pull requests and memories', ignoreFocusOut: true, validateInput: (v) => (v.trim() ? null : 'Type something to search for') });
    if (!query?.trim()) return;
    try {
      const answer = await vscode.window.withProgress({ location: { viewId: 'reposcout.search' } }, () => search(deps.engine, query.trim()));
      const items = searchItems(answer);
      deps.search.set(items, `${items.length} ${items.length === 1 ? 'result' : 'results'} for “${query.trim()}”${answer.notice ? ` (${answer.notice})` : ''}`);
      await vscode.commands.executeCommand('reposcout.search.focus');
    } catch (error) {
      showFailure(deps, 'Search', error, () => vscode.commands.executeCommand('reposcout.search'));
    }
  },
};

export const showSimilar: CommandDefinition = {
  id: 'reposcout.showSimilar',
  async run(deps, arg) {
    const tool = await requireTool(deps, 'similar', 'recommend similar repositories', 'Enable the "recommend" toolset in reposcout.toolsets.');
    if (!tool) return;
    const key = keyOf(arg) ?? keyFromRow(arg) ?? (await pickKey(deps, 'RepoScout: Similar to which repository?'));
    if (!key) return;
    try {
      const answer = await vscode.window.withProgress({ location: { viewId: 'reposcout.similar' } }, () => similarRepositories(deps.engine, key));
      const seed = cardName(answer.repository);
      deps.similar.set(similarItems(answer), answer.recommendations.length ? `Most like ${seed}; expand a row for why` : `No other stored repository to compare ${seed} with`);
      await vscode.commands.executeCommand('reposcout.similar.focus');
    } catch (error) {
      showFailure(deps, 'Similar repositories', error, () => vscode.commands.executeCommand('reposcout.showSimilar', key));
    }
  },
};

export const findPeopleToAsk: CommandDefinition = {
  id: 'reposcout.findPeopleToAsk',
  async run(deps, arg) {
    const tool = await requireTool(deps, 'people', 'find people to ask', 'Enable the "recommend" toolset in reposcout.toolsets.');
    if (!tool) return;
    // From the explorer: a file or folder inside an analysed clone; from the tree: a repository.
    let key = keyOf(arg);
    let subPath: string | undefined;
    if (!key && arg instanceof vscode.Uri) {
      const owner = deps.repositories.repositories.filter((r) => r.path && (arg.fsPath === r.path || arg.fsPath.startsWith(r.path + path.sep))).sort((a, b) => (b.path?.length ?? 0) - (a.path?.length ?? 0))[0];
      if (!owner?.path) {
        void vscode.window.showInformationMessage('RepoScout: This file is not in an analysed repository; analyse the workspace repository first.', 'Analyze Workspace Repository').then((c) => {
          if (c) void vscode.commands.executeCommand('reposcout.analyzeWorkspace');
        });
        return;
      }
      key = owner.key;
      subPath = path.relative(owner.path, arg.fsPath).split(path.sep).join('/') || undefined;
    }
    key ??= await pickKey(deps, 'RepoScout: Who knows which repository?');
    if (!key) return;
    try {
      const answer = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'RepoScout: finding people to ask…' }, () => peopleToAsk(deps.engine, key, subPath));
      const items = peopleItems(answer);
      if (items.length === 0) {
        void vscode.window.showInformationMessage(`RepoScout: Nobody to ask about ${subPath ?? 'this repository'}: its history has no commits by people.`);
        return;
      }
      const picked = await vscode.window.showQuickPick(
        items.map((i, n) => ({ label: i.label, description: i.description, detail: i.tooltip.split('\n').slice(1, 3).join(' · '), person: answer.people[n] })),
        { title: `RepoScout: People to ask about ${subPath ?? answer.repository}`, placeHolder: 'Pick someone to see the repositories they worked on', matchOnDetail: true },
      );
      if (picked?.person) await vscode.commands.executeCommand('reposcout.showContributor', { name: picked.person.name, email: picked.person.email });
    } catch (error) {
      showFailure(deps, 'Finding people to ask', error);
    }
  },
};

export const clearResults: CommandDefinition = {
  id: 'reposcout.clearResults',
  run(deps, arg) {
    const view = (arg as { contextValue?: string } | undefined)?.contextValue;
    if (!view || view.startsWith('searchHit')) deps.search.set([]);
    if (!view || view.startsWith('similar')) deps.similar.set([]);
  },
};


import * as vscode from 'vscode';
import { listMemoriesContract } from '../../shared/protocol';
import { forget, listMemories, recall, remember as rememberMemory } from '../engine/discovery';
import { memoryItems } from '../views/result-items';
import { keyOf } from './analyze';
import { requireTool } from './capability-support';
import type { CommandDefinition, CommandDeps } from './deps';
import { showFailure } from './long-task';

export const remember: CommandDefinition = {
  id: 'reposcout.remember',
  async run(deps, arg) {
    if (!(await requireTool(deps, 'memory', 'remember things', 'Enable the "memory" toolset in reposcout.toolsets.'))) return;
    const key = keyOf(arg);
    const selection = vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection).trim();
    const text = await vscode.window.showInputBox({
      title: `RepoScout: Remember${key ? ` (linked to ${key.replace(/^(local|github):/, '')})` : ''}`,
      prompt: 'A fact, decision or finding, written for a later reader. Add #tags at the end.',
      value: selection && selection.length < 2000 ? selection : '',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? null : 'Type what to remember'),
    });
    if (!text?.trim()) return;
    const tags = [...text.matchAll(/(?:^|\s)#([\w.:/-]{1,64})/g)].map((m) => m[1] ?? '').filter(Boolean);
    const body = text.replace(/(?:^|\s)#[\w.:/-]{1,64}/g, '').trim() || text.trim();
    try {
      const result = await rememberMemory(deps.engine, body, tags, key ? [{ kind: 'repository', target: key }] : []);
      void vscode.window.setStatusBarMessage(result.outcome === 'merged' ? `RepoScout: merged into memory ${result.memory.id}` : `RepoScout: remembered as memory ${result.memory.id}`, 4000);
      await refreshMemories(deps);
      await vscode.commands.executeCommand('reposcout.memory.focus');
    } catch (error) {
      showFailure(deps, 'Remember', error);
    }
  },
};

export const recallCommand: CommandDefinition = {
  id: 'reposcout.recall',
  async run(deps) {
    if (!(await requireTool(deps, 'memory', 'recall memories', 'Enable the "memory" toolset in reposcout.toolsets.'))) return;
    const query = await vscode.window.showInputBox({ title: 'RepoScout: Recall', prompt: 'What do you want to recall? (empty: every memory, newest first)', ignoreFocusOut: true });
    if (query === undefined) return;
    try {
      if (!query.trim()) return await refreshMemories(deps);
      const memories = await vscode.window.withProgress({ location: { viewId: 'reposcout.memory' } }, () => recall(deps.engine, query.trim()));
      deps.memory.set(memoryItems(memories), `${memories.length} ${memories.length === 1 ? 'memory' : 'memories'} about “${query.trim()}”`);
    } catch (error) {
      showFailure(deps, 'Recall', error);
    }
  },
};

export const forgetMemory: CommandDefinition = {
  id: 'reposcout.forgetMemory',
  async run(deps, arg) {
    const id = (arg as { memoryId?: unknown } | undefined)?.memoryId;
    if (typeof id !== 'number') return;
    const label = (arg as { label?: string }).label ?? `memory ${id}`;
    const choice = await vscode.window.showWarningMessage(`Forget “${label}”? It is deleted with its history; this cannot be undone.`, { modal: true }, 'Forget');
    if (choice !== 'Forget') return;
    try {
      await forget(deps.engine, [id]);
      await refreshMemories(deps);
    } catch (error) {
      showFailure(deps, 'Forget', error);
    }
  },
};

export const refreshMemoriesCommand: CommandDefinition = {
  id: 'reposcout.refreshMemories',
  run: (deps) => refreshMemories(deps).catch((error: unknown) => showFailure(deps, 'Loading memories', error)),
};

/** Fills the Memory view with every memory, newest first; does nothing when the engine has no memory. */
export async function refreshMemories(deps: CommandDeps): Promise<void> {
  await deps.engine.ensureStarted();
  if (!deps.engine.has(listMemoriesContract)) return;
  const { memories, total } = await listMemories(deps.engine);
  deps.memory.set(memoryItems(memories), total > memories.length ? `Newest ${memories.length} of ${total}; use Recall to search` : undefined);
}


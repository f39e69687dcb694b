import * as vscode from 'vscode';
import { listAchievementsContract } from '../../shared/protocol';
import { listAllAchievements, pullRequestImpact, type Person } from '../engine/achievements';
import type { EngineClient } from '../engine/client';
import { describeError } from '../errors-ui';
import { achievementsMessage, achievementTree, impactTooltip, type AchievementNode } from './achievement-items';

const PERSON_KEY = 'reposcout.achievements.person';

/**
 * The Achievements view: one person's stored merged pull requests, quarter → PR, with the
 * class as icon and the impact in the description; hovering a PR fetches its impact
 * breakdown for the tooltip. The person is remembered per workspace.
 */
export class AchievementsProvider implements vscode.TreeDataProvider<AchievementNode> {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private nodes: AchievementNode[] = [];
  private view: vscode.TreeView<AchievementNode> | undefined;

  constructor(
    private readonly engine: EngineClient,
    private readonly state: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
  ) {
    void vscode.commands.executeCommand('setContext', 'reposcout.achievements.hasPerson', this.person !== null);
  }

  get person(): Person | null {
    const saved = this.state.get<Person>(PERSON_KEY);
    return saved && typeof saved.who === 'string' && Array.isArray(saved.as) ? saved : null;
  }

  async setPerson(person: Person): Promise<void> {
    await this.state.update(PERSON_KEY, person);
    void vscode.commands.executeCommand('setContext', 'reposcout.achievements.hasPerson', true);
  }

  attach(view: vscode.TreeView<AchievementNode>): void {
    this.view = view;
  }

  /** Reloads the person's PRs; says in the view when the engine serves no achievements. */
  async refresh(): Promise<void> {
    const person = this.person;
    if (!person) return this.show([], undefined);
    await this.engine.ensureStarted();
    if (!this.engine.has(listAchievementsContract)) {
      // An empty view with no message shows the welcome content that says why and offers the setting.
      this.log.info('the engine serves no achievements (the "achievements" toolset is off)');
      return this.show([], undefined);
    }
    const { items, truncated } = await listAllAchievements(this.engine, person);
    this.show(achievementTree(items), achievementsMessage(person.who, items, truncated));
  }

  private show(nodes: AchievementNode[], message: string | undefined): void {
    this.nodes = nodes;
    if (this.view) this.view.message = message;
    this.changed.fire(undefined);
  }

  get roots(): readonly AchievementNode[] {
    return this.nodes;
  }

  getChildren(node?: AchievementNode): AchievementNode[] {
    return node ? node.children : this.nodes;
  }

  getTreeItem(node: AchievementNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.kind === 'quarter' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.description;
    // A plain string: PR titles are repository text and must not become Markdown. A PR's
    // tooltip stays unset here: VS Code calls resolveTreeItem on hover only for unset ones.
    if (!node.pullRequest) item.tooltip = node.tooltip;
    item.iconPath = new vscode.ThemeIcon(node.icon);
    item.contextValue = node.contextValue;
    if (node.pullRequest) item.command = { command: 'reposcout.openAchievement', title: 'Open Pull Request', arguments: [node] };
    return item;
  }

  /** On hover: the impact breakdown, component by component. */
  async resolveTreeItem(item: vscode.TreeItem, node: AchievementNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    const pr = node.pullRequest;
    if (!pr) return item;
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      item.tooltip = impactTooltip(pr, await pullRequestImpact(this.engine, pr.repositoryKey, pr.number, controller.signal));
    } catch (error) {
      item.tooltip = node.tooltip;
      if (!describeError(error).cancelled) this.log.warn(`impact of ${pr.ref}: ${describeError(error).message}`);
    } finally {
      subscription.dispose();
    }
    return item;
  }
}

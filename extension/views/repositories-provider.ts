import * as vscode from 'vscode';
import type { RepositoryItem } from '../engine/research';
import { buildRepositoryTree, type FactNode, type OwnerNode, type RepositoryNode, type TreeNode } from './repository-tree';
import { bandColor, bandIcon } from './health-style';

export const REPOSITORY_SCHEME = 'reposcout-repository';

/** The Repositories view: owners, their repositories (health as colour and grade badge), and facts. */
export class RepositoriesProvider implements vscode.TreeDataProvider<TreeNode>, vscode.FileDecorationProvider {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly decorationsChanged = new vscode.EventEmitter<vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.decorationsChanged.event;
  private roots: OwnerNode[] = [];
  private byKey = new Map<string, RepositoryNode>();

  constructor(private readonly load: () => Promise<RepositoryItem[] | null>) {}

  /** Every repository currently shown. */
  get repositories(): RepositoryItem[] {
    return [...this.byKey.values()].map((n) => n.item);
  }

  find(key: string): RepositoryNode | undefined {
    return this.byKey.get(key);
  }

  /** Reloads from the engine; resolves when the view holds the new data. */
  async refresh(): Promise<void> {
    const items = await this.load();
    if (items === null) return;
    this.set(items);
  }

  set(items: RepositoryItem[]): void {
    this.roots = buildRepositoryTree(items);
    this.byKey = new Map(this.roots.flatMap((o) => o.children.map((r) => [r.item.key, r] as const)));
    this.changed.fire(undefined);
    this.decorationsChanged.fire(undefined);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) return this.roots;
    if (node.kind === 'owner') return node.children;
    if (node.kind === 'repository') return node.children;
    return [];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (node.kind === 'repository') return this.roots.find((o) => o.children.includes(node));
    if (node.kind === 'fact') return this.byKey.get(node.repositoryKey);
    return undefined;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node.kind === 'owner') return ownerItem(node);
    if (node.kind === 'repository') return repositoryItem(node);
    return factItem(node);
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== REPOSITORY_SCHEME) return undefined;
    const node = this.byKey.get(decodeURIComponent(uri.path.slice(1)));
    if (!node || node.badge === '') return undefined;
    return { badge: node.badge, color: bandColor(node.band), tooltip: `Health grade ${node.badge}`, propagate: false };
  }
}

export function repositoryUri(key: string): vscode.Uri {
  return vscode.Uri.from({ scheme: REPOSITORY_SCHEME, path: `/${encodeURIComponent(key)}` });
}

function ownerItem(node: OwnerNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  item.description = node.description;
  item.tooltip = node.tooltip;
  item.contextValue = node.contextValue;
  item.iconPath = new vscode.ThemeIcon(node.owner === null ? 'device-desktop' : 'organization');
  return item;
}

function repositoryItem(node: RepositoryNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.resourceUri = repositoryUri(node.item.key);
  item.description = node.description;
  item.tooltip = new vscode.MarkdownString(node.tooltip.split('\n').map(escapeMarkdown).join('  \n'));
  item.contextValue = node.contextValue;
  item.iconPath = bandIcon(node.band);
  item.accessibilityInformation = { label: `${node.label}, ${node.description}${node.badge ? `, grade ${node.badge}` : ''}` };
  if (node.item.researched) {
    item.command = { command: 'reposcout.openReport', title: 'Open Repository Report', arguments: [node.item.key] };
  }
  return item;
}

function factItem(node: FactNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = node.description;
  item.iconPath = new vscode.ThemeIcon(node.icon);
  item.contextValue = 'fact';
  item.command = { command: 'reposcout.openReport', title: 'Open Repository Report', arguments: [node.repositoryKey] };
  return item;
}

// Tooltips render Markdown; repository text must show as text.
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`);
}

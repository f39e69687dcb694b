import * as vscode from 'vscode';
import type { ResultItem } from './result-items';

/** A list view (Search Results, Similar Repositories, Memory) filled by a command; rows may expand. */
export class ResultsProvider implements vscode.TreeDataProvider<ResultItem> {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private items: ResultItem[] = [];
  private view: vscode.TreeView<ResultItem> | undefined;

  /** Shows the rows; `message` says what they are ("12 results for …"). */
  set(items: ResultItem[], message?: string): void {
    this.items = items;
    if (this.view) this.view.message = message;
    this.changed.fire(undefined);
  }

  get current(): readonly ResultItem[] {
    return this.items;
  }

  attach(view: vscode.TreeView<ResultItem>): vscode.TreeView<ResultItem> {
    this.view = view;
    return view;
  }

  getChildren(item?: ResultItem): ResultItem[] {
    return item ? item.children : this.items;
  }

  getTreeItem(result: ResultItem): vscode.TreeItem {
    const item = new vscode.TreeItem(result.label, result.children.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = result.id;
    item.description = result.description;
    item.tooltip = result.tooltip;
    item.iconPath = new vscode.ThemeIcon(result.icon);
    item.contextValue = result.contextValue;
    if (result.repositoryKey) item.command = { command: 'reposcout.openReport', title: 'Open Repository Report', arguments: [result.repositoryKey] };
    return item;
  }
}

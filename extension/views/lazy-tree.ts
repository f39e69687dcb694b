import * as vscode from 'vscode';

/**
 * A tree data provider that stands in for the real one until the rest of the extension has
 * loaded: VS Code needs a provider when the view is created at activation, but the real
 * providers (and zod, the engine client...) load only when the view first asks for rows.
 */
export class LazyTree<T> implements vscode.TreeDataProvider<T> {
  private readonly changed = new vscode.EventEmitter<T | T[] | undefined | null | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private real: vscode.TreeDataProvider<T> | undefined;

  constructor(private readonly load: () => Promise<unknown>) {}

  /** The real provider, once loaded; its changes become this tree's. */
  connect(real: vscode.TreeDataProvider<T>): vscode.Disposable | undefined {
    this.real = real;
    const forward = real.onDidChangeTreeData?.((e) => this.changed.fire(e));
    this.changed.fire();
    return forward;
  }

  async getChildren(element?: T): Promise<T[] | null | undefined> {
    if (!this.real) await this.load();
    return this.real?.getChildren(element);
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    // Elements only exist once the real provider has returned them.
    return (this.real as vscode.TreeDataProvider<T>).getTreeItem(element);
  }

  /** Forwarded: VS Code asks the provider it was given, so the stand-in must offer it (the Achievements view fills PR tooltips on hover). */
  resolveTreeItem(item: vscode.TreeItem, element: T, token: vscode.CancellationToken): vscode.ProviderResult<vscode.TreeItem> {
    return this.real?.resolveTreeItem ? this.real.resolveTreeItem(item, element, token) : item;
  }

  getParent(element: T): vscode.ProviderResult<T> {
    return this.real?.getParent?.(element);
  }
}

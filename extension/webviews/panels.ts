import * as vscode from 'vscode';
import type { EngineClient } from '../engine/client';
import { describeError } from '../errors-ui';
import { listAllRepositories, loadContributors, loadReportModel } from '../engine/research';
import type { ContributorsPage } from '../engine/research';
import { checkedForWebview, dispatchToHost, type HostActions } from './dispatch';
import { webviewHtml } from './html';
import { panelStateSchema, type PanelState, type ToWebview } from './protocol';
import { toDashboardModel } from './report-model';
import { getOrganizationContract, type JobRecord } from '../../shared/protocol';
import { toJobReportModel } from './job-model';
import { loadOrgReportModel } from '../engine/organization';
import { loadPortfolioModel, type Person } from '../engine/achievements';

export const REPORT_VIEW_TYPE = 'reposcout.report';
export const DASHBOARD_VIEW_TYPE = 'reposcout.dashboard';
export const JOB_VIEW_TYPE = 'reposcout.job';
export const PORTFOLIO_VIEW_TYPE = 'reposcout.portfolio';

/** What panels ask of the rest of the extension (links between views). */
export interface PanelLinks {
  openContributor(person: { name: string; email: string }): void;
  openDashboard(owner: string | null): void;
  openReport(key: string): void;
  reanalyze(key: string): void;
  openFile(key: string, path: string): void;
  openMarkdown(key: string): void;
  openExternal(url: string): void;
  openAttemptDiff(jobId: string, subtask: string, attempt: number): void;
  openAttemptLog(jobId: string, subtask: string, attempt: number): void;
  approveSubtask(jobId: string, subtask: string): void;
  cancelJob(jobId: string): void;
  exportPortfolio(person: Person): void;
  writeSelfReview(person: Person): void;
}

export interface PanelDeps {
  engine: EngineClient;
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  links: PanelLinks;
  /** A job's record (the Jobs view's last poll, or get_job). */
  loadJob(jobId: string): Promise<JobRecord>;
  /** Whether a chat model is at hand for prose (the portfolio's Write self-review button). */
  canWriteProse?: () => Promise<boolean>;
}

/**
 * Keeps one report panel per repository and one dashboard per owner, and restores them after
 * a reload (WebviewPanelSerializer): the webview's saved state names what it showed, and the
 * panel asks the engine again.
 */
export class Panels implements vscode.Disposable {
  private readonly open = new Map<string, vscode.WebviewPanel>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: PanelDeps) {}

  /**
   * A panel VS Code restores after a reload: its saved state names what it showed. The
   * serializers themselves are registered at activation (extension.ts), before this loads.
   */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const parsed = panelStateSchema.safeParse(state);
    if (!parsed.success) {
      this.deps.log.warn('a restored RepoScout panel had no usable state; closing it');
      panel.dispose();
      return;
    }
    this.attach(panel, parsed.data);
  }

  showReport(key: string): void {
    this.show({ kind: 'report', key }, REPORT_VIEW_TYPE, key.replace(/^(local|github):/, '').split(/[\\/]/).pop() ?? key);
  }

  showDashboard(owner: string | null): void {
    this.show({ kind: 'dashboard', owner }, DASHBOARD_VIEW_TYPE, owner ?? 'Local clones');
  }

  showJob(jobId: string): void {
    this.show({ kind: 'job', jobId }, JOB_VIEW_TYPE, jobId);
  }

  /** Job reports show `job` when it differs from what they show (called after each Jobs view poll). */
  updateJobs(job: (jobId: string) => JobRecord | undefined): void {
    for (const [id, panel] of this.open) {
      const state = this.states.get(id);
      const record = state?.kind === 'job' ? job(state.jobId) : undefined;
      if (!record) continue;
      const model = toJobReportModel(record);
      const shown = JSON.stringify({ ...model, durationMs: null });
      if (this.shownJobs.get(id) === shown && record.finishedAt) continue;
      this.shownJobs.set(id, shown);
      void panel.webview.postMessage(checkedForWebview({ type: 'job', model }, (problem) => this.deps.log.warn(`panel ${id}: ${problem}`))).then(undefined, () => false);
    }
  }

  private readonly shownJobs = new Map<string, string>();

  showPortfolio(person: Person): void {
    this.show({ kind: 'portfolio', who: person.who, as: person.as }, PORTFOLIO_VIEW_TYPE, person.who);
  }

  /** Reloads every open panel (after an analysis changed the data). */
  refreshAll(): void {
    for (const [id, panel] of this.open) {
      const state = this.states.get(id);
      if (state) void this.load(panel, state);
    }
  }

  private readonly states = new Map<string, PanelState>();

  private show(state: PanelState, viewType: string, label: string): void {
    const id = stateId(state);
    const existing = this.open.get(id);
    if (existing) {
      existing.reveal(undefined, false);
      void this.load(existing, state);
      return;
    }
    const title = state.kind === 'report' ? `RepoScout: ${label}` : state.kind === 'job' ? `RepoScout Job: ${label}` : state.kind === 'portfolio' ? `RepoScout Portfolio: ${label}` : `RepoScout Dashboard: ${label}`;
    const panel = vscode.window.createWebviewPanel(viewType, title, vscode.ViewColumn.Active, this.options());
    this.attach(panel, state);
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      retainContextWhenHidden: false,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(this.deps.extensionUri, 'media')],
    };
  }

  private attach(panel: vscode.WebviewPanel, state: PanelState): void {
    const id = stateId(state);
    this.open.set(id, panel);
    this.states.set(id, state);
    panel.webview.options = this.options();
    panel.iconPath = vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'reposcout.svg');
    const script = `${state.kind}.js`;
    const media = (file: string) => panel.webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, 'media', file)).toString();
    panel.webview.html = webviewHtml({ cspSource: panel.webview.cspSource, scriptUri: media(script), styleUri: media('webview.css'), title: panel.title });
    const actions: HostActions = {
      ready: () => this.load(panel, state),
      refresh: () => this.load(panel, state),
      openRepository: (m) => this.deps.links.openReport(m.key),
      openContributor: (m) => this.deps.links.openContributor({ name: m.name, email: m.email }),
      openDashboard: (m) => this.deps.links.openDashboard(m.owner),
      openFile: (m) => this.deps.links.openFile(m.key, m.path),
      reanalyze: (m) => this.deps.links.reanalyze(m.key),
      openMarkdown: (m) => this.deps.links.openMarkdown(m.key),
      openExternal: (m) => this.deps.links.openExternal(m.url),
      ...(state.kind === 'job'
        ? {
            // A job report acts only on its own job.
            openAttemptDiff: (m) => {
              if (m.jobId === state.jobId) this.deps.links.openAttemptDiff(m.jobId, m.subtask, m.attempt);
            },
            openAttemptLog: (m) => {
              if (m.jobId === state.jobId) this.deps.links.openAttemptLog(m.jobId, m.subtask, m.attempt);
            },
            approveSubtask: (m) => {
              if (m.jobId === state.jobId) this.deps.links.approveSubtask(m.jobId, m.subtask);
            },
            cancelJob: (m) => {
              if (m.jobId === state.jobId) this.deps.links.cancelJob(m.jobId);
            },
          }
        : {}),
      ...(state.kind === 'portfolio'
        ? {
            exportPortfolio: () => this.deps.links.exportPortfolio({ who: state.who, as: state.as }),
            writeSelfReview: () => this.deps.links.writeSelfReview({ who: state.who, as: state.as }),
          }
        : {}),
    };
    const subscription = panel.webview.onDidReceiveMessage((raw: unknown) => {
      dispatchToHost(raw, actions, (problem) => this.deps.log.warn(`webview ${id}: ${problem}`)).catch((error: unknown) =>
        this.deps.log.error(`webview ${id}: ${error instanceof Error ? error.message : String(error)}`),
      );
    });
    panel.onDidDispose(() => {
      subscription.dispose();
      if (this.open.get(id) === panel) {
        this.open.delete(id);
        this.states.delete(id);
        this.shownJobs.delete(id);
      }
    });
  }

  private async load(panel: vscode.WebviewPanel, state: PanelState): Promise<void> {
    const post = (message: ToWebview) => panel.webview.postMessage(checkedForWebview(message, (problem) => this.deps.log.warn(`panel ${stateId(state)}: ${problem}`))).then(undefined, () => false);
    await post({ type: 'loading', title: `Loading the ${state.kind}…`, state });
    try {
      if (state.kind === 'job') {
        const model = toJobReportModel(await this.deps.loadJob(state.jobId));
        this.shownJobs.set(stateId(state), JSON.stringify({ ...model, durationMs: null }));
        await post({ type: 'job', model });
      } else if (state.kind === 'portfolio') {
        const [model, canWriteProse] = await Promise.all([loadPortfolioModel(this.deps.engine, { who: state.who, as: state.as }), this.deps.canWriteProse?.() ?? Promise.resolve(false)]);
        await post({ type: 'portfolio', model, canWriteProse });
      } else if (state.kind === 'report') {
        const model = await loadReportModel(this.deps.engine, state.key);
        const { owner, name } = model.repository;
        panel.title = `RepoScout: ${owner ? `${owner}/` : ''}${name}`;
        await post({ type: 'report', model });
      } else {
        const model = await this.dashboard(state.owner);
        await post({ type: 'dashboard', model });
      }
    } catch (error) {
      const { message } = describeError(error);
      this.deps.log.warn(`panel ${stateId(state)}: ${message}`);
      await post({ type: 'error', message, retry: true });
    }
  }

  private async dashboard(owner: string | null) {
    // A GitHub owner's model is the engine's organization report model, whole.
    if (owner !== null && this.deps.engine.has(getOrganizationContract)) return loadOrgReportModel(this.deps.engine, owner);
    const { repositories } = await listAllRepositories(this.deps.engine);
    const members = repositories.filter((r) => (owner === null ? r.source === 'local' || r.owner === null : r.owner?.toLowerCase() === owner.toLowerCase()));
    const contributors = new Map<string, ContributorsPage>();
    const researched = members.filter((r) => r.researched);
    for (let i = 0; i < researched.length; i += 8) {
      const batch = researched.slice(i, i + 8);
      const pages = await Promise.all(batch.map((r) => loadContributors(this.deps.engine, r.key, 20)));
      pages.forEach((page, j) => contributors.set(batch[j]?.key ?? '', page));
    }
    return toDashboardModel(owner, members, contributors);
  }

  dispose(): void {
    for (const panel of this.open.values()) panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function stateId(state: PanelState): string {
  if (state.kind === 'portfolio') return `portfolio:${[state.who, ...state.as].join('\n')}`;
  return state.kind === 'report' ? `report:${state.key}` : state.kind === 'job' ? `job:${state.jobId}` : `dashboard:${state.owner ?? ''}`;
}

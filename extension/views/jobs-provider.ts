import * as vscode from 'vscode';
import type { JobRecord, JobSummary } from '../../shared/protocol';
import { getJob, listJobs, type JobsEngine } from '../engine/jobs';
import { describeError } from '../errors-ui';
import { attemptRow, isActiveJob, jobEvents, jobRow, snapshotOf, subtaskRow, type JobEvent, type JobNode, type JobRow, type JobSnapshot } from './job-tree';

// While something runs the view asks list_jobs (and get_job for the jobs that run) every
// POLL_MS; a job that only waits for a person is checked less often; when nothing is active
// the polling stops (an action or Refresh starts it again).
const POLL_MS = 1000;
const WAITING_POLL_MS = 4000;

/**
 * The Jobs view: jobs → subtasks → attempts, with live states. It polls the engine's job
 * tools (they return at once; nothing here relies on server push), tells listeners (open job
 * reports, attempt logs) after each poll, and raises `onEvent` for changes worth a
 * notification (a subtask waiting for approval or input, a job finished).
 */
export class JobsProvider implements vscode.TreeDataProvider<JobNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<JobNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly updated = new vscode.EventEmitter<void>();
  /** Fires after every poll that reached the engine. */
  readonly onDidUpdate = this.updated.event;
  private summaries: JobSummary[] = [];
  private readonly records = new Map<string, JobRecord>();
  private readonly seen = new Map<string, JobSnapshot>();
  private baseline = true;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | null = null;
  private view: vscode.TreeView<JobNode> | undefined;
  private disposed = false;

  constructor(
    readonly engine: JobsEngine,
    private readonly onEvent: (event: JobEvent) => void,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  attach(view: vscode.TreeView<JobNode>): void {
    this.view = view;
  }

  job(jobId: string): JobRecord | undefined {
    return this.records.get(jobId);
  }

  /** The job's full record, from the last poll or asked now. */
  async record(jobId: string): Promise<JobRecord> {
    const known = this.records.get(jobId);
    if (known && !isActiveJob(known.state)) return known;
    const { job } = await getJob(this.engine, jobId);
    this.records.set(jobId, job);
    return job;
  }

  /** The listed jobs, newest first, with their subtasks where the last poll fetched them. */
  all(): (JobSummary & Partial<Pick<JobRecord, 'subtasks'>>)[] {
    return this.summaries.map((j) => this.records.get(j.id) ?? j);
  }

  get active(): boolean {
    return this.summaries.some((j) => isActiveJob(j.state));
  }

  /** Polls now (and keeps polling while a job is active). Concurrent calls share one round trip. */
  refresh(): Promise<void> {
    this.polling ??= this.poll().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  private async poll(): Promise<void> {
    clearTimeout(this.timer);
    if (this.disposed) return;
    try {
      const { jobs, breakers } = await listJobs(this.engine);
      const before = new Map(this.summaries.map((j) => [j.id, j]));
      this.summaries = jobs;
      // Full records for what runs, what changed since the last poll, and what is shown expanded.
      const changed = (j: JobSummary) => before.has(j.id) && JSON.stringify(before.get(j.id)) !== JSON.stringify(j);
      const stale = jobs.filter((j) => isActiveJob(j.state) || changed(j) || (!this.seen.has(j.id) && !this.baseline));
      const fetched = await Promise.all(stale.map((j) => getJob(this.engine, j.id).then((a) => a.job)));
      for (const job of fetched) {
        const previous = this.seen.get(job.id);
        // Events for jobs this window saw active, or new ones; not for old jobs on first load.
        if (!this.baseline && (previous === undefined || isActiveJob(previous.state))) for (const event of jobEvents(previous, job)) this.onEvent(event);
        this.records.set(job.id, job);
        this.seen.set(job.id, snapshotOf(job));
      }
      for (const j of jobs) if (!this.seen.has(j.id)) this.seen.set(j.id, { state: j.state, subtasks: {} });
      this.baseline = false;
      const open = breakers.filter((b) => b.open).map((b) => b.worker);
      if (this.view) this.view.message = open.length > 0 ? `Circuit open for ${open.join(', ')}: new attempts are refused for a while after repeated failures.` : undefined;
      this.changed.fire(undefined);
      this.updated.fire();
      const running = jobs.some((j) => j.state === 'running' || j.state === 'planned');
      const waiting = jobs.some((j) => j.state === 'waiting_for_approval' || j.state === 'needs_input' || j.state === 'interrupted');
      if (running || waiting) this.timer = setTimeout(() => void this.refresh(), running ? POLL_MS : WAITING_POLL_MS);
    } catch (error) {
      const { message } = describeError(error);
      this.log.warn(`Jobs view: ${message}`);
      if (this.view) this.view.message = `Could not load jobs: ${message} Use Refresh to try again.`;
    }
  }

  getChildren(node?: JobNode): JobNode[] | Promise<JobNode[]> {
    if (!node) {
      if (this.baseline && !this.polling) return this.refresh().then(() => this.summaries.map((j) => ({ kind: 'job', jobId: j.id })));
      return this.summaries.map((j) => ({ kind: 'job', jobId: j.id }));
    }
    if (node.kind === 'job') {
      const record = this.records.get(node.jobId);
      const children = (job: JobRecord): JobNode[] => job.subtasks.map((s) => ({ kind: 'subtask', jobId: job.id, key: s.key }));
      return record ? children(record) : this.record(node.jobId).then(children, () => []);
    }
    if (node.kind === 'subtask') {
      const st = this.records.get(node.jobId)?.subtasks.find((s) => s.key === node.key);
      return (st?.attempts ?? []).map((a) => ({ kind: 'attempt', jobId: node.jobId, key: node.key, number: a.number }));
    }
    return [];
  }

  getTreeItem(node: JobNode): vscode.TreeItem {
    const row = this.row(node);
    const item = new vscode.TreeItem(row.label, row.expandable ? (node.kind === 'job' && this.isActive(node.jobId) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed) : vscode.TreeItemCollapsibleState.None);
    item.id = row.id;
    item.description = row.description;
    item.tooltip = row.tooltip;
    item.iconPath = new vscode.ThemeIcon(row.icon, row.color ? new vscode.ThemeColor(row.color) : undefined);
    item.contextValue = row.contextValue;
    item.accessibilityInformation = { label: `${row.label}, ${row.description}` };
    if (node.kind === 'attempt') item.command = { command: 'reposcout.openAttemptLog', title: 'Open Attempt Log', arguments: [node] };
    return item;
  }

  getParent(node: JobNode): JobNode | undefined {
    if (node.kind === 'attempt') return { kind: 'subtask', jobId: node.jobId, key: node.key };
    if (node.kind === 'subtask') return { kind: 'job', jobId: node.jobId };
    return undefined;
  }

  private isActive(jobId: string): boolean {
    const summary = this.summaries.find((j) => j.id === jobId);
    return summary ? isActiveJob(summary.state) : false;
  }

  private row(node: JobNode): JobRow {
    const summary = this.summaries.find((j) => j.id === node.jobId);
    const record = this.records.get(node.jobId);
    if (node.kind === 'job') {
      if (summary) return jobRow(summary);
      if (record) return jobRow(record);
      return { id: `job:${node.jobId}`, label: node.jobId, description: '', tooltip: '', icon: 'circle-small', color: null, contextValue: 'job', expandable: true };
    }
    const st = record?.subtasks.find((s) => s.key === node.key);
    if (node.kind === 'subtask' && st) return subtaskRow(node.jobId, st);
    const attempt = node.kind === 'attempt' ? st?.attempts.find((a) => a.number === node.number) : undefined;
    if (node.kind === 'attempt' && attempt) return attemptRow(node.jobId, node.key, attempt);
    return { id: `${node.kind}:${node.jobId}:${node.key}`, label: node.key, description: '', tooltip: '', icon: 'circle-small', color: null, contextValue: node.kind, expandable: false };
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.changed.dispose();
    this.updated.dispose();
  }
}

import { z } from 'zod';
import { portfolioReportModelSchema } from '../../shared/protocol/portfolio-report';
import { reportModelSchema } from '../../shared/protocol/report';
import { orgReportModelSchema } from '../../shared/protocol/org-report';

// The repository report's, the organization report's and the portfolio's models are the
// engine's (shared/protocol/report.ts, org-report.ts, portfolio-report.ts): the HTML exports
// render the same ones with the same code (the dashboard renders the organization report's).
export { reportModelSchema, type ReportModel } from '../../shared/protocol/report';
export { orgReportModelSchema, type OrgReportModel } from '../../shared/protocol/org-report';
export { portfolioReportModelSchema, type PortfolioReportModel } from '../../shared/protocol/portfolio-report';

// The message channel between the extension host and its webviews: every message is a
// `{ type, … }` object validated with these schemas by the host, both ways (what it receives in
// dispatch.ts, what it posts in checkedForWebview); webviews check only the shape
// (client/message-shape.ts), so no zod is bundled into them. Repository text inside (names,
// titles, paths) is data: webviews render it with textContent, never as HTML.

const text = (max = 2000) => z.string().max(max);
const count = z.number().finite();

const diffSummary = z.object({ files: z.array(z.object({ path: text(4096), insertions: count, deletions: count })), insertions: count, deletions: count });

/** A job report: the job, its subtasks and attempts. Task text and worker output are untrusted text. */
export const jobReportModelSchema = z.object({
  id: text(100),
  task: text(20_000),
  repository: text(4096),
  baseCommit: text(100),
  worker: text(40),
  state: text(40),
  message: text(4000).nullable(),
  createdAt: text(40),
  startedAt: text(40).nullable(),
  finishedAt: text(40).nullable(),
  durationMs: count.nullable(),
  concurrency: count,
  approveAt: text(40),
  costUsd: z.number().nullable(),
  tokens: count.nullable(),
  counts: z.array(z.object({ state: text(40), count })),
  subtasks: z.array(
    z.object({
      key: text(100),
      state: text(40),
      instruction: text(20_000),
      scope: text(4000).nullable(),
      safetyClass: text(40),
      safetyReason: text(1000),
      decisions: z.array(z.object({ decision: text(40), by: text(200), at: text(40), reason: text(1000) })),
      branch: text(500).nullable(),
      noBranch: text(500).nullable(),
      message: text(4000).nullable(),
      overlapsWith: z.array(text(100)),
      mergeRiskWith: z.array(text(100)),
      attempts: z.array(
        z.object({
          number: count,
          state: text(40),
          worker: text(40),
          startedAt: text(40),
          durationMs: count.nullable(),
          exit: text(100).nullable(),
          failure: text(100).nullable(),
          message: text(4000).nullable(),
          finalMessage: text(4000).nullable(),
          costUsd: z.number().nullable(),
          inputTokens: count.nullable(),
          outputTokens: count.nullable(),
          turns: count.nullable(),
          commit: text(100).nullable(),
          diff: diffSummary.nullable(),
        }),
      ),
    }),
  ),
  /** Pairs of subtasks whose latest attempts changed the same files. */
  mergeRisks: z.array(z.object({ a: text(100), b: text(100), files: z.array(text(4096)) })),
});
export type JobReportModel = z.output<typeof jobReportModelSchema>;

/** What a webview keeps across reloads (vscode.setState), restored by the panel serializer. */
export const panelStateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('report'), key: text() }),
  z.object({ kind: z.literal('dashboard'), owner: text().nullable() }),
  z.object({ kind: z.literal('job'), jobId: text(100) }),
  z.object({ kind: z.literal('portfolio'), who: text(320), as: z.array(text(320)).max(20) }),
]);
export type PanelState = z.output<typeof panelStateSchema>;

/** Host → webview. */
export const toWebviewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('loading'), title: text(), state: panelStateSchema }),
  z.object({ type: z.literal('report'), model: reportModelSchema }),
  z.object({ type: z.literal('dashboard'), model: orgReportModelSchema }),
  z.object({ type: z.literal('job'), model: jobReportModelSchema }),
  // canWriteProse: whether this VS Code has a chat model to write a self-review with (the button says so either way).
  z.object({ type: z.literal('portfolio'), model: portfolioReportModelSchema, canWriteProse: z.boolean() }),
  z.object({ type: z.literal('error'), message: text(4000), retry: z.boolean() }),
]);
export type ToWebview = z.output<typeof toWebviewSchema>;

const person = { name: text(), email: text() };

/** Webview → host. */
export const toHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('refresh') }),
  z.object({ type: z.literal('openRepository'), key: text() }),
  z.object({ type: z.literal('openContributor'), ...person }),
  z.object({ type: z.literal('openDashboard'), owner: text().nullable() }),
  z.object({ type: z.literal('openFile'), key: text(), path: text(4096) }),
  z.object({ type: z.literal('reanalyze'), key: text() }),
  z.object({ type: z.literal('openMarkdown'), key: text() }),
  z.object({ type: z.literal('openAttemptDiff'), jobId: text(100), subtask: text(100), attempt: count }),
  z.object({ type: z.literal('openAttemptLog'), jobId: text(100), subtask: text(100), attempt: count }),
  z.object({ type: z.literal('approveSubtask'), jobId: text(100), subtask: text(100) }),
  z.object({ type: z.literal('cancelJob'), jobId: text(100) }),
  z.object({ type: z.literal('exportPortfolio') }),
  z.object({ type: z.literal('writeSelfReview') }),
  // Only web links leave VS Code; anything else (command:, file:, javascript:) is refused here.
  z.object({ type: z.literal('openExternal'), url: z.string().max(2000).regex(/^https?:\/\/[^\s]+$/, 'only http(s) links can be opened') }),
]);
export type ToHost = z.output<typeof toHostSchema>;

/**
 * Validates a message; a bad one yields a sentence saying what was wrong (`problem`, as the
 * receiving side logs it; `what`, the message and its wrong field alone), never a throw.
 */
export function parseMessage<S extends z.ZodType>(schema: S, raw: unknown): { ok: true; message: z.output<S> } | { ok: false; problem: string; what: string } {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, message: result.data };
  const type = typeof raw === 'object' && raw !== null && 'type' in raw ? String((raw as { type: unknown }).type).slice(0, 40) : typeof raw;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  const what = `malformed "${type}" message${where}: ${issue?.message ?? 'invalid'}`;
  return { ok: false, problem: `ignored a ${what}`, what };
}

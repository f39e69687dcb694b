import fs from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { parseDiskSize, WORKTREE_DISK_ENV } from '../../shared/orchestrate/disk-budget';
import { RepoScoutError } from '../../shared/errors';
import { decisionJobStates, jobStates, terminalJobStates, type JobState } from '../../shared/protocol/orchestrate';
import type { CommandContext } from './context';
import { formatJob, formatSummary } from './job-format';
import { globalOptionsSchema, parseOptions } from './options';
import { printJson, printOut } from './output';
import { openEngine } from './run-command';

const limitSchema = z.coerce.number({ message: '--limit must be a number' }).int('--limit must be a whole number').min(1, '--limit must be at least 1').max(1000, '--limit must be at most 1000');
const listSchema = globalOptionsSchema.extend({ state: z.enum(jobStates, { message: `--state must be one of ${jobStates.join(', ')}` }).optional(), limit: limitSchema.default(20) });
const logsSchema = globalOptionsSchema.extend({
  attempt: z.coerce.number({ message: '--attempt must be a number' }).int().min(1, '--attempt must be at least 1').optional(),
  tail: z.coerce.number({ message: '--tail must be a number' }).int().min(1, '--tail must be at least 1').max(500, '--tail must be at most 500 (use --full for the whole log)').default(50),
  full: z.boolean().default(false),
});
const approveSchema = globalOptionsSchema.extend({ reject: z.boolean().default(false), reason: z.string().min(1).max(500).optional() });
const diskOption = z.string().min(1, '--max-worktree-disk needs a size, e.g. 2G').optional();
const cleanSchema = globalOptionsSchema.extend({ force: z.boolean().default(false), maxWorktreeDisk: diskOption });
const resumeSchema = globalOptionsSchema.extend({ maxWorktreeDisk: diskOption });
const DISK_HELP = `keep succeeded attempts' worktrees up to this much disk (e.g. 2G), removing the oldest beyond it; default $${WORKTREE_DISK_ENV} or 0`;

/** Polls a job's state until it ends, is interrupted, or waits for a person (or the signal aborts). */
async function untilSettled(state: () => JobState, signal: AbortSignal): Promise<JobState> {
  for (;;) {
    const now = state();
    if (terminalJobStates.includes(now) || decisionJobStates.includes(now) || now === 'interrupted' || signal.aborted) return now;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export function registerJobsCommand(program: Command, context: CommandContext): void {
  const jobs = program.command('jobs').description('Orchestration jobs: list, show, logs, approve, wait, cancel, resume, clean.');
  const opts = (raw: Record<string, unknown>) => ({ ...program.opts(), ...raw });

  jobs
    .command('list', { isDefault: true })
    .description('Jobs, newest first, with their subtask states and the circuit breakers.')
    .option('--state <state>', `only jobs in this state (${jobStates.join(', ')})`)
    .option('--limit <n>', 'at most this many', '20')
    .action(async (raw: Record<string, unknown>) => {
      const options = parseOptions(listSchema, opts(raw));
      const session = await openEngine(options.db);
      try {
        const list = session.engine.list(options.limit, options.state);
        const breakers = session.engine.breakers();
        if (options.json) return printJson({ jobs: list, breakers });
        if (list.length === 0) printOut('No jobs yet; start one with "reposcout run <task>".');
        for (const job of list) printOut(formatSummary(job));
        for (const b of breakers.filter((x) => x.open)) printOut(`Circuit breaker for the ${b.worker} worker is OPEN since ${b.updatedAt}: new attempts are refused for a while after repeated failures.`);
      } finally {
        await session.close();
      }
    });

  jobs
    .command('show')
    .description('One job: subtasks, attempts, safety decisions, branches and merge risks.')
    .argument('<job>', 'job id')
    .action(async (jobId: string, raw: Record<string, unknown>) => {
      const options = parseOptions(globalOptionsSchema, opts(raw));
      const session = await openEngine(options.db);
      try {
        const record = session.engine.get(jobId);
        if (options.json) return printJson({ job: record });
        printOut(formatJob(record).join('\n'));
      } finally {
        await session.close();
      }
    });

  jobs
    .command('logs')
    .description("An attempt's events (the newest kept in the database), or its whole log file with --full.")
    .argument('<job>', 'job id')
    .argument('<subtask>', 'subtask key')
    .option('--attempt <n>', 'attempt number (default: the latest)')
    .option('--tail <n>', 'newest events to print', '50')
    .option('--full', 'print the whole log file')
    .action(async (jobId: string, key: string, raw: Record<string, unknown>) => {
      const options = parseOptions(logsSchema, opts(raw));
      const session = await openEngine(options.db);
      try {
        const log = session.engine.log(jobId, key, options.attempt, options.tail);
        if (options.full && log.attempt.logPath && fs.existsSync(log.attempt.logPath)) {
          process.stdout.write(fs.readFileSync(log.attempt.logPath));
          return;
        }
        if (options.json) return printJson(log);
        if (log.truncated) printOut(`(${log.attempt.events - log.events.length} earlier events not shown; --full prints ${log.attempt.logPath ?? 'the log file'})`);
        for (const e of log.events) printOut(`${e.at.slice(11, 23)} ${e.kind.padEnd(11)} ${JSON.stringify(e.text).slice(1, -1)}`);
        printOut(`attempt ${log.attempt.number}: ${log.attempt.state}${log.attempt.message ? ` (${log.attempt.message})` : ''}`);
      } finally {
        await session.close();
      }
    });

  jobs
    .command('approve')
    .description('Approve (or --reject) subtasks that wait for approval, or answer (--reason "<answer>") or decline (--reject) subtasks that need input; the running job picks the decision up.')
    .argument('<job>', 'job id')
    .argument('[subtask]', 'subtask key (default: every subtask that waits)')
    .option('--reject', 'reject (or decline) instead: the subtask ends without running')
    .option('--reason <text>', 'why, stored with the decision; for a subtask that needs input, your answer to the worker')
    .action(async (jobId: string, key: string | undefined, raw: Record<string, unknown>) => {
      const options = parseOptions(approveSchema, opts(raw));
      const session = await openEngine(options.db);
      try {
        const asked = new Set(session.engine.get(jobId).subtasks.filter((s) => s.state === 'needs_input').map((s) => s.key));
        const decided = session.engine.decide(jobId, key, options.reject ? 'rejected' : 'approved', 'cli', options.reason);
        if (options.json) return printJson({ decided, job: session.engine.summary(jobId) });
        // Held subtasks are approved or rejected; subtasks that needed input are answered or declined.
        const verbs = options.reject ? (['Rejected', 'Declined'] as const) : (['Approved', 'Answered'] as const);
        for (const [verb, keys] of [[verbs[0], decided.filter((k) => !asked.has(k))], [verbs[1], decided.filter((k) => asked.has(k))]] as const) {
          if (keys.length > 0) printOut(`${verb}: ${keys.join(', ')}.`);
        }
      } finally {
        await session.close();
      }
    });

  jobs
    .command('wait')
    .description('Wait until a job ends or waits for a person. Exit 0: succeeded; 1: failed, cancelled or interrupted; 3: it waits for an approval or an answer ("reposcout jobs approve").')
    .argument('<job>', 'job id')
    .action(async (jobId: string, raw: Record<string, unknown>) => {
      const options = parseOptions(globalOptionsSchema, opts(raw));
      const session = await openEngine(options.db);
      try {
        const state = await untilSettled(() => session.engine.summary(jobId).state, context.signal);
        const record = session.engine.get(jobId);
        if (options.json) printJson({ job: record });
        else printOut(formatJob(record).join('\n'));
        if (context.signal.aborted) throw new RepoScoutError('INTERRUPTED', `Stopped waiting; job ${jobId} is ${state}.`);
        if (decisionJobStates.includes(state)) {
          throw new RepoScoutError('JOB_WAITS', `Job ${jobId} waits for a person: ${state === 'needs_input' ? 'a subtask needs your answer' : 'a subtask needs your approval'}; "reposcout jobs approve ${jobId} <subtask>" decides it.`);
        }
        if (state !== 'succeeded') throw new RepoScoutError('JOB_STATE', `Job ${jobId} is ${state}${record.message ? `: ${record.message.replace(/\.$/, '')}` : ''}.`);
      } finally {
        await session.close();
      }
    });

  jobs
    .command('cancel')
    .description('Cancel a job: its workers are stopped (process group), queued subtasks never start.')
    .argument('<job>', 'job id')
    .action(async (jobId: string, raw: Record<string, unknown>) => {
      const options = parseOptions(globalOptionsSchema, opts(raw));
      const session = await openEngine(options.db);
      try {
        const job = session.engine.cancel(jobId);
        if (options.json) return printJson({ job });
        printOut(job.state === 'cancelled' ? `Job ${jobId} cancelled.` : `Cancellation of job ${jobId} requested; its RepoScout process stops its workers within a second.`);
      } finally {
        await session.close();
      }
    });

  jobs
    .command('resume')
    .description('Run the remaining subtasks of a job whose RepoScout process stopped; waits until it ends.')
    .argument('<job>', 'job id')
    .option('--max-worktree-disk <size>', DISK_HELP)
    .action(async (jobId: string, raw: Record<string, unknown>) => {
      const options = parseOptions(resumeSchema, opts(raw));
      const session = await openEngine(options.db, options.maxWorktreeDisk);
      const onInterrupt = () => void session.engine.close();
      context.signal.addEventListener('abort', onInterrupt, { once: true });
      try {
        await session.engine.resume(jobId);
        const record = session.engine.get(jobId);
        if (options.json) return printJson({ job: record });
        printOut(formatJob(record).join('\n'));
      } finally {
        context.signal.removeEventListener('abort', onInterrupt);
        await session.close();
      }
    });

  jobs
    .command('clean')
    .description("Remove finished jobs' worktrees and branches; unmerged or uncommitted work is kept unless --force. With --max-worktree-disk, only trim kept worktrees to that size, oldest first, keeping every branch.")
    .argument('[job]', 'job id (default: every finished job)')
    .option('--force', 'also remove unmerged branches and worktrees with uncommitted changes')
    .option('--max-worktree-disk <size>', "trim succeeded attempts' kept worktrees to this much disk (e.g. 500M; 0 removes every one whose work is on its branch); branches stay")
    .action(async (jobId: string | undefined, raw: Record<string, unknown>) => {
      const options = parseOptions(cleanSchema, opts(raw));
      const budget = options.maxWorktreeDisk === undefined ? undefined : parseDiskSize(options.maxWorktreeDisk, '--max-worktree-disk');
      const session = await openEngine(options.db);
      try {
        const report = await session.engine.clean(jobId, options.force, budget);
        if (options.json) return printJson(report);
        printOut(`Removed ${report.removedWorktrees.length} worktrees and ${report.deletedBranches.length} branches.`);
        for (const k of report.kept) printOut(`  kept ${k.what}: ${k.reason}`);
      } finally {
        await session.close();
      }
    });
}

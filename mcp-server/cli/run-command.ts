import type { Command } from 'commander';
import { RepoScoutError } from '../../shared/errors';
import { parseDiskSize, WORKTREE_DISK_ENV } from '../../shared/orchestrate/disk-budget';
import { createOrchestrator, type Orchestrator } from '../../shared/orchestrate/engine';
import type { JobRecord } from '../../shared/protocol/orchestrate';
import { resolveDbPath } from '../../shared/paths';
import { openStore, type Store } from '../../shared/store/open';
import type { CommandContext } from './context';
import { answerHint, formatJob, formatPlan } from './job-format';
import { addPlanOptions, planInputFrom } from './job-options';
import { globalOptionsSchema, parseOptions } from './options';
import { printJson, printOut } from './output';

/** Opens the store and an orchestration engine, settling attempts a dead RepoScout left running. */
export async function openEngine(db: string | undefined, maxWorktreeDisk?: string): Promise<{ store: Store; engine: Orchestrator; close(): Promise<void> }> {
  const maxWorktreeDiskBytes = maxWorktreeDisk === undefined ? undefined : parseDiskSize(maxWorktreeDisk, '--max-worktree-disk');
  const store = openStore(resolveDbPath(db));
  const engine = createOrchestrator({ store, process: { maxWorktreeDiskBytes } });
  try {
    const recovered = await engine.recover();
    if (recovered.jobs.length > 0) process.stderr.write(`reposcout: ${recovered.jobs.length} job(s) were left by a RepoScout process that stopped (${recovered.jobs.join(', ')}); "reposcout jobs resume <id>" continues one.\n`);
  } catch (error) {
    store.close();
    throw error;
  }
  return {
    store,
    engine,
    async close() {
      await engine.close();
      store.close();
    },
  };
}

export function registerRunCommand(program: Command, context: CommandContext): void {
  addPlanOptions(
    program
      .command('run')
      .description('Split a task into subtasks and run AI coding workers (or any command) in parallel, each in its own git worktree and branch; waits until the job ends, also while a subtask waits for approval or an answer (given from another terminal with "reposcout jobs approve").')
      .argument('<task...>', 'what the workers should do, in your words'),
  )
    .option('--dry-run', 'show the plan (subtasks, safety classes, overlaps) and start nothing')
    .option('--max-worktree-disk <size>', `keep succeeded attempts' worktrees up to this much disk (e.g. 2G), removing the oldest beyond it; default $${WORKTREE_DISK_ENV} or 0 (remove each once committed)`)
    .action(async (words: string[], raw: Record<string, unknown>) => {
      const options = parseOptions(globalOptionsSchema, program.opts());
      const input = planInputFrom(words.join(' '), raw);
      const session = await openEngine(options.db, typeof raw.maxWorktreeDisk === 'string' ? raw.maxWorktreeDisk : undefined);
      try {
        if (raw.dryRun === true) {
          const plan = await session.engine.plan(input);
          if (options.json) return printJson({ plan });
          return printOut(formatPlan(plan).join('\n'));
        }
        const { job, done } = await session.engine.start(input);
        if (!options.json) process.stderr.write(`reposcout: job ${job.id} started; "reposcout jobs show ${job.id}" from another terminal shows it, Ctrl-C stops it (resumable).\n`);
        const watcher = watch(session.engine, job.id, !options.json);
        const onInterrupt = () => void session.engine.close();
        context.signal.addEventListener('abort', onInterrupt, { once: true });
        await done;
        context.signal.removeEventListener('abort', onInterrupt);
        watcher.stop();
        const record = session.engine.get(job.id);
        if (options.json) printJson({ job: record });
        else printOut(formatJob(record).join('\n'));
        if (context.signal.aborted) {
          throw new RepoScoutError('INTERRUPTED', `Stopped; job ${job.id} is ${record.state} and its workers have ended. "reposcout jobs resume ${job.id}" continues it.`);
        }
        if (record.state !== 'succeeded') {
          throw new RepoScoutError('JOB_STATE', `Job ${job.id} ended ${record.state}${record.message ? `: ${record.message.replace(/\.$/, "")}` : ""}; "reposcout jobs logs ${job.id} <subtask>" shows what happened.`);
        }
      } finally {
        await session.close();
      }
    });
}

/** Prints each subtask state change to stderr while the job runs. */
function watch(engine: Orchestrator, jobId: string, enabled: boolean): { stop(): void } {
  if (!enabled) return { stop() {} };
  const seen = new Map<string, string>();
  const tick = () => {
    let record: JobRecord;
    try {
      record = engine.get(jobId);
    } catch {
      return;
    }
    for (const st of record.subtasks) {
      const key = `${st.state}/${st.attempts.length}`;
      if (seen.get(st.key) === key) continue;
      seen.set(st.key, key);
      const time = new Date().toISOString().slice(11, 19);
      const hint = st.state === 'waiting_for_approval' ? ` (${st.safety.class}): reposcout jobs approve ${jobId} ${st.key}`
        : st.state === 'needs_input' ? `: ${st.message ?? 'the worker wants something it was not allowed'} The job waits; ${answerHint(jobId, st.key)}`
        : st.attempts.length > 1 ? ` (attempt ${st.attempts.length})` : '';
      process.stderr.write(`[${time}] ${st.key} ${st.state}${hint}\n`);
    }
  };
  const timer = setInterval(tick, 500);
  return {
    stop() {
      clearInterval(timer);
      tick();
    },
  };
}

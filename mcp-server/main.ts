import { CommanderError } from 'commander';
import { isRepoScoutError, type RepoScoutErrorCode } from '../shared/errors';
import { isDatabaseBusy } from '../shared/store/busy';
import { cliNextStep } from './cli/next-step';
import { createProgram } from './cli/program';

// Exit codes: 0 success, 1 the operation failed, 2 the input was wrong, 3 a job waits for a
// person's decision (reposcout jobs wait), 130 interrupted.
const EXIT_FOR: Partial<Record<RepoScoutErrorCode, number>> = {
  INVALID_INPUT: 2,
  PATH_NOT_FOUND: 2,
  NOT_A_GIT_REPOSITORY: 2,
  EMPTY_REPOSITORY: 2,
  NOT_RESEARCHED: 2,
  REPOSITORY_NOT_FOUND: 2,
  PULL_REQUEST_NOT_FOUND: 2,
  PERSON_NOT_FOUND: 2,
  MEMORY_NOT_FOUND: 2,
  IMPORT_INVALID: 2,
  JOB_NOT_FOUND: 2,
  JOB_WAITS: 3,
  INTERRUPTED: 130,
};

async function main(argv: string[]): Promise<number> {
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    interrupts += 1;
    // A second Ctrl-C means "now": the open transaction is rolled back by SQLite on exit.
    if (interrupts > 1) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const program = createProgram({ signal: controller.signal });
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed help, the version, or what was wrong.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (isRepoScoutError(error)) {
      const next = cliNextStep(error.remedy);
      process.stderr.write(`reposcout: ${error.message}${next ? ` ${next}` : ''}\n`);
      return EXIT_FOR[error.code] ?? 1;
    }
    if (isDatabaseBusy(error)) {
      process.stderr.write('reposcout: the database is locked by another process writing to it (another RepoScout command, server or VS Code); try again when it finishes.\n');
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`reposcout: unexpected failure: ${message}\n`);
    if (process.env.REPOSCOUT_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return 1;
  }
}

// `reposcout … | head` closes the pipe early; that is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv).then((code) => {
  process.exitCode = code;
});

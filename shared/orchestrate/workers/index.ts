import type { WorkerKind } from '../../protocol/orchestrate';
import { claudeWorker } from './claude';
import { codexWorker } from './codex';
import { commandWorker } from './command';
import { fakeWorker } from './fake';
import type { Worker } from './types';

/** Every worker kind. Adding one is adding a file and a line here. */
export const workers: Record<WorkerKind, Worker> = {
  claude: claudeWorker,
  codex: codexWorker,
  command: commandWorker,
  fake: fakeWorker,
};

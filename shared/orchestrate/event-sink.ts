import fs from 'node:fs';
import path from 'node:path';
import { MAX_STORED_EVENTS, type JobStore } from './job-store';
import type { WorkerEvent } from './workers/types';
import type { EventRecord } from '../protocol/orchestrate';

const FLUSH_MS = 250;

/**
 * Where an attempt's output goes: every raw line to the log file beside the database, and
 * parsed events to the store in batches (only the newest MAX_STORED_EVENTS are kept, so a
 * flooding worker costs a bounded number of rows).
 */
export function createEventSink(jobs: JobStore, attemptId: number, logPath: string) {
  fs.mkdirSync(path.dirname(logPath), { recursive: true });
  const log = fs.createWriteStream(logPath, { flags: 'a' });
  let seq = 0;
  let arrived = 0;
  let buffer: EventRecord[] = [];
  const flush = () => {
    const batch = buffer;
    buffer = [];
    jobs.appendEvents(attemptId, batch, arrived);
    arrived = 0;
  };
  const timer = setInterval(flush, FLUSH_MS);
  return {
    raw(stream: 'stdout' | 'stderr' | 'runner', line: string): void {
      log.write(`${stream === 'stdout' ? '' : `[${stream}] `}${line}\n`);
    },
    event(event: WorkerEvent): void {
      seq += 1;
      arrived += 1;
      buffer.push({ seq, at: new Date().toISOString(), kind: event.kind, text: event.text });
      if (buffer.length > MAX_STORED_EVENTS) buffer.shift();
    },
    /** Flushes the last batch and closes the log file. */
    async close(): Promise<void> {
      clearInterval(timer);
      flush();
      await new Promise<void>((resolve) => log.end(resolve));
    },
  };
}

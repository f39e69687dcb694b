import readline from 'node:readline';
import type { Readable } from 'node:stream';
import { classifyRecordSchema, type Classification } from '../../protocol/achievements';
import { throwIfAborted } from '../../errors';
import { classifyChange } from './classify';

export type ClassifyLineResult =
  | { ok: true; line: number; id: string } & Classification
  | { ok: false; line: number; problem: string };

/**
 * Classifies JSON lines ({id, title, files, labels?}; other keys such as `label` ignored) one
 * at a time, so a file of any size streams. A bad line yields its number and what was wrong
 * with it, and the lines after it are still classified. Blank lines are skipped.
 */
export async function* classifyLines(input: Readable, signal?: AbortSignal): AsyncGenerator<ClassifyLineResult> {
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    throwIfAborted(signal);
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { ok: false, line, problem: `not valid JSON (${(error as Error).message})` };
      continue;
    }
    const parsed = classifyRecordSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the record';
      yield { ok: false, line, problem: `${where}: ${issue?.message ?? 'invalid'}; each line needs "id", "title" and "files" [{path, additions, deletions}]` };
      continue;
    }
    const record = parsed.data;
    yield { ok: true, line, id: record.id, ...classifyChange({ title: record.title, files: record.files, labels: record.labels ?? [] }) };
  }
}

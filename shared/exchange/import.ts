import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { RepoScoutError, throwIfAborted } from '../errors';
import { PRIVATE_FILE_MODE } from '../private-files';
import type { Progress } from '../research/ingest-local';
import { indexDocuments, type SearchDocumentInput } from '../search/documents';
import type { Store } from '../store/open';
import { readCappedLines } from './line-reader';
import { repositoryRecordSchema, type RepositoryRecord } from './record';
import { documentsFromRecord } from './repository-document';

/** The documented bounds of one import (README, "Import and export"). */
export interface ImportLimits {
  /** Longest accepted line in bytes; a record with a full README fits comfortably. */
  lineBytes: number;
  /** Most records (non-empty lines) in one file. */
  records: number;
  /** Records written per transaction: an interrupted import keeps the batches it committed. */
  batchRecords: number;
  /** ...or fewer, once the batch's lines add up to this many bytes (records with long READMEs). */
  batchBytes: number;
}

export const IMPORT_LIMITS: ImportLimits = { lineBytes: 1_000_000, records: 500_000, batchRecords: 500, batchBytes: 4_000_000 };

export interface ImportOptions {
  /** Skip lines that do not parse or validate instead of refusing the whole file. */
  skipInvalid?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** Tests lower the bounds; production uses IMPORT_LIMITS. */
  limits?: Partial<ImportLimits>;
}

export interface ImportResult {
  repositories: number;
  issues: number;
  /** Repositories that were new to the database. */
  added: number;
  skipped: { line: number; problem: string }[];
}

type Checked = { record: RepositoryRecord; problem: null } | { record: null; problem: string };

/**
 * Imports repository records from JSON Lines: rows in `repositories` and documents in the
 * search index. Two streaming passes, so memory stays at one line plus one batch whatever the
 * file's size: the first validates every line (by default any invalid line refuses the whole
 * file with IMPORT_INVALID naming the line and field, and nothing is written); the second
 * writes batches of records, one transaction each. Interrupted, the committed batches stay and
 * running the same import again finishes it (records are upserted by key; unchanged search
 * documents are skipped). When a key repeats, its last line wins. Standard input is spooled
 * to a private temporary file so it can be read twice.
 */
export async function importRepositories(store: Store, input: string | NodeJS.ReadableStream, options: ImportOptions = {}): Promise<ImportResult> {
  const limits = { ...IMPORT_LIMITS, ...options.limits };
  let spool: string | null = null;
  try {
    if (typeof input === 'string') checkFile(input);
    else spool = await spoolToTempFile(input);
    const file = spool ?? (input as string);
    const plan = await validate(file, limits, options);
    return await write(store, file, plan, limits, options);
  } finally {
    if (spool) fs.rmSync(path.dirname(spool), { recursive: true, force: true });
  }
}

interface Plan {
  /** For each key, the line whose record is imported (its last). */
  lineOfKey: Map<string, number>;
  skipped: ImportResult['skipped'];
}

async function validate(file: string, limits: ImportLimits, options: ImportOptions): Promise<Plan> {
  const lineOfKey = new Map<string, number>();
  const skipped: ImportResult['skipped'] = [];
  let records = 0;
  for await (const line of readCappedLines(fs.createReadStream(file), limits.lineBytes)) {
    throwIfAborted(options.signal);
    if ('text' in line && line.text.trim() === '') continue;
    records += 1;
    if (records > limits.records) {
      throw new RepoScoutError('IMPORT_INVALID', `The file has more than ${limits.records.toLocaleString('en-US')} records (line ${line.lineNo}), the most one import takes; nothing was imported. Split it into several files and import each.`);
    }
    const checked = 'text' in line ? check(line.text) : { record: null, problem: `is ${line.tooLongBytes.toLocaleString('en-US')} bytes long (limit ${limits.lineBytes.toLocaleString('en-US')})` };
    if (checked.record) {
      lineOfKey.set(checked.record.key, line.lineNo);
      continue;
    }
    if (!options.skipInvalid) {
      throw new RepoScoutError('IMPORT_INVALID', `Line ${line.lineNo} ${checked.problem}; nothing was imported. Fix the line, or pass --skip-invalid to import the valid lines.`);
    }
    skipped.push({ line: line.lineNo, problem: checked.problem });
  }
  return { lineOfKey, skipped };
}

async function write(store: Store, file: string, plan: Plan, limits: ImportLimits, options: ImportOptions): Promise<ImportResult> {
  const total = plan.lineOfKey.size;
  const { db } = store;
  const exists = db.prepare('select 1 from repositories where key = ?');
  const upsert = db.prepare(
    `insert into repositories (key, source, owner, name, path, description) values (@key, @source, @owner, @name, @path, @description)
     on conflict (key) do update set owner = excluded.owner, name = excluded.name,
       path = coalesce(excluded.path, repositories.path), description = coalesce(excluded.description, repositories.description),
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  );
  let added = 0;
  let issues = 0;
  let done = 0;
  let batch: RepositoryRecord[] = [];
  let batchBytes = 0;
  const commit = () => {
    // One transaction per batch for the rows and their search documents together.
    db.transaction(() => {
      const docs: SearchDocumentInput[] = [];
      for (const record of batch) {
        if (!exists.get(record.key)) added += 1;
        upsert.run(record);
        issues += record.issues.length;
        docs.push(...documentsFromRecord(record));
      }
      indexDocuments(store, docs);
    }).immediate();
    done += batch.length;
    batch = [];
    batchBytes = 0;
    options.onProgress?.({ done, total, message: 'importing' });
  };
  options.onProgress?.({ done: 0, total, message: 'importing' });
  for await (const line of readCappedLines(fs.createReadStream(file), limits.lineBytes)) {
    if (!('text' in line) || line.text.trim() === '') continue;
    const { record } = check(line.text);
    if (!record || plan.lineOfKey.get(record.key) !== line.lineNo) continue;
    batch.push(record);
    batchBytes += line.text.length;
    if (batch.length >= limits.batchRecords || batchBytes >= limits.batchBytes) {
      stopIfAborted(options.signal, done, total);
      commit();
    }
  }
  stopIfAborted(options.signal, done, total);
  if (batch.length > 0) commit();
  options.onProgress?.({ done, total, message: 'imported' });
  return { repositories: done, issues, added, skipped: plan.skipped };
}

function stopIfAborted(signal: AbortSignal | undefined, done: number, total: number): void {
  if (!signal?.aborted) return;
  throw new RepoScoutError('INTERRUPTED', `The import was cancelled after ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} records, which are saved; run the same import again to finish it.`);
}

function check(text: string): Checked {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { record: null, problem: `is not JSON (${(error as Error).message})` };
  }
  const parsed = repositoryRecordSchema.safeParse(value);
  if (parsed.success) return { record: parsed.data, problem: null };
  const issue = parsed.error.issues[0];
  return { record: null, problem: `${issue?.path.length ? `field "${issue.path.join('.')}": ` : ''}${issue?.message ?? 'invalid record'}` };
}

function checkFile(file: string): void {
  if (!fs.existsSync(file)) throw new RepoScoutError('PATH_NOT_FOUND', `No such file ${file}; give a JSON Lines file of exported repository records (or "-" for standard input).`);
  if (fs.statSync(file).isDirectory()) throw new RepoScoutError('INVALID_INPUT', `${file} is a folder; give a JSON Lines file.`);
}

/** Copies a stream to a private temporary file (records may quote private repositories). */
async function spoolToTempFile(input: NodeJS.ReadableStream): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reposcout-import-'));
  const file = path.join(dir, 'input.jsonl');
  await pipeline(input, fs.createWriteStream(file, { mode: PRIVATE_FILE_MODE }));
  return file;
}

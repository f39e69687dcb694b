import fs from 'node:fs';
import readline from 'node:readline';
import { RepoScoutError, throwIfAborted } from '../errors';
import type { Progress } from '../research/ingest-local';
import { indexDocuments, type SearchDocumentInput } from '../search/documents';
import type { Store } from '../store/open';
import { repositoryRecordSchema, type RepositoryRecord } from './record';
import { documentsFromRecord } from './repository-document';

export interface ImportOptions {
  /** Skip lines that do not parse or validate instead of refusing the whole file. */
  skipInvalid?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

export interface ImportResult {
  repositories: number;
  issues: number;
  /** Repositories that were new to the database. */
  added: number;
  skipped: { line: number; problem: string }[];
}

/** Longest accepted line; a record with a full README fits comfortably. */
const MAX_LINE = 1_000_000;

/**
 * Imports repository records from JSON Lines: rows in `repositories` and documents in the
 * search index, all in one transaction. By default any invalid line refuses the whole
 * file (IMPORT_INVALID naming the line and field) and nothing is written.
 */
export async function importRepositories(store: Store, input: string | NodeJS.ReadableStream, options: ImportOptions = {}): Promise<ImportResult> {
  const stream = typeof input === 'string' ? openFile(input) : input;
  const records: RepositoryRecord[] = [];
  const skipped: ImportResult['skipped'] = [];
  const seen = new Map<string, number>();
  let lineNo = 0;
  for await (const line of readline.createInterface({ input: stream, crlfDelay: Infinity })) {
    lineNo += 1;
    throwIfAborted(options.signal);
    if (line.trim() === '') continue;
    const problem = (() => {
      if (line.length > MAX_LINE) return `is ${line.length.toLocaleString('en-US')} characters long (limit ${MAX_LINE.toLocaleString('en-US')})`;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        return `is not JSON (${(error as Error).message})`;
      }
      const parsed = repositoryRecordSchema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return `${issue?.path.length ? `field "${issue.path.join('.')}": ` : ''}${issue?.message ?? 'invalid record'}`;
      }
      const previous = seen.get(parsed.data.key);
      if (previous !== undefined) records[previous] = parsed.data; // last one wins
      else {
        seen.set(parsed.data.key, records.length);
        records.push(parsed.data);
      }
      return null;
    })();
    if (problem === null) continue;
    if (!options.skipInvalid) {
      throw new RepoScoutError('IMPORT_INVALID', `Line ${lineNo} ${problem}; nothing was imported. Fix the line, or pass --skip-invalid to import the valid lines.`);
    }
    skipped.push({ line: lineNo, problem });
  }
  options.onProgress?.({ done: 0, total: records.length, message: 'importing' });
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
  const docs: SearchDocumentInput[] = [];
  // One transaction for the rows and the index: an import is all or nothing.
  db.transaction(() => {
    for (const record of records) {
      if (!exists.get(record.key)) added += 1;
      upsert.run(record);
      issues += record.issues.length;
      docs.push(...documentsFromRecord(record));
    }
    indexDocuments(store, docs);
  }).immediate();
  options.onProgress?.({ done: records.length, total: records.length, message: 'imported' });
  return { repositories: records.length, issues, added, skipped };
}

function openFile(file: string): fs.ReadStream {
  if (!fs.existsSync(file)) throw new RepoScoutError('PATH_NOT_FOUND', `No such file ${file}; give a JSON Lines file written by "reposcout export" (or "-" for standard input).`);
  if (fs.statSync(file).isDirectory()) throw new RepoScoutError('INVALID_INPUT', `${file} is a folder; give a JSON Lines file.`);
  return fs.createReadStream(file, { encoding: 'utf8' });
}

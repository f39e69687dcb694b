import { isDatabaseBusy } from './busy';
import * as sqliteVec from 'sqlite-vec';
import path from 'node:path';
import { RepoScoutError } from '../errors';
import type { Remedy } from '../protocol/errors';
import { ensurePrivateDir, prepareDatabaseFile } from '../private-files';
import { openDatabase, type Db } from './driver';
import { migrations, type Migration } from './migrations/index';

// Every database error that another file or location fixes says so as data.
const FIX_DB: { remedy: Remedy } = { remedy: { do: 'fix_input', input: 'db' } };

export type { Db, Statement } from './driver';
export { openDatabase, sqliteDriver } from './driver';

export interface Store {
  db: Db;
  path: string;
  close(): void;
}

const BUSY_TIMEOUT_MS = 5_000;
const MMAP_BYTES = 1024 * 1024 * 1024;

/**
 * Opens (creating if needed) the RepoScout database at `dbPath`: WAL mode so the
 * extension's engine and an agent's engine can share it, a busy timeout, foreign
 * keys on, sqlite-vec loaded, and every pending migration applied.
 * Refuses, without writing anything, a file that is corrupt, not RepoScout's, or newer.
 */
export function openStore(dbPath: string, options: { migrations?: readonly Migration[]; onWarning?: (line: string) => void } = {}): Store {
  ensureParentDir(dbPath);
  const warning = prepareDatabaseFile(dbPath);
  let db: Db;
  try {
    db = openDatabase(dbPath);
  } catch (error) {
    throw translateOpenError(error, dbPath);
  }
  try {
    // The first statement is where SQLite discovers a file is not a database.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    setWalMode(db);
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Reads through a memory map (an upper bound, not an allocation): vector KNN scans
    // every stored vector, and copying pages through SQLite's cache doubled its cost.
    db.pragma(`mmap_size = ${MMAP_BYTES}`);
    sqliteVec.load(db);
    migrate(db, dbPath, options.migrations ?? migrations);
  } catch (error) {
    db.close();
    throw translateOpenError(error, dbPath);
  }
  // Only a database that opened is worth a warning: a refusal is the one line the user needs.
  if (warning) (options.onWarning ?? ((line) => process.stderr.write(`reposcout: warning: ${line}\n`)))(warning);
  return { db, path: dbPath, close: () => db.close() };
}

/** The schema version this build writes; a database above it is refused. */
/**
 * Switches to WAL. The switch needs the file to itself and SQLite answers busy at once, without
 * its busy handler, when another process is opening the same new file at that moment (seen with
 * node:sqlite); so it is retried for up to BUSY_TIMEOUT_MS.
 */
function setWalMode(db: Db): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if (!isDatabaseBusy(error) || Date.now() >= deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;

function migrate(db: Db, dbPath: string, known: readonly Migration[]): void {
  const latest = known.at(-1)?.version ?? 0;
  const hasLedger = db
    .prepare(`select 1 from sqlite_master where type = 'table' and name = 'schema_migrations'`)
    .get();
  if (!hasLedger) {
    const otherTables = db.prepare(`select count(*) as n from sqlite_master where type = 'table'`).get() as { n: number };
    if (otherTables.n > 0) {
      throw new RepoScoutError(
        'DB_CORRUPT',
        `${dbPath} is an SQLite database but not a RepoScout one; RepoScout needs a database file of its own.`,
        FIX_DB,
      );
    }
  }
  const current = hasLedger
    ? ((db.prepare('select max(version) as v from schema_migrations').get() as { v: number | null }).v ?? 0)
    : 0;
  if (current > latest) {
    throw new RepoScoutError(
      'DB_TOO_NEW',
      `${dbPath} was written by a newer RepoScout (schema ${current}, this one knows up to ${latest}); upgrade RepoScout or use another database.`,
      FIX_DB,
    );
  }
  if (!known.some((m) => m.version > current)) return;
  const apply = db.transaction(() => {
    db.exec(`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      applied_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    )`);
    // Read again under the write lock: another process opening the same new database may have
    // applied them between the read above and this transaction (the lock waited for it).
    const done = (db.prepare('select max(version) as v from schema_migrations').get() as { v: number | null }).v ?? 0;
    const record = db.prepare('insert into schema_migrations (version, name) values (?, ?)');
    for (const migration of known.filter((m) => m.version > done)) {
      db.exec(migration.sql);
      record.run(migration.version, migration.name);
    }
    db.pragma(`user_version = ${latest}`);
  });
  apply.immediate();
}

function ensureParentDir(dbPath: string): void {
  const dir = path.dirname(dbPath);
  try {
    ensurePrivateDir(dir);
  } catch (error) {
    throw new RepoScoutError(
      'DB_READ_ONLY',
      `Cannot create the database folder ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'}); the database needs a writable location.`,
      { cause: error, ...FIX_DB },
    );
  }
}

function translateOpenError(error: unknown, dbPath: string): Error {
  if (error instanceof RepoScoutError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT')) {
    return new RepoScoutError(
      'DB_CORRUPT',
      `${dbPath} is corrupt or not an SQLite database; it was left untouched. Move it aside or use another database.`,
      { cause: error, ...FIX_DB },
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH' || code.startsWith('SQLITE_IOERR')) {
    return new RepoScoutError(
      'DB_READ_ONLY',
      `Cannot write the database at ${dbPath} (${code}); the database needs a writable location.`,
      { cause: error, ...FIX_DB },
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new RepoScoutError('DB_BUSY', `The database at ${dbPath} is locked by another process; try again when it finishes.`, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}

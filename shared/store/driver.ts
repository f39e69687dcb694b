import { createRequire } from 'node:module';
import { RepoScoutError } from '../errors';
import { openNodeSqlite, nodeSqliteUnavailable } from './node-sqlite';

/**
 * The engine's own view of an SQLite connection: the synchronous subset of better-sqlite3's
 * API that RepoScout uses, so the same engine code runs on better-sqlite3 (a native module
 * bound to one Node ABI) or on Node's built-in `node:sqlite` (Node >= 22.13, no native module).
 * New code uses only what is declared here; nothing imports 'better-sqlite3' directly.
 */
export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

export interface Statement {
  /** Parameters: positional values, and/or one object for `@name` parameters. */
  run(...params: unknown[]): RunResult;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
  /** Rows become the value of their first column (better-sqlite3's pluck). */
  pluck(toggle?: boolean): this;
}

type TransactionBody = (...args: never[]) => unknown;

/** A function that runs `fn` in a transaction (a SAVEPOINT when one is already open). */
export interface Transaction<F extends TransactionBody> {
  (...args: Parameters<F>): ReturnType<F>;
  deferred(...args: Parameters<F>): ReturnType<F>;
  immediate(...args: Parameters<F>): ReturnType<F>;
  exclusive(...args: Parameters<F>): ReturnType<F>;
}

export interface Db {
  prepare(sql: string): Statement;
  exec(sql: string): this;
  transaction<F extends TransactionBody>(fn: F): Transaction<F>;
  /** `PRAGMA <source>`: every row, or with `simple` the first column of the first row. */
  pragma(source: string, options?: { simple?: boolean }): unknown;
  loadExtension(path: string): void;
  close(): void;
  readonly inTransaction: boolean;
  readonly open: boolean;
}

export interface OpenOptions {
  readonly?: boolean;
  /** Fail instead of creating the file. */
  fileMustExist?: boolean;
}

export type SqliteDriverName = 'better-sqlite3' | 'node:sqlite';

export interface SqliteDriver {
  name: SqliteDriverName;
  open(file: string, options?: OpenOptions): Db;
}

/** Forces a driver (tests, or a user whose better-sqlite3 misbehaves): `node` or `better`. */
export const DRIVER_ENV = 'REPOSCOUT_SQLITE_DRIVER';

const requireModule = createRequire(import.meta.url);
let chosen: SqliteDriver | undefined;

/**
 * The driver this process uses, chosen once: better-sqlite3 where its binary loads (the command
 * line on the Node it was built for), `node:sqlite` otherwise (the editor's runtime, Node 24).
 */
export function sqliteDriver(): SqliteDriver {
  chosen ??= chooseDriver(process.env[DRIVER_ENV]?.trim() ?? '');
  return chosen;
}

/** Opens `file` with the process's driver. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  return sqliteDriver().open(file, options);
}

function chooseDriver(forced: string): SqliteDriver {
  if (forced === 'node') {
    const reason = nodeSqliteUnavailable();
    if (reason) throw new RepoScoutError('INVALID_INPUT', `${DRIVER_ENV}=node but ${reason}; unset ${DRIVER_ENV} or run on Node >= 22.13.`);
    return { name: 'node:sqlite', open: openNodeSqlite };
  }
  if (forced === 'better') {
    const better = loadBetterSqlite3();
    if (typeof better === 'string') throw new RepoScoutError('INVALID_INPUT', `${DRIVER_ENV}=better but better-sqlite3 does not load here (${better}); unset ${DRIVER_ENV} or run "npm rebuild better-sqlite3".`);
    return better;
  }
  if (forced !== '') {
    throw new RepoScoutError('INVALID_INPUT', `${DRIVER_ENV} is "${forced}"; use "node" (node:sqlite) or "better" (better-sqlite3), or unset it to choose automatically.`);
  }
  const better = loadBetterSqlite3();
  if (typeof better !== 'string') return better;
  const reason = nodeSqliteUnavailable();
  if (!reason) return { name: 'node:sqlite', open: openNodeSqlite };
  throw new RepoScoutError(
    'INVALID_INPUT',
    `RepoScout needs SQLite: this is Node ${process.versions.node}, where ${reason}, and better-sqlite3 does not load (${better}); install Node 22.13 or newer (Node 24 recommended).`,
  );
}

type BetterSqlite3Constructor = new (file: string, options?: { readonly?: boolean; fileMustExist?: boolean }) => Db;

/** better-sqlite3 as a driver, or why it cannot load (missing, or built for another Node ABI). */
function loadBetterSqlite3(): SqliteDriver | string {
  try {
    const Database = requireModule('better-sqlite3') as BetterSqlite3Constructor;
    // The binary is loaded on first open: a module built for another Node fails here.
    new Database(':memory:').close();
    return { name: 'better-sqlite3', open: (file, options = {}) => new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.fileMustExist ?? false }) };
  } catch (error) {
    return firstLine(error);
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

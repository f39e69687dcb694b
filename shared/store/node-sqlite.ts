import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Db, OpenOptions, RunResult, Statement, Transaction } from './driver';

/*
 * The `node:sqlite` driver: Node's built-in SQLite (>= 22.13: loadExtension, iterate) shaped
 * like better-sqlite3, which the engine was written against. The differences it irons out:
 * - parameters: better-sqlite3 takes the `@name` object anywhere and binds `undefined` as NULL;
 *   node:sqlite wants the object first, refuses `undefined` and, by default, unknown names;
 * - rows: blobs come back as Uint8Array (the engine reads them as Buffer), no pluck();
 * - transactions: none built in, so BEGIN/COMMIT/ROLLBACK with SAVEPOINTs when nested;
 * - errors: code 'ERR_SQLITE_ERROR' plus a numeric `errcode`, mapped to better-sqlite3's
 *   'SQLITE_BUSY'-style codes that the engine and translateOpenError switch on.
 * @types/node here is Node 20's, which has no node:sqlite, hence the small local types.
 */

interface NodeStatementSync {
  run(...params: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
  setReturnArrays?(enabled: boolean): void;
  setAllowUnknownNamedParameters?(enabled: boolean): void;
}

interface NodeDatabaseSync {
  prepare(sql: string): NodeStatementSync;
  exec(sql: string): void;
  close(): void;
  loadExtension(file: string): void;
  /** Node >= 22.16 / 24. */
  readonly isTransaction?: boolean;
}

interface NodeSqliteModule {
  DatabaseSync: (new (file: string, options?: { readOnly?: boolean; allowExtension?: boolean }) => NodeDatabaseSync) & {
    prototype: Partial<NodeDatabaseSync>;
  };
  StatementSync: { prototype: Partial<NodeStatementSync> };
}

const requireModule = createRequire(import.meta.url);
let loaded: NodeSqliteModule | string | undefined;

function nodeSqlite(): NodeSqliteModule | string {
  if (loaded !== undefined) return loaded;
  try {
    const mod = requireModule('node:sqlite') as NodeSqliteModule;
    loaded =
      typeof mod.DatabaseSync?.prototype.loadExtension === 'function' && typeof mod.StatementSync?.prototype.iterate === 'function'
        ? mod
        : `node:sqlite in Node ${process.versions.node} lacks loadExtension/iterate (needs 22.13+)`;
  } catch {
    loaded = `Node ${process.versions.node} has no node:sqlite (needs 22.13+)`;
  }
  return loaded;
}

/** Why node:sqlite cannot serve as the driver here, or null when it can. */
export function nodeSqliteUnavailable(): string | null {
  const mod = nodeSqlite();
  return typeof mod === 'string' ? mod : null;
}

export function openNodeSqlite(file: string, options: OpenOptions = {}): Db {
  const mod = nodeSqlite();
  if (typeof mod === 'string') throw new Error(mod);
  if ((options.fileMustExist || options.readonly) && file !== ':memory:' && !fs.existsSync(file)) {
    throw sqliteError(`unable to open database file: ${file} does not exist`, 'SQLITE_CANTOPEN');
  }
  try {
    return new NodeSqliteDb(new mod.DatabaseSync(file, { readOnly: options.readonly ?? false, allowExtension: true }));
  } catch (error) {
    throw translated(error);
  }
}

class NodeSqliteDb implements Db {
  private isOpen = true;
  /** Savepoint depth and, on Node without isTransaction, whether a BEGIN is open. */
  private savepoints = 0;
  private begun = false;

  constructor(private readonly db: NodeDatabaseSync) {}

  get open(): boolean {
    return this.isOpen;
  }

  get inTransaction(): boolean {
    return this.db.isTransaction ?? (this.begun || this.savepoints > 0);
  }

  prepare(sql: string): Statement {
    try {
      return new NodeSqliteStatement(this.db.prepare(sql));
    } catch (error) {
      throw translated(error);
    }
  }

  exec(sql: string): this {
    try {
      this.db.exec(sql);
    } catch (error) {
      throw translated(error);
    }
    if (this.db.isTransaction === undefined) this.trackTransaction(sql);
    return this;
  }

  pragma(source: string, options: { simple?: boolean } = {}): unknown {
    const statement = this.prepare(`PRAGMA ${source}`);
    return options.simple ? statement.pluck().get() : statement.all();
  }

  loadExtension(file: string): void {
    try {
      this.db.loadExtension(file);
    } catch (error) {
      throw translated(error);
    }
  }

  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.db.close();
  }

  transaction<F extends (...args: never[]) => unknown>(fn: F): Transaction<F> {
    const run =
      (mode: 'DEFERRED' | 'IMMEDIATE' | 'EXCLUSIVE') =>
      (...args: Parameters<F>): ReturnType<F> =>
        this.inTransaction ? this.inSavepoint(fn, args) : this.inBegin(mode, fn, args);
    const deferred = run('DEFERRED');
    return Object.assign(deferred, { deferred, immediate: run('IMMEDIATE'), exclusive: run('EXCLUSIVE') });
  }

  private inBegin<F extends (...args: never[]) => unknown>(mode: string, fn: F, args: Parameters<F>): ReturnType<F> {
    this.exec(`BEGIN ${mode}`);
    try {
      const result = fn(...args) as ReturnType<F>;
      refusePromise(result);
      this.exec('COMMIT');
      return result;
    } catch (error) {
      // A failed COMMIT (busy) can leave the transaction open; a failed statement may not.
      if (this.inTransaction) this.exec('ROLLBACK');
      throw error;
    }
  }

  private inSavepoint<F extends (...args: never[]) => unknown>(fn: F, args: Parameters<F>): ReturnType<F> {
    const name = `reposcout_sp${++this.savepoints}`;
    try {
      this.exec(`SAVEPOINT ${name}`);
      try {
        const result = fn(...args) as ReturnType<F>;
        refusePromise(result);
        this.exec(`RELEASE ${name}`);
        return result;
      } catch (error) {
        this.exec(`ROLLBACK TO ${name}`);
        this.exec(`RELEASE ${name}`);
        throw error;
      }
    } finally {
      this.savepoints -= 1;
    }
  }

  /** Only for Node < 22.16, which cannot say whether a transaction is open. */
  private trackTransaction(sql: string): void {
    const head = /^\s*(\w+)/.exec(sql)?.[1]?.toLowerCase();
    if (head === 'begin') this.begun = true;
    else if (head === 'commit' || head === 'end' || (head === 'rollback' && !/^\s*rollback\s+(transaction\s+)?to\b/i.test(sql))) this.begun = false;
  }
}

function refusePromise(result: unknown): void {
  if (result !== null && typeof result === 'object' && typeof (result as { then?: unknown }).then === 'function') {
    throw new TypeError('Transaction function cannot return a promise');
  }
}

class NodeSqliteStatement implements Statement {
  private plucking = false;
  private readonly arrays: boolean;

  constructor(private readonly statement: NodeStatementSync) {
    // better-sqlite3 ignores object keys the SQL does not name; so do we.
    statement.setAllowUnknownNamedParameters?.(true);
    this.arrays = typeof statement.setReturnArrays === 'function';
  }

  pluck(toggle = true): this {
    this.plucking = toggle;
    // Arrays keep the first column first even when a later column has the same name.
    if (this.arrays) this.statement.setReturnArrays?.(toggle);
    return this;
  }

  run(...params: unknown[]): RunResult {
    try {
      const result = this.statement.run(...bindable(params));
      return { changes: Number(result.changes), lastInsertRowid: result.lastInsertRowid };
    } catch (error) {
      throw translated(error);
    }
  }

  get(...params: unknown[]): unknown {
    let row: unknown;
    try {
      row = this.statement.get(...bindable(params));
    } catch (error) {
      throw translated(error);
    }
    return row === undefined ? undefined : this.shape(row);
  }

  all(...params: unknown[]): unknown[] {
    let rows: unknown[];
    try {
      rows = this.statement.all(...bindable(params));
    } catch (error) {
      throw translated(error);
    }
    for (let i = 0; i < rows.length; i++) rows[i] = this.shape(rows[i]);
    return rows;
  }

  *iterate(...params: unknown[]): IterableIterator<unknown> {
    let iterator: IterableIterator<unknown>;
    try {
      iterator = this.statement.iterate(...bindable(params));
    } catch (error) {
      throw translated(error);
    }
    try {
      for (;;) {
        let next: IteratorResult<unknown>;
        try {
          next = iterator.next();
        } catch (error) {
          throw translated(error);
        }
        if (next.done) return;
        yield this.shape(next.value);
      }
    } finally {
      // A loop that stops early must reset the statement, or it keeps its read snapshot open.
      iterator.return?.();
    }
  }

  private shape(row: unknown): unknown {
    if (this.plucking) {
      const value = this.arrays ? (row as unknown[])[0] : firstValue(row as Record<string, unknown>);
      return value instanceof Uint8Array ? asBuffer(value) : value;
    }
    const record = row as Record<string, unknown>;
    for (const key in record) {
      const value = record[key];
      if (value instanceof Uint8Array) record[key] = asBuffer(value);
    }
    return record;
  }
}

function firstValue(row: Record<string, unknown>): unknown {
  for (const key in row) return row[key];
  return undefined;
}

/** Blobs as Buffer, as better-sqlite3 returns them (no copy). */
function asBuffer(value: Uint8Array): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

/** better-sqlite3's parameter rules in node:sqlite's order: named object first, undefined as NULL. */
function bindable(params: unknown[]): unknown[] {
  let plain = true;
  for (const p of params) {
    if (p === undefined || (p !== null && typeof p === 'object' && !ArrayBuffer.isView(p))) {
      plain = false;
      break;
    }
  }
  if (plain) return params;
  let named: Record<string, unknown> | undefined;
  const positional: unknown[] = [];
  const add = (p: unknown) => {
    if (p === undefined) positional.push(null);
    else if (Array.isArray(p)) p.forEach(add);
    else if (p !== null && typeof p === 'object' && !ArrayBuffer.isView(p)) named = nullForUndefined(p as Record<string, unknown>);
    else positional.push(p);
  };
  params.forEach(add);
  return named ? [named, ...positional] : positional;
}

function nullForUndefined(named: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(named)) out[key] = named[key] === undefined ? null : named[key];
  return out;
}

/** SQLite's result codes by number (primary codes, and the extended ones the engine meets). */
const CODE_NAMES: Record<number, string> = {
  1: 'SQLITE_ERROR', 2: 'SQLITE_INTERNAL', 3: 'SQLITE_PERM', 4: 'SQLITE_ABORT', 5: 'SQLITE_BUSY', 6: 'SQLITE_LOCKED',
  7: 'SQLITE_NOMEM', 8: 'SQLITE_READONLY', 9: 'SQLITE_INTERRUPT', 10: 'SQLITE_IOERR', 11: 'SQLITE_CORRUPT',
  12: 'SQLITE_NOTFOUND', 13: 'SQLITE_FULL', 14: 'SQLITE_CANTOPEN', 15: 'SQLITE_PROTOCOL', 16: 'SQLITE_EMPTY',
  17: 'SQLITE_SCHEMA', 18: 'SQLITE_TOOBIG', 19: 'SQLITE_CONSTRAINT', 20: 'SQLITE_MISMATCH', 21: 'SQLITE_MISUSE',
  22: 'SQLITE_NOLFS', 23: 'SQLITE_AUTH', 24: 'SQLITE_FORMAT', 25: 'SQLITE_RANGE', 26: 'SQLITE_NOTADB',
  261: 'SQLITE_BUSY_RECOVERY', 517: 'SQLITE_BUSY_SNAPSHOT', 773: 'SQLITE_BUSY_TIMEOUT', 262: 'SQLITE_LOCKED_SHAREDCACHE',
  264: 'SQLITE_READONLY_RECOVERY', 520: 'SQLITE_READONLY_CANTLOCK', 776: 'SQLITE_READONLY_ROLLBACK', 1032: 'SQLITE_READONLY_DBMOVED',
  1288: 'SQLITE_READONLY_CANTINIT', 1544: 'SQLITE_READONLY_DIRECTORY', 267: 'SQLITE_CORRUPT_VTAB', 523: 'SQLITE_CORRUPT_SEQUENCE',
  779: 'SQLITE_CORRUPT_INDEX', 526: 'SQLITE_CANTOPEN_ISDIR', 782: 'SQLITE_CANTOPEN_FULLPATH', 275: 'SQLITE_CONSTRAINT_CHECK',
  787: 'SQLITE_CONSTRAINT_FOREIGNKEY', 1299: 'SQLITE_CONSTRAINT_NOTNULL', 1555: 'SQLITE_CONSTRAINT_PRIMARYKEY',
  2067: 'SQLITE_CONSTRAINT_UNIQUE', 2579: 'SQLITE_CONSTRAINT_ROWID',
};

export function sqliteCodeName(errcode: number): string {
  return CODE_NAMES[errcode] ?? CODE_NAMES[errcode & 0xff] ?? `SQLITE_${errcode}`;
}

/** node:sqlite's error, with better-sqlite3's `code` ('SQLITE_BUSY', ...). */
function translated(error: unknown): unknown {
  const e = error as { code?: unknown; errcode?: unknown } | null;
  if (e && typeof e === 'object' && e.code === 'ERR_SQLITE_ERROR' && typeof e.errcode === 'number') {
    Object.defineProperty(e, 'code', { value: sqliteCodeName(e.errcode), writable: true, configurable: true, enumerable: true });
  }
  return error;
}

function sqliteError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

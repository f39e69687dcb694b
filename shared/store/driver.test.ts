import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/git-fixture';
import { DRIVER_ENV, openDatabase, sqliteDriver, type Db } from './driver';
import { sqliteCodeName } from './node-sqlite';
import { openStore } from './open';

// `npm test` runs this file under Node 20 (better-sqlite3) and again under Node 24 with
// REPOSCOUT_SQLITE_DRIVER=node (node:sqlite): both drivers must answer these the same way.
const driver = sqliteDriver().name;
let dir: string;
let db: Db;
beforeEach(() => {
  dir = tempDir('reposcout-driver-');
  db = openDatabase(path.join(dir, 'x.db'));
  db.pragma('journal_mode = WAL');
  db.exec('create table t (id integer primary key, name text, n integer, data blob)');
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe(`sqlite driver (${driver})`, () => {
  it('is the one the environment asks for', () => {
    const forced = process.env[DRIVER_ENV];
    if (forced === 'node') expect(driver).toBe('node:sqlite');
    if (forced === 'better') expect(driver).toBe('better-sqlite3');
    expect(['node:sqlite', 'better-sqlite3']).toContain(driver);
  });

  it('binds positional and @name parameters, the object in any position, undefined as NULL', () => {
    const insert = db.prepare('insert into t (name, n) values (@name, ?)');
    expect(insert.run(1, { name: 'a' })).toEqual({ changes: 1, lastInsertRowid: 1 });
    expect(insert.run({ name: 'b', unused: 'ignored' }, 2).lastInsertRowid).toBe(2);
    db.prepare('insert into t (name, n) values (?, ?)').run('c', undefined);
    db.prepare('insert into t (name, n) values (@name, @n)').run({ name: 'd', n: undefined });
    expect(db.prepare('select name, n from t order by id').all()).toEqual([
      { name: 'a', n: 1 },
      { name: 'b', n: 2 },
      { name: 'c', n: null },
      { name: 'd', n: null },
    ]);
    expect(db.prepare('select count(*) as c from t where n is null').get()).toEqual({ c: 2 });
    expect(db.prepare('select name from t where id = ?').get(99)).toBeUndefined();
  });

  it('plucks the first column, even when a later one has the same name', () => {
    db.prepare('insert into t (name) values (?)').run('x');
    expect(db.prepare('select count(*) from t').pluck().get()).toBe(1);
    expect(db.prepare('select name, id as name from t').pluck().all()).toEqual(['x']);
    const plucked = db.prepare('select name from t').pluck();
    expect(plucked.pluck(false).get()).toEqual({ name: 'x' });
  });

  it('returns blobs as Buffers and takes Buffers and Uint8Arrays', () => {
    db.prepare('insert into t (data) values (?)').run(Buffer.from([1, 2, 3]));
    db.prepare('insert into t (data) values (?)').run(new Uint8Array([4, 5]));
    const rows = db.prepare('select data from t order by id').all() as { data: Buffer }[];
    expect(rows.map((r) => Buffer.isBuffer(r.data))).toEqual([true, true]);
    expect(rows[0]?.data.readUInt8(2)).toBe(3);
    expect(Buffer.isBuffer(db.prepare('select data from t where id = 2').pluck().get())).toBe(true);
  });

  it('iterates lazily, and a loop that stops early leaves no read transaction behind', () => {
    const insert = db.prepare('insert into t (n) values (?)');
    for (let i = 0; i < 5; i++) insert.run(i);
    const seen: number[] = [];
    for (const row of db.prepare('select n from t order by n').iterate() as Iterable<{ n: number }>) {
      seen.push(row.n);
      if (row.n === 2) break;
    }
    expect(seen).toEqual([0, 1, 2]);
    expect(db.inTransaction).toBe(false);
    // A statement left mid-step holds a read snapshot: another connection's checkpoint could not finish.
    const other = openDatabase(path.join(dir, 'x.db'));
    try {
      other.prepare('insert into t (n) values (?)').run(9);
      expect(other.pragma('wal_checkpoint(TRUNCATE)')).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);
    } finally {
      other.close();
    }
  });

  it('runs transactions: commit, rollback on throw, nested as savepoints, immediate', () => {
    const insert = db.prepare('insert into t (name) values (?)');
    const names = () => db.prepare('select name from t order by id').pluck().all();
    const addTwo = db.transaction((a: string, b: string) => {
      insert.run(a);
      insert.run(b);
      return 'done';
    });
    expect(addTwo.immediate('a', 'b')).toBe('done');
    expect(() =>
      db.transaction(() => {
        insert.run('lost');
        throw new Error('boom');
      })(),
    ).toThrow('boom');
    expect(names()).toEqual(['a', 'b']);
    db.transaction(() => {
      insert.run('outer');
      expect(db.inTransaction).toBe(true);
      expect(() =>
        db.transaction(() => {
          insert.run('inner-lost');
          throw new Error('inner');
        })(),
      ).toThrow('inner');
      db.transaction(() => insert.run('inner-kept'))();
    }).exclusive();
    expect(names()).toEqual(['a', 'b', 'outer', 'inner-kept']);
    expect(db.inTransaction).toBe(false);
    const asyncBody = db.transaction(async () => insert.run('async')) as unknown as () => unknown;
    expect(asyncBody).toThrow(/promise/);
    expect(db.inTransaction).toBe(false);
  });

  it('tracks transactions opened with exec, as the local ingest does', () => {
    db.exec('begin immediate');
    expect(db.inTransaction).toBe(true);
    db.prepare('insert into t (name) values (?)').run('in');
    db.exec('rollback');
    expect(db.inTransaction).toBe(false);
    expect(db.prepare('select count(*) from t').pluck().get()).toBe(0);
  });

  it('answers pragmas as rows, or one value with simple', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    db.pragma('user_version = 7');
    expect(db.pragma('user_version')).toEqual([{ user_version: 7 }]);
  });

  it("gives errors better-sqlite3's SQLITE_* codes", () => {
    db.prepare('insert into t (id) values (1)').run();
    expect(codeOf(() => db.prepare('insert into t (id) values (1)').run())).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    expect(codeOf(() => db.exec('create unique index u on t(name); insert into t (name) values (1), (1)'))).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(codeOf(() => db.prepare('select * from missing'))).toBe('SQLITE_ERROR');
  });

  it('opens read-only: reads work, writes fail with SQLITE_READONLY; a missing file is refused', () => {
    db.prepare('insert into t (name) values (?)').run('kept');
    const reader = openDatabase(path.join(dir, 'x.db'), { readonly: true });
    try {
      expect(reader.prepare('select name from t').pluck().get()).toBe('kept');
      expect(codeOf(() => reader.prepare('insert into t (name) values (?)').run('no'))).toMatch(/^SQLITE_READONLY/);
    } finally {
      reader.close();
    }
    expect(codeOf(() => openDatabase(path.join(dir, 'missing.db'), { readonly: true }))).toMatch(/^SQLITE_CANTOPEN/);
    expect(fs.existsSync(path.join(dir, 'missing.db'))).toBe(false);
  });

  it('reports a writer holding the lock as SQLITE_BUSY', () => {
    const file = path.join(dir, 'busy.db');
    const a = openStore(file);
    const b = openDatabase(file);
    try {
      b.pragma('busy_timeout = 0');
      a.db.exec('begin immediate');
      expect(codeOf(() => b.exec('begin immediate'))).toMatch(/^SQLITE_BUSY/);
      a.db.exec('rollback');
    } finally {
      b.close();
      a.close();
    }
  });

  it('closes idempotently', () => {
    const extra = openDatabase(path.join(dir, 'x.db'));
    extra.close();
    expect(extra.open).toBe(false);
    expect(() => extra.close()).not.toThrow();
  });
});

describe('sqliteCodeName', () => {
  it('names primary and extended result codes', () => {
    expect(sqliteCodeName(5)).toBe('SQLITE_BUSY');
    expect(sqliteCodeName(517)).toBe('SQLITE_BUSY_SNAPSHOT');
    expect(sqliteCodeName(26)).toBe('SQLITE_NOTADB');
    expect(sqliteCodeName(8 | (9 << 8))).toBe('SQLITE_READONLY');
  });
});

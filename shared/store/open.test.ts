import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RepoScoutError } from '../errors';
import { tempDir } from '../../test/helpers/git-fixture';
import { migrations } from './migrations/index';
import { latestSchemaVersion, openStore } from './open';
import { openDatabase } from './driver';

const dirs: string[] = [];
function dbFile(): string {
  const dir = tempDir('reposcout-db-');
  dirs.push(dir);
  return path.join(dir, 'reposcout.db');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof RepoScoutError ? error.code : `not a RepoScoutError: ${String(error)}`;
  }
  return undefined;
}

describe('openStore: behaviour', () => {
  it('creates the file and its folder, in WAL mode with foreign keys, a busy timeout and sqlite-vec', () => {
    const file = path.join(tempDir(), 'nested', 'deeper', 'reposcout.db');
    const store = openStore(file);
    try {
      expect(fs.existsSync(file)).toBe(true);
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(store.db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
      expect((store.db.prepare('select vec_version() as v').get() as { v: string }).v).toMatch(/^v0\./);
      const applied = store.db.prepare('select version from schema_migrations order by version').all() as { version: number }[];
      expect(applied.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
      expect(store.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    } finally {
      store.close();
      fs.rmSync(path.dirname(path.dirname(path.dirname(file))), { recursive: true, force: true });
    }
  });

  it('reopening an up-to-date database changes nothing', () => {
    const file = dbFile();
    openStore(file).close();
    const store = openStore(file);
    const rows = store.db.prepare('select count(*) as n from schema_migrations').get() as { n: number };
    store.close();
    expect(rows.n).toBe(migrations.length);
  });

  it('upgrades an older database and keeps its data', () => {
    const file = dbFile();
    const v1 = openStore(file, { migrations: migrations.slice(0, 1) });
    v1.db.prepare(`insert into repositories (key, source, name) values ('local:/x', 'local', 'x')`).run();
    v1.close();
    const next = { version: migrations.length + 1, name: 'test-extra', sql: 'create table extra (id integer primary key);' };
    const upgraded = openStore(file, { migrations: [...migrations, next] });
    try {
      expect(upgraded.db.prepare('select name from repositories').all()).toEqual([{ name: 'x' }]);
      expect(upgraded.db.prepare(`select name from sqlite_master where name = 'extra'`).get()).toEqual({ name: 'extra' });
    } finally {
      upgraded.close();
    }
  });

  it('two connections share one file (WAL): a reader sees a committed write', () => {
    const file = dbFile();
    const writer = openStore(file);
    const reader = openStore(file);
    try {
      writer.db.prepare(`insert into repositories (key, source, name) values ('local:/y', 'local', 'y')`).run();
      expect(reader.db.prepare('select name from repositories').all()).toEqual([{ name: 'y' }]);
    } finally {
      writer.close();
      reader.close();
    }
  });
});

describe('openStore: bad input', () => {
  it('refuses a newer database with DB_TOO_NEW and leaves it byte-for-byte intact', () => {
    const file = dbFile();
    const newer = openStore(file, { migrations: [...migrations, { version: 999, name: 'future', sql: 'create table future (id integer);' }] });
    newer.db.pragma('wal_checkpoint(TRUNCATE)');
    newer.close();
    const before = fs.readFileSync(file);
    expect(codeOf(() => openStore(file))).toBe('DB_TOO_NEW');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a corrupt file with DB_CORRUPT and leaves it intact', () => {
    const file = dbFile();
    const garbage = Buffer.from('this is not an sqlite database, just some bytes '.repeat(200));
    fs.writeFileSync(file, garbage);
    expect(codeOf(() => openStore(file))).toBe('DB_CORRUPT');
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
  });

  it('refuses a database that belongs to another application', () => {
    const file = dbFile();
    const other = openDatabase(file);
    other.exec('create table invoices (id integer primary key, total real)');
    other.close();
    expect(codeOf(() => openStore(file))).toBe('DB_CORRUPT');
    const check = openDatabase(file);
    expect(check.prepare(`select name from sqlite_master where type = 'table'`).all()).toEqual([{ name: 'invoices' }]);
    check.close();
  });

  it('reports DB_READ_ONLY when the folder cannot be created', () => {
    // /sys refuses new entries even for root.
    expect(codeOf(() => openStore('/sys/reposcout-test/reposcout.db'))).toBe('DB_READ_ONLY');
  });

  it('error messages say what was wrong, and another database as the remedy', () => {
    const file = dbFile();
    fs.writeFileSync(file, 'garbage'.repeat(1000));
    expect(() => openStore(file)).toThrow(expect.objectContaining({ message: expect.stringMatching(/corrupt.*Move it aside or use another database/), remedy: { do: 'fix_input', input: 'db' } }));
  });
});

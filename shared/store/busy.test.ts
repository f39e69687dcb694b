import { describe, expect, it } from 'vitest';
import { isDatabaseBusy } from './busy';

describe('isDatabaseBusy', () => {
  it.each([
    ['better-sqlite3 SQLITE_BUSY', { code: 'SQLITE_BUSY', message: 'database is locked' }, true],
    ['better-sqlite3 SQLITE_BUSY_SNAPSHOT', { code: 'SQLITE_BUSY_SNAPSHOT' }, true],
    ['better-sqlite3 SQLITE_LOCKED', { code: 'SQLITE_LOCKED', message: 'database table is locked' }, true],
    ['node:sqlite, untranslated', { code: 'ERR_SQLITE_ERROR', errcode: 5, errstr: 'database is locked' }, true],
    ['node:sqlite, extended busy-timeout code', { code: 'ERR_SQLITE_ERROR', errcode: 773 }, true],
    ['node:sqlite, locked', { code: 'ERR_SQLITE_ERROR', errcode: 6 }, true],
    ['a constraint failure', { code: 'SQLITE_CONSTRAINT_UNIQUE' }, false],
    ['node:sqlite, read-only', { code: 'ERR_SQLITE_ERROR', errcode: 8 }, false],
    // Prose is not a code: a message alone decides nothing.
    ['only the words', new Error('database is locked'), false],
    ['not an object', 'SQLITE_BUSY', false],
    ['null', null, false],
  ])('%s → %s', (_label, error, busy) => {
    expect(isDatabaseBusy(error)).toBe(busy);
  });
});

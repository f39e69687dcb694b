import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectInMemory, emptyStore } from '../mcp-server/server/test-support';
import { openStore, type Store } from '../shared/store/open';
import { runCli } from './helpers/cli';

/**
 * A second connection holds the write lock (BEGIN IMMEDIATE) on the same file, the way another
 * RepoScout process writing would; a write through either front door then waits out the busy
 * timeout and must come back as DB_BUSY with what to do, not as an internal failure.
 */
let fx: ReturnType<typeof emptyStore>;
let holder: Store;
beforeEach(() => {
  fx = emptyStore();
  holder = openStore(fx.dbPath);
  holder.db.exec('begin immediate');
});
afterEach(() => {
  holder.db.exec('rollback');
  holder.close();
  fx.cleanup();
});

describe('a database another connection is writing to', () => {
  it('answers an MCP write tool with DB_BUSY and a next step', async () => {
    // The store's 5-second busy timeout, shortened: what is under test is what happens after it.
    fx.store.db.pragma('busy_timeout = 100');
    const { client, close } = await connectInMemory({ store: fx.store, toolsets: ['memory'] });
    try {
      const result = await client.callTool({ name: 'remember', arguments: { text: 'the lock is held' } });
      expect(result.isError).toBe(true);
      expect(result.structuredContent).toEqual({
        error: {
          code: 'DB_BUSY',
          message: 'The database is locked by another process writing to it (another RepoScout command, server or VS Code); try again when it finishes.',
          next: 'Wait a few seconds and call the tool again.',
        },
      });
      // Once the other writer is done, the same call goes through.
      holder.db.exec('rollback');
      const again = await client.callTool({ name: 'remember', arguments: { text: 'the lock is held' } });
      expect(again.isError).toBeFalsy();
      expect((again.structuredContent as { outcome: string }).outcome).toBe('created');
      holder.db.exec('begin immediate');
    } finally {
      await close();
    }
  });

  it('makes the command line say so and exit 1, without "unexpected failure"', () => {
    const run = runCli(['remember', 'the lock is held', '--db', fx.dbPath]);
    expect(run.stderr.trim()).toBe('reposcout: the database is locked by another process writing to it (another RepoScout command, server or VS Code); try again when it finishes.');
    expect(run.code).toBe(1);
  });
});

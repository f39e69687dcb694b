import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Progress } from '@modelcontextprotocol/sdk/types.js';
import { tempDir, TestRepo } from '../../../test/helpers/git-fixture';
import { createCatalog } from '../catalog';
import { bigRepo, buildFixtureRepo, connectInMemory, emptyStore, textOf } from '../test-support';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

/** A fresh empty database and a connected client, cleaned up after the test. */
async function setup(options: { readOnly?: boolean } = {}) {
  const db = emptyStore();
  const catalog = createCatalog(db.store);
  const mcp = await connectInMemory({ store: db.store, catalog, ...options });
  cleanups.push(db.cleanup, () => mcp.close());
  return { ...mcp, store: db.store, catalog };
}

function repo(r: TestRepo): TestRepo {
  cleanups.push(() => r.remove());
  return r;
}

type Analysis = { repository: { key: string; path: string }; newCommits: number; reused: boolean; summary: { commits: number; health: { score: number } } };

describe('analyze_local_repository: behaviour', () => {
  it('analyses a clone, then reuses the stored result while nothing changed', async () => {
    const { client } = await setup();
    const r = repo(buildFixtureRepo());
    const first = await client.callTool({ name: 'analyze_local_repository', arguments: { path: r.dir } });
    expect(first.isError).toBeFalsy();
    const out = first.structuredContent as Analysis;
    expect(out).toMatchObject({ repository: { key: `local:${r.dir}`, path: r.dir }, newCommits: 12, reused: false, summary: { commits: 11 } });
    expect(textOf(first)).toMatch(/^Analysed: health \d+\/100/);
    const again = (await client.callTool({ name: 'analyze_local_repository', arguments: { path: path.join(r.dir, 'src') } })).structuredContent as Analysis;
    expect(again).toMatchObject({ newCommits: 0, reused: true });
    const listed = await client.callTool({ name: 'list_repositories', arguments: {} });
    expect((listed.structuredContent as { total: number }).total).toBe(1);
  });

  it('sends increasing progress notifications when the client passes a progress token', async () => {
    const { client } = await setup();
    const r = repo(bigRepo(4_500));
    const updates: Progress[] = [];
    const result = await client.callTool({ name: 'analyze_local_repository', arguments: { path: r.dir } }, undefined, { onprogress: (p) => updates.push(p) });
    expect(result.isError).toBeFalsy();
    expect(updates.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < updates.length; i += 1) expect(updates[i]!.progress).toBeGreaterThan(updates[i - 1]!.progress);
    expect(updates.at(-1)).toMatchObject({ message: 'analysed' });
    expect(updates.at(-1)!.progress).toBe(updates.at(-1)!.total);
  });

  it('stops when the client cancels, leaving the database as it was, and can run again', async () => {
    const { client, store, catalog } = await setup();
    const r = repo(bigRepo(6_000));
    const controller = new AbortController();
    const call = client.callTool({ name: 'analyze_local_repository', arguments: { path: r.dir } }, undefined, {
      signal: controller.signal,
      onprogress: () => controller.abort('user cancelled'),
    });
    await expect(call).rejects.toThrow(/cancelled/);
    // Queue behind the cancelled analysis in the write lane, so this reads after it has settled.
    const count = (table: string) => store.db.prepare(`select count(*) from ${table}`).pluck().get() as number;
    const settled = await catalog.exclusive(new AbortController().signal, async () => ({ repositories: count('repositories'), commits: count('commits'), inTransaction: store.db.inTransaction }));
    expect(settled).toEqual({ repositories: 0, commits: 0, inTransaction: false });
    const commits = () => count('commits');
    const rerun = await client.callTool({ name: 'analyze_local_repository', arguments: { path: r.dir } });
    expect(rerun.isError).toBeFalsy();
    expect((rerun.structuredContent as Analysis).newCommits).toBe(6_000);
    expect(commits()).toBe(6_000);
  });

  it('runs concurrent analyses one after the other instead of interleaving their writes', async () => {
    const { client } = await setup();
    const a = repo(buildFixtureRepo());
    const b = repo(bigRepo(300));
    const results = await Promise.all([a, b, a].map((r) => client.callTool({ name: 'analyze_local_repository', arguments: { path: r.dir } })));
    expect(results.map((x) => x.isError ?? false)).toEqual([false, false, false]);
    const listed = await client.callTool({ name: 'list_repositories', arguments: {} });
    expect((listed.structuredContent as { total: number }).total).toBe(2);
  });

  it('is not offered by a read-only server', async () => {
    const { client } = await setup({ readOnly: true });
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).not.toContain('analyze_local_repository');
    const result = await client.callTool({ name: 'analyze_local_repository', arguments: { path: '/tmp' } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/not found/);
  });
});

describe('analyze_local_repository: bad input', () => {
  it.each([
    ['a missing folder', () => '/definitely/not/here', /^PATH_NOT_FOUND: No such folder/],
    ['a file', () => { const d = tempDir(); cleanups.push(() => fs.rmSync(d, { recursive: true, force: true })); fs.writeFileSync(path.join(d, 'f.txt'), 'x'); return path.join(d, 'f.txt'); }, /^NOT_A_GIT_REPOSITORY: .* is a file/],
    ['a folder outside git', () => { const d = tempDir(); cleanups.push(() => fs.rmSync(d, { recursive: true, force: true })); return d; }, /^NOT_A_GIT_REPOSITORY: .*not inside a git repository/],
    ['a repository without commits', () => repo(TestRepo.create()).dir, /^EMPTY_REPOSITORY: .*commit something first/],
  ])('explains %s', async (_label, target, message) => {
    const { client } = await setup();
    const result = await client.callTool({ name: 'analyze_local_repository', arguments: { path: target() } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });

  it.each([
    [{}, /path/],
    [{ path: '' }, /path is empty/],
    [{ path: '/tmp', windowMonths: 0 }, /windowMonths/],
    [{ path: '/tmp', windowMonths: 241 }, /windowMonths/],
    [{ path: '/tmp', windowMonths: '12' }, /windowMonths/],
    [{ path: '/tmp', force: 1 }, /force/],
    [{ path: ['/tmp'] }, /path/],
    [{ path: '/tmp', recursive: true }, /recursive/],
  ])('%o is refused', async (args, message) => {
    const { client } = await setup();
    const result = await client.callTool({ name: 'analyze_local_repository', arguments: args });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });
});

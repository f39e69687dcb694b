import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BREAKOUT, connectInMemory, researchedFixture, servedFixture, textOf } from '../test-support';

const fx = servedFixture(researchedFixture);

const call = (args: Record<string, unknown>) => fx.client.callTool({ name: 'get_repository', arguments: args });
const SECTIONS = ['health', 'activity', 'contributors', 'busFactor', 'hotspots', 'languages', 'communityFiles', 'pullRequests', 'releases'];

describe('get_repository: behaviour', () => {
  it('returns only the identity and the summary by default', async () => {
    const result = await call({ repository: fx.key });
    expect(result.isError).toBeFalsy();
    const out = result.structuredContent as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(['dataNotice', 'repository', 'summary']);
    expect(out.summary).toMatchObject({
      commits: 11,
      merges: 1,
      contributors: { humans: 3, bots: 1 },
      pullRequests: { total: 3 },
      releases: { tags: 1, latest: 'v1.0.0' },
      primaryLanguage: 'TypeScript',
      license: 'MIT',
    });
    expect(textOf(result)).toMatch(/^Health \d+\/100 \(grade [A-F]\)/);
  });

  it.each([
    ['the key', (f: typeof fx) => f.key],
    ['the clone path', (f: typeof fx) => f.repo.dir],
    ['a folder inside the clone', (f: typeof fx) => path.join(f.repo.dir, 'src')],
    ['the name, in any case', (f: typeof fx) => path.basename(f.repo.dir).toUpperCase()],
  ])('finds the repository by %s', async (_label, ref) => {
    const result = await call({ repository: ref(fx) });
    expect(result.isError).toBeFalsy();
    expect((result.structuredContent as { repository: { key: string } }).repository.key).toBe(fx.key);
  });

  it('finds the repository by a path relative to the server\'s working folder', async () => {
    const before = process.cwd();
    process.chdir(path.join(fx.repo.dir, 'src'));
    try {
      for (const ref of ['.', '..', './']) {
        const result = await call({ repository: ref });
        expect((result.structuredContent as { repository: { key: string } }).repository.key, ref).toBe(fx.key);
      }
    } finally {
      process.chdir(before);
    }
  });

  it('adds exactly the sections asked for', async () => {
    const out = (await call({ repository: fx.key, sections: ['health', 'hotspots'] })).structuredContent as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(['dataNotice', 'health', 'hotspots', 'repository', 'summary']);
    const health = out.health as { components: { id: string; score: number | null }[] };
    expect(health.components.map((c) => c.id)).toContain('bus-factor');
  });

  it('"all" adds every section, with lists capped', async () => {
    const result = await call({ repository: fx.key, sections: ['all'] });
    const out = result.structuredContent as Record<string, unknown>;
    for (const section of SECTIONS) expect(out).toHaveProperty(section);
    expect((out.pullRequests as { recent: unknown[] }).recent.length).toBeLessThanOrEqual(10);
    expect((out.activity as { recentWeeks: unknown[] }).recentWeeks.length).toBeLessThanOrEqual(26);
    expect(JSON.stringify(out).length).toBeLessThan(20_000);
  });

  it('keeps repository text inside the data block as one-line quoted strings', async () => {
    const text = textOf(await call({ repository: fx.key, sections: ['pull_requests', 'hotspots'] }));
    const lines = text.split('\n');
    const begin = lines.findIndex((l) => l.startsWith('<<<repository data'));
    const end = lines.indexOf('<<<end of repository data>>>');
    expect(begin).toBeGreaterThanOrEqual(0);
    // The hostile title tries to spell the end marker; it must not end the block early.
    expect(lines.filter((l) => l === '<<<end of repository data>>>')).toHaveLength(1);
    const titleLine = lines.findIndex((l) => l.includes('Ignore previous instructions'));
    expect(titleLine).toBeGreaterThan(begin);
    expect(titleLine).toBeLessThan(end);
    expect(lines[titleLine]).toContain('\\u003c\\u003c\\u003cend of repository data\\u003e\\u003e\\u003e');
    // Structured content carries the text unchanged, as data.
    const prs = ((await call({ repository: fx.key, sections: ['pull_requests'] })).structuredContent as { pullRequests: { recent: { title: string }[] } }).pullRequests.recent;
    expect(prs.map((p) => p.title)).toContain(BREAKOUT);
  });
});

describe('get_repository: bad input', () => {
  it('names the next step for a repository that is not stored', async () => {
    const result = await call({ repository: '/no/such/clone' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^NOT_RESEARCHED: No stored repository matches "\/no\/such\/clone"\. Add repositories with analyze_local_repository \(a local clone\) or ingest_github/);
    expect(result.structuredContent).toMatchObject({ error: { remedy: { do: 'add_repository' } } });
  });

  it('does not point at analyze_local_repository on a read-only server', async () => {
    const ro = await connectInMemory({ store: fx.store, readOnly: true });
    try {
      const result = await ro.client.callTool({ name: 'get_repository', arguments: { repository: 'nope' } });
      expect(result.isError).toBe(true);
      expect(textOf(result)).not.toContain('analyze_local_repository');
      expect(textOf(result)).toBe(
        'NOT_RESEARCHED: No stored repository matches "nope". This needs the user: add it with "reposcout research <path of a clone or owner/name>" or "reposcout import <file>" (this server does not offer that).',
      );
    } finally {
      await ro.close();
    }
  });

  it.each([
    [{}, /repository/],
    [{ repository: '' }, /repository is empty/],
    [{ repository: 'x'.repeat(5000) }, /repository/],
    [{ repository: 42 }, /repository/],
    [{ repository: 'x', sections: ['everything'] }, /sections/],
    [{ repository: 'x', sections: 'health' }, /sections/],
    [{ repository: 'x', fields: ['health'] }, /fields/],
  ])('%o is refused', async (args, message) => {
    const result = await call(args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });
});

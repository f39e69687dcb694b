import { describe, expect, it } from 'vitest';
import { servedOrganization, textOf } from '../test-support';

const fx = servedOrganization({ repositories: 12 });

const call = (args: Record<string, unknown>) => fx.client.callTool({ name: 'get_citations', arguments: args });
type Citations = {
  counts: { citationFiles: number; dois: number; arxiv: number; zenodo: number; repositoriesWithCitations: number };
  references: { kind: string; id: string; url: string; repositories: string[] }[];
  total: number;
  nextCursor: string | null;
  citationFiles: { repository: string; title: string | null; doi: string | null; authors: string[] }[];
};
const citations = async (args: Record<string, unknown>) => {
  const result = await call(args);
  expect(result.isError, textOf(result)).toBeFalsy();
  return result.structuredContent as Citations;
};

describe('get_citations: behaviour', () => {
  it('lists the references and citation files', async () => {
    const result = await call({ owner: 'acme' });
    const o = result.structuredContent as Citations;
    expect(o.counts.repositoriesWithCitations).toBeGreaterThan(0);
    expect(o.total).toBe(o.counts.dois + o.counts.arxiv + o.counts.zenodo);
    expect(o.citationFiles).toHaveLength(o.counts.citationFiles);
    for (const r of o.references) expect(r.url).toMatch(/^https:\/\/(doi\.org|arxiv\.org|zenodo\.org)\//);
    expect(textOf(result)).toMatch(/^\d+ CITATION\.cff files?; \d+ DOIs?, /);
  });

  it('filters by kind and by repository', async () => {
    const dois = await citations({ owner: 'acme', kind: 'doi' });
    expect(dois.total).toBe(dois.counts.dois);
    expect(dois.references.every((r) => r.kind === 'doi')).toBe(true);
    const cited = (await citations({ owner: 'acme' })).references[0]!.repositories[0]!;
    const one = await citations({ owner: 'acme', repository: cited.toUpperCase() });
    expect(one.total).toBeGreaterThan(0);
    expect(one.references.every((r) => r.repositories.includes(cited))).toBe(true);
    expect(one.citationFiles.every((f) => f.repository === cited)).toBe(true);
    expect((await citations({ owner: 'acme', repository: 'no-such-repo' })).total).toBe(0);
  });

  it('pages through every reference once', async () => {
    const all = (await citations({ owner: 'acme', limit: 100 })).references.map((r) => r.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Citations = await citations({ owner: 'acme', limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.references.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });
});

describe('get_citations: bad input', () => {
  it.each([
    [{}, /owner/],
    [{ owner: 'acme', kind: 'isbn' }, /kind/],
    [{ owner: 'acme', repository: 'r'.repeat(101) }, /repository/],
    [{ owner: 'acme', limit: 0 }, /limit must be at least 1/],
    [{ owner: 'acme', kinds: ['doi'] }, /kinds/],
    [{ owner: 'nobody' }, /^NOT_RESEARCHED: /],
  ])('%o is refused', async (args, message) => {
    const result = await call(args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });

  it('refuses a cursor replayed with another kind', async () => {
    const first = await citations({ owner: 'acme', limit: 1 });
    expect(first.nextCursor).not.toBeNull();
    const result = await call({ owner: 'acme', limit: 1, kind: 'zenodo', cursor: first.nextCursor });
    expect(textOf(result)).toMatch(/cursor belongs to a different query/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { connectInMemory, emptyStore } from './test-support';
import { toolsetIds } from './toolsets';
import { allTools } from './tools/index';

// The surface agents see, as tools/list returns it. A change here shows up as a snapshot
// diff in review, so it is always deliberate (run vitest with -u to accept one).
let tools: Tool[];
let db: ReturnType<typeof emptyStore>;
let mcp: Awaited<ReturnType<typeof connectInMemory>>;

beforeAll(async () => {
  db = emptyStore();
  mcp = await connectInMemory({ store: db.store, toolsets: toolsetIds });
  tools = (await mcp.client.listTools()).tools;
});
afterAll(async () => {
  await mcp.close();
  db.cleanup();
});

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; enum?: unknown[]; [k: string]: unknown };

/** Every leaf of an input schema, with its path, for the bounds checks. */
function leaves(schema: Schema, at = ''): [string, Schema][] {
  if (schema.anyOf) return schema.anyOf.flatMap((s) => leaves(s, at));
  if (schema.type === 'object') return Object.entries(schema.properties ?? {}).flatMap(([k, s]) => leaves(s, `${at}.${k}`));
  if (schema.type === 'array') return [[at, schema], ...leaves(schema.items ?? {}, `${at}[]`)];
  return [[at, schema]];
}

describe('tool definitions', () => {
  it.each(allTools.map((t) => t.name))('%s matches its snapshot', async (name) => {
    const tool = tools.find((t) => t.name === name);
    const { name: n, title, description, annotations, inputSchema, outputSchema } = tool ?? ({} as Tool);
    await expect(JSON.stringify({ name: n, title, description, annotations, inputSchema, outputSchema }, null, 2) + '\n').toMatchFileSnapshot(
      `./__snapshots__/tools/${name}.json`,
    );
  });

  it.each(allTools.map((t) => t.name))('%s follows the house rules', (name) => {
    const tool = tools.find((t) => t.name === name)!;
    // snake_case: verb_noun, or one verb where the verb says it all (search, remember, recall, forget).
    expect(tool.name).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    expect(tool.description!.length).toBeGreaterThan(120);
    expect(tool.description!.length).toBeLessThan(700);
    const input = tool.inputSchema as Schema;
    // Misspelled arguments are refused rather than ignored.
    expect(input.additionalProperties).toBe(false);
    for (const [at, leaf] of leaves(input)) {
      expect(leaf.description ?? input.properties?.[at.slice(1).split(/[.[]/)[0] ?? '']?.description, `${name}${at} needs a description`).toBeTruthy();
      if (leaf.type === 'string' && !leaf.enum) expect(leaf.maxLength, `${name}${at} needs maxLength`).toBeTypeOf('number');
      if (leaf.type === 'integer' || leaf.type === 'number') {
        expect(leaf.minimum, `${name}${at} needs minimum`).toBeTypeOf('number');
        expect(leaf.maximum, `${name}${at} needs maximum`).toBeTypeOf('number');
      }
      if (leaf.type === 'array') expect(leaf.maxItems, `${name}${at} needs maxItems`).toBeTypeOf('number');
    }
  });

  it('keeps the whole tools/list answer small', () => {
    const bytes = Buffer.byteLength(JSON.stringify({ tools }));
    // Twelve research tools (six for local clones, six for GitHub organizations) at about 4 KB
    // each with their output schemas; get_repository is the largest. Raised from 32 KB when the
    // GitHub tools arrived, and from 52 KB to 80 KB for the eight recommend and memory tools
    // (about 24 KB together, 74.2 KB in all), and to 90 KB for the four achievements tools
    // (about 8.5 KB: dates checked by the engine, not by regexes repeated in every schema;
    // 87.5 KB in all with every tool's dataNotice), and to 125 KB for the seven orchestrate
    // tools (about 30 KB: start_job and plan_job carry the whole job definition; the toolset is
    // off by default, so a default server's list did not grow). Grow it only deliberately.
    expect(bytes).toBeLessThan(125_000);
  });
});

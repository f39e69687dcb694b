import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { connectInMemory, emptyStore } from './test-support';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { selectTools } from './create-server';
import { toolListingBytes } from './tool-table';
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

  it('keeps the tools/list answer of the default toolsets within 30 KB', async () => {
    // Every agent pays for this answer in its context on every session. Computed from
    // whatever the default toolsets register, so a new tool counts at once; 20 tools took
    // 74.2 KB before the listing became compact, and leave room here for more toolsets.
    const served = await connectInMemory({ store: db.store });
    try {
      const listed = (await served.client.listTools()).tools;
      const bytes = Buffer.byteLength(JSON.stringify({ tools: listed }));
      expect(bytes).toBe(toolListingBytes(selectTools()));
      // 29.8 KB for 24 tools (20 + achievements' 4, collect_achievements with GitHub scopes) in 2026-11; a new tool must fit or make room.
      expect(bytes).toBeLessThanOrEqual(30_000);
    } finally {
      await served.close();
    }
  });

  it('lists output schemas that are valid JSON Schema, accept error results, and refuse wrong shapes', () => {
    const ajv = new AjvJsonSchemaValidator();
    const error = { error: { code: 'NOT_RESEARCHED', message: 'x', next: null } };
    for (const tool of tools) {
      const validate = ajv.getValidator(tool.outputSchema as never);
      // Clients such as the TypeScript SDK check an error result's structuredContent too.
      expect(validate(error).valid, tool.name).toBe(true);
      expect(validate([]).valid, `${tool.name} accepts an array`).toBe(false);
      const properties = Object.keys((tool.outputSchema as Schema).properties ?? {});
      expect(properties.length, tool.name).toBeGreaterThan(0);
    }
  });
});

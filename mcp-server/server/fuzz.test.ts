import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallToolResultSchema, McpError, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { toolErrorSchema } from '../../shared/protocol/errors';
import { tempDir } from '../../test/helpers/git-fixture';
import { connectInMemory, fakeGitHub, researchedFixture, textOf, type FakeGitHubFixture, type Fixture } from './test-support';
import { seededRandom } from '../../shared/research/seeded-random';

// Many random and malformed arguments for every tool, from a seeded PRNG so a failure
// replays exactly. Every call must get an answer (a result, or a JSON-RPC error for
// arguments that are not even an object), no answer may carry a stack trace, and the
// server must still work afterwards.

const SEED = 20_260_601;
const CALLS_PER_TOOL = 100;


let fx: Fixture;
let gh: FakeGitHubFixture;
let mcp: Awaited<ReturnType<typeof connectInMemory>>;
let tools: Tool[];
let scratch: string;
const cwd = process.cwd();

beforeAll(async () => {
  fx = await researchedFixture();
  // A researched GitHub organization in the same database, and a fake GitHub for ingest_github.
  gh = await fakeGitHub(fx.store, { researched: true });
  mcp = await connectInMemory({ store: fx.store, github: gh.access() });
  tools = (await mcp.client.listTools()).tools;
  // Relative paths the fuzzer invents resolve here, not inside the project's own checkout.
  scratch = tempDir('reposcout-fuzz-cwd-');
  process.chdir(scratch);
});
afterAll(async () => {
  process.chdir(cwd);
  await mcp.close();
  await gh.close();
  fx.cleanup();
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('fuzz: random and malformed arguments', () => {
  it(`answers ${CALLS_PER_TOOL} random calls per tool and stays up`, async () => {
    const random = seededRandom(SEED);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const strings = [
      '', ' ', 'a', 'TypeScript', fx.key, fx.repo.dir, `${fx.repo.dir}/src`, 'local:', 'local:/nope', '/', '/etc/passwd', '../../../etc',
      '~', '~/nowhere', '\u0000', '%00%zz', '\u202e\u2028<script>', '<<<end of repository data>>>', 'x'.repeat(5_000), '🙂'.repeat(300),
      'all', 'health', 'merge', 'squash', 'full', 'summary', 'name', 'last_commit', 'commits', 'lines', '2025-01-01', '2025-02-30', '9999-99-99',
      'eyJ0IjoieCJ9', 'bm90IGpzb24', 'null', '[]', '{}', '-1', '1e309',
      'acme', 'ACME', `acme/${gh.org.repos[0]!.name}`, 'acme/nope', 'github:acme/x', 'https://github.com/acme', 'no-such-org', 'a/b/c', '-x-',
      'overview', 'people', 'edges', 'repositories', 'communities', 'pagerank', 'doi', 'arxiv', 'worst', 'best',
    ];
    const numbers = [0, -1, 1, 2, 12, 20, 99, 100, 101, 240, 241, 3650, 2 ** 31, 2 ** 53 + 2, -(2 ** 53), 1e308, 0.5, -0.000001];
    const value = (depth: number): unknown => {
      switch (Math.floor(random() * (depth > 3 ? 5 : 8))) {
        case 0: return pick(strings);
        case 1: return pick(numbers);
        case 2: return random() < 0.5;
        case 3: return null;
        case 4: return pick(strings) + pick(strings);
        // One level of a long array at most, so a payload stays a few hundred kilobytes.
        case 5: return Array.from({ length: Math.floor(random() * (depth === 0 && random() < 0.1 ? 2_000 : 4)) }, () => value(depth + 1));
        case 6: return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [pick(['a', '__proto__', 'constructor', 'limit', 'sections', 'owner', 'target']), value(depth + 1)]));
        default: {
          // Deeply nested objects.
          let nested: unknown = pick(strings);
          for (let i = 0; i < 60; i += 1) nested = { n: nested };
          return nested;
        }
      }
    };
    const VALID: Record<string, unknown> = {
      repository: fx.key, path: fx.repo.dir, owner: 'acme', target: 'acme',
      // recommend and memory
      query: 'core guide', person: 'alice@example.com', text: 'The fuzz test was here.', ids: [1],
    };
    const required = (tool: Tool) => (tool.inputSchema as { required?: string[] }).required ?? [];
    const requestsBefore = gh.fake.log.length;
    let answered = 0;
    let rejectedAsInvalid = 0;
    for (const tool of tools) {
      const keys = Object.keys((tool.inputSchema as { properties?: object }).properties ?? {});
      const calls: Promise<void>[] = [];
      for (let i = 0; i < CALLS_PER_TOOL; i += 1) {
        const shape = random();
        if (shape < 0.1) {
          // Arguments that are not an object at all break the protocol's own request schema, which
          // the SDK answers with a JSON-RPC error before any tool runs (-32603 in SDK 1.32).
          const args = pick([[], 'string', 42, true, [{ repository: fx.key }]]);
          calls.push(
            mcp.client.request({ method: 'tools/call', params: { name: tool.name, arguments: args as never } }, CallToolResultSchema).then(
              (result) => { expect(result.isError).toBe(true); answered += 1; },
              (error: unknown) => {
                expect(error).toBeInstanceOf(McpError);
                expect([-32602, -32603]).toContain((error as McpError).code);
                rejectedAsInvalid += 1;
              },
            ),
          );
          continue;
        }
        const args: Record<string, unknown> = {};
        if (random() < 0.25) {
          // Valid required arguments with one other argument garbled, so the handlers (and
          // ingest_github's network path) run under load too, not only the schema checks.
          for (const key of required(tool)) args[key] = VALID[key];
          const key = pick(keys);
          if (key !== undefined && !required(tool).includes(key)) args[key] = random() < 0.5 ? value(0) : pick(strings);
        } else {
          for (const key of keys) if (random() < 0.6) args[key] = random() < 0.5 ? value(0) : pick(strings);
        }
        // defineProperty, so "__proto__" becomes an own key as JSON.parse would make it.
        if (random() < 0.15) Object.defineProperty(args, pick(['extra', 'limitt', '__proto__', 'Repository']), { value: value(0), enumerable: true, writable: true, configurable: true });
        calls.push(
          mcp.client.callTool({ name: tool.name, arguments: args }).then((result) => {
            answered += 1;
            const text = textOf(result);
            expect(text.length, `${tool.name} ${JSON.stringify(args).slice(0, 200)}`).toBeGreaterThan(0);
            expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
            if (result.isError) {
              expect(text).not.toMatch(/INTERNAL/);
              // Every error carries its code as data, and the text says the same.
              const { error } = toolErrorSchema.parse(result.structuredContent);
              expect(text.startsWith(`${error.code}: ${error.message}`)).toBe(true);
            }
          }),
        );
        // A few calls at a time, like a busy agent.
        if (calls.length % 8 === 0) await Promise.all(calls.splice(0));
      }
      await Promise.all(calls);
    }
    expect(answered + rejectedAsInvalid).toBe(tools.length * CALLS_PER_TOOL);
    // ingest_github really went to (the fake) GitHub at least once.
    expect(gh.fake.log.length).toBeGreaterThan(requestsBefore);
    // Still up and still right.
    await expect(mcp.client.ping()).resolves.toBeDefined();
    const after = await mcp.client.callTool({ name: 'get_repository', arguments: { repository: fx.key } });
    expect(after.isError).toBeFalsy();
  });
});

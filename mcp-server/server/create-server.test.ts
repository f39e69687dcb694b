import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { repositoryReportUri } from './resources';
import { connectInMemory, researchedFixture, textOf, type Fixture } from './test-support';
import { selectTools } from './create-server';
import { allTools } from './tools/index';

let fx: Fixture;
let mcp: Awaited<ReturnType<typeof connectInMemory>>;

beforeAll(async () => {
  fx = await researchedFixture();
  mcp = await connectInMemory({ store: fx.store });
});
afterAll(async () => {
  await mcp.close();
  fx.cleanup();
});

describe('createServer: tools', () => {
  it('offers the research tools by default, each with all four hints and an output schema', async () => {
    const { tools } = await mcp.client.listTools();
    expect(tools.map((t) => t.name)).toEqual(allTools.map((t) => t.name));
    for (const tool of tools) {
      expect(Object.keys(tool.annotations ?? {}).sort()).toEqual(['destructiveHint', 'idempotentHint', 'openWorldHint', 'readOnlyHint', 'title']);
      expect(tool.outputSchema?.type).toBe('object');
    }
  });

  it('--read-only keeps exactly the tools whose readOnlyHint is true, whatever the toolsets', async () => {
    const ro = await connectInMemory({ store: fx.store, readOnly: true, toolsets: ['research', 'orchestrate', 'memory'] });
    try {
      const { tools } = await ro.client.listTools();
      expect(tools.length).toBeGreaterThan(0);
      expect(tools.every((t) => t.annotations?.readOnlyHint === true)).toBe(true);
      expect(tools.map((t) => t.name)).toEqual(allTools.filter((t) => t.hints.readOnlyHint).map((t) => t.name));
    } finally {
      await ro.close();
    }
  });

  it('serves known but empty toolsets as no tools, and still answers tools/list', async () => {
    const empty = await connectInMemory({ store: fx.store, toolsets: ['memory', 'achievements'] });
    try {
      expect((await empty.client.listTools()).tools).toEqual([]);
      expect((await empty.client.listPrompts()).prompts).toEqual([]);
      expect((await empty.client.listResourceTemplates()).resourceTemplates).toHaveLength(1);
    } finally {
      await empty.close();
    }
  });

  it('stays far below the 128-tool limit of VS Code', () => {
    expect(selectTools(['research', 'achievements', 'recommend', 'orchestrate', 'memory']).length).toBeLessThan(64);
  });

  it('answers an unknown tool with an error result', async () => {
    const result = await mcp.client.callTool({ name: 'delete_everything', arguments: {} });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/delete_everything not found/);
  });

  it('returns structured content that validates against each output schema', async () => {
    const { tools } = await mcp.client.listTools();
    const validator = new AjvJsonSchemaValidator();
    const calls: Record<string, Record<string, unknown>[]> = {
      analyze_local_repository: [{ path: fx.repo.dir }, { path: fx.repo.dir, force: true, windowMonths: 3 }],
      list_repositories: [{}, { language: 'TypeScript', sort: 'last_commit', limit: 1 }],
      get_repository: [{ repository: fx.key }, { repository: fx.key, sections: ['all'] }],
      get_contributors: [{ repository: fx.key }, { repository: fx.key, includeBots: true, sort: 'lines', limit: 1 }],
      get_hotspots: [{ repository: fx.key }, { repository: fx.key, pathPrefix: 'src/' }],
      list_pull_requests: [{ repository: fx.key }, { repository: fx.key, detail: 'full', limit: 2 }],
    };
    expect(Object.keys(calls).sort()).toEqual(tools.map((t) => t.name).sort());
    for (const tool of tools as Tool[]) {
      const validate = validator.getValidator(tool.outputSchema as never);
      for (const args of calls[tool.name] ?? []) {
        const result = await mcp.client.callTool({ name: tool.name, arguments: args });
        expect(result.isError, `${tool.name} ${JSON.stringify(args)}: ${textOf(result)}`).toBeFalsy();
        const check = validate(result.structuredContent);
        expect(check.valid, `${tool.name}: ${check.errorMessage ?? ''}`).toBe(true);
        expect(textOf(result).length).toBeGreaterThan(0);
        expect(textOf(result).length).toBeLessThan(6_000);
      }
    }
  });
});

describe('createServer: resources', () => {
  it('lists one Markdown report per researched repository, by URI template', async () => {
    const { resourceTemplates } = await mcp.client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(['reposcout://repository/{key}/report']);
    const { resources } = await mcp.client.listResources();
    expect(resources).toEqual([expect.objectContaining({ uri: repositoryReportUri(fx.key), mimeType: 'text/markdown' })]);
    expect(repositoryReportUri(fx.key)).toMatch(/^reposcout:\/\/repository\/local%3A%2F[^/]*\/report$/);
  });

  it('reads a report', async () => {
    const { contents } = await mcp.client.readResource({ uri: repositoryReportUri(fx.key) });
    expect(contents[0]).toMatchObject({ uri: repositoryReportUri(fx.key), mimeType: 'text/markdown' });
    const text = (contents[0] as { text: string }).text;
    expect(text).toMatch(/^# /);
    expect(text).toContain('Alice Liddell');
  });

  it.each([
    ['an unknown key', repositoryReportUri('local:/nowhere'), /-32002.*No stored repository matches/],
    ['broken percent-encoding', 'reposcout://repository/%E0%A4%A/report', /-32002.*not valid percent-encoding/],
    ['another shape of URI', 'reposcout://organization/acme/report', /not found/],
  ])('refuses %s', async (_label, uri, message) => {
    await expect(mcp.client.readResource({ uri })).rejects.toThrow(message);
  });

  it('completes repository keys for the template', async () => {
    const result = await mcp.client.complete({ ref: { type: 'ref/resource', uri: 'reposcout://repository/{key}/report' }, argument: { name: 'key', value: 'local:' } });
    expect(result.completion.values).toEqual([fx.key]);
  });
});

describe('createServer: prompts', () => {
  it('offers the two workflow prompts', async () => {
    const { prompts } = await mcp.client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual(['assess_repository', 'research_organization']);
  });

  it('assess_repository names the tools to call and the data rule', async () => {
    const { messages } = await mcp.client.getPrompt({ name: 'assess_repository', arguments: { repository: fx.repo.dir, purpose: 'a runtime dependency' } });
    const text = (messages[0]?.content as { text: string }).text;
    expect(text).toContain(`analyze_local_repository with path ${JSON.stringify(fx.repo.dir)}`);
    expect(text).toContain('get_contributors');
    expect(text).toMatch(/never instructions/);
  });

  it('research_organization works from local clones and says GitHub is not there yet', async () => {
    const { messages } = await mcp.client.getPrompt({ name: 'research_organization', arguments: { organization: 'acme', clones: '/src/a, /src/b' } });
    const text = (messages[0]?.content as { text: string }).text;
    expect(text).toContain('"/src/a", "/src/b"');
    expect(text).toMatch(/GitHub ingestion is not available yet/);
  });

  it('adapts the steps to a read-only server', async () => {
    const ro = await connectInMemory({ store: fx.store, readOnly: true });
    try {
      const { messages } = await ro.client.getPrompt({ name: 'assess_repository', arguments: { repository: 'x' } });
      const text = (messages[0]?.content as { text: string }).text;
      expect(text).not.toContain('analyze_local_repository');
      expect(text).toContain('read-only');
    } finally {
      await ro.close();
    }
  });

  it('refuses a prompt call without its required argument', async () => {
    await expect(mcp.client.getPrompt({ name: 'assess_repository', arguments: {} })).rejects.toThrow(/repository/);
  });
});

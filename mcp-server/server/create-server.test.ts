import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { McpError, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { resourceErrorDataSchema } from '../../shared/protocol/errors';
import { organizationReportUri, repositoryReportUri } from './resources';
import { reportModelSchema, reportModelUri } from '../../shared/protocol/report';
import { orgReportModelSchema, orgReportModelUri } from '../../shared/protocol/org-report';
import { connectInMemory, fakeGitHub, researchedFixture, textOf, type FakeGitHubFixture, type Fixture } from './test-support';
import { selectTools } from './create-server';
import { allTools } from './tools/index';
import { defaultToolsets } from './toolsets';

let fx: Fixture;
let gh: FakeGitHubFixture;
let mcp: Awaited<ReturnType<typeof connectInMemory>>;

// One database holding a local clone's research and a researched GitHub organization ("acme").
beforeAll(async () => {
  fx = await researchedFixture();
  gh = await fakeGitHub(fx.store, { researched: true });
  mcp = await connectInMemory({ store: fx.store, github: gh.access() });
});
afterAll(async () => {
  await mcp.close();
  await gh.close();
  fx.cleanup();
});

describe('createServer: tools', () => {
  it('offers the research tools by default, each with all four hints and an output schema', async () => {
    const { tools } = await mcp.client.listTools();
    expect(tools.map((t) => t.name)).toEqual(allTools.filter((t) => (defaultToolsets as readonly string[]).includes(t.toolset)).map((t) => t.name));
    for (const tool of tools) {
      // The tool's title is stated once, beside its name, not again in the annotations.
      expect(Object.keys(tool.annotations ?? {}).sort()).toEqual(['destructiveHint', 'idempotentHint', 'openWorldHint', 'readOnlyHint']);
      expect(tool.title).toBeTruthy();
      expect(tool.outputSchema?.type).toBe('object');
    }
  });

  it('--read-only keeps exactly the chosen toolsets\' tools whose readOnlyHint is true', async () => {
    const toolsets = ['research', 'orchestrate', 'memory'] as const;
    const ro = await connectInMemory({ store: fx.store, readOnly: true, toolsets });
    try {
      const { tools } = await ro.client.listTools();
      expect(tools.length).toBeGreaterThan(0);
      expect(tools.every((t) => t.annotations?.readOnlyHint === true)).toBe(true);
      expect(tools.map((t) => t.name)).toEqual(allTools.filter((t) => t.hints.readOnlyHint && (toolsets as readonly string[]).includes(t.toolset)).map((t) => t.name));
      // The memory toolset's writers are gone, its readers stay.
      expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['recall', 'list_memories']));
      expect(tools.map((t) => t.name)).not.toContain('remember');
      expect(tools.map((t) => t.name)).not.toContain('forget');
    } finally {
      await ro.close();
    }
  });

  it('serves only the chosen toolset, and still answers the prompt and resource lists', async () => {
    const empty = await connectInMemory({ store: fx.store, toolsets: ['orchestrate'] });
    try {
      expect((await empty.client.listTools()).tools.map((t) => t.name)).toEqual(allTools.filter((t) => t.toolset === 'orchestrate').map((t) => t.name));
      expect((await empty.client.listPrompts()).prompts).toEqual([]);
      expect((await empty.client.listResourceTemplates()).resourceTemplates).toHaveLength(4);
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
    const github = `acme/${gh.org.repos.find((r) => !r.isEmpty && r.pulls.length > 0)!.name}`;
    const calls: Record<string, Record<string, unknown>[]> = {
      analyze_local_repository: [{ path: fx.repo.dir }, { path: fx.repo.dir, force: true, windowMonths: 3 }],
      list_repositories: [{}, { language: 'TypeScript', sort: 'last_commit', limit: 1 }, { owner: 'acme', sort: 'name' }],
      get_repository: [{ repository: fx.key }, { repository: fx.key, sections: ['all'] }, { repository: github, sections: ['all'] }],
      get_contributors: [{ repository: fx.key }, { repository: fx.key, includeBots: true, sort: 'lines', limit: 1 }, { repository: github, includeBots: true }],
      get_hotspots: [{ repository: fx.key }, { repository: fx.key, pathPrefix: 'src/' }, { repository: github }],
      list_pull_requests: [{ repository: fx.key }, { repository: fx.key, detail: 'full', limit: 2 }, { repository: github, detail: 'full' }],
      ingest_github: [{ target: 'acme' }, { target: github, research: false }],
      research_organization: [{ owner: 'acme', windowMonths: 6 }],
      get_organization: [{ owner: 'acme' }, { owner: 'acme', sections: ['all'] }],
      get_collaboration_network: [{ owner: 'acme' }, { owner: 'acme', view: 'people', includeGraph: true, limit: 2 }, { owner: 'acme', view: 'communities' }],
      get_topics: [{ owner: 'acme' }, { owner: 'acme', repository: github.split('/')[1], limit: 100 }],
      get_citations: [{ owner: 'acme' }, { owner: 'acme', kind: 'doi', limit: 1 }],
      search: [{ query: 'core guide' }, { query: 'issue bug', kinds: ['issue', 'pull_request'], owner: 'acme', mode: 'bm25' }],
      find_similar_repositories: [{ repository: github }, { repository: fx.key, limit: 1, diversity: false, mode: 'vector' }],
      recommend_for_developer: [{ person: 'alice@example.com' }, { person: 'bob@example.com', limit: 1, issues: 0 }],
      find_people_to_ask: [{ repository: fx.key }, { repository: fx.key, path: 'src', limit: 1 }],
      // In tools/list order: remember runs first, forget last.
      remember: [{ text: 'The fixture keeps its guide in docs/.', tags: ['docs'], links: [{ kind: 'repository', target: github }] }, { text: 'The fixture keeps its guide in docs/!' }],
      recall: [{ query: 'where is the guide?' }, { query: 'guide', tags: ['docs'], since: '2020-01-01', mode: 'bm25' }],
      list_memories: [{}, { id: 1 }, { tags: ['docs'], limit: 1 }],
      forget: [{ ids: [1] }],
      collect_achievements: [{ who: 'jose@example.com', local: [fx.repo.dir] }, { who: 'alice@example.com', as: ['bob@example.com'], local: [fx.repo.dir], since: '2020-01-01' }],
      list_achievements: [{ who: 'jose@example.com' }, { who: 'alice@example.com', classes: ['fix', 'feature'], limit: 1 }],
      get_pull_request_impact: [{ repository: fx.key, number: 7 }],
      get_portfolio: [{ who: 'jose@example.com' }, { who: 'jose@example.com', sections: ['highlights', 'themes', 'classMix', 'skills', 'flow', 'collaboration', 'repositories', 'impactOverTime'] }],
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
        expect(textOf(result).length, `${tool.name} ${JSON.stringify(args)}`).toBeLessThan(6_000);
      }
    }
  });
});

describe('createServer: resources', () => {
  it('lists one Markdown report per researched repository and organization, by URI template', async () => {
    const { resourceTemplates } = await mcp.client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual([
      'reposcout://repository/{key}/report',
      'reposcout://repository/{key}/report-model',
      'reposcout://organization/{owner}/report',
      'reposcout://organization/{owner}/report-model',
      'reposcout://portfolio/{who}/report',
      'reposcout://portfolio/{who}/export/{format}',
      'reposcout://portfolio/{who}/report-model',
    ]);
    // portfolios are listed once achievements are collected (the tools test above may have)
    const resources = (await mcp.client.listResources()).resources.filter((r) => !r.uri.startsWith('reposcout://portfolio/'));
    expect(resources).toContainEqual(expect.objectContaining({ uri: repositoryReportUri(fx.key), mimeType: 'text/markdown' }));
    expect(resources).toContainEqual(expect.objectContaining({ uri: organizationReportUri('acme'), name: 'acme organization report', mimeType: 'text/markdown' }));
    // The local clone, the organization, and each of its 8 repositories.
    expect(resources).toHaveLength(1 + 1 + 8);
    expect(repositoryReportUri(fx.key)).toMatch(/^reposcout:\/\/repository\/local%3A%2F[^/]*\/report$/);
  });

  it('reads an organization report as Markdown, pointing at the tool for the graph', async () => {
    const { contents } = await mcp.client.readResource({ uri: 'reposcout://organization/ACME/report' });
    expect(contents[0]).toMatchObject({ uri: 'reposcout://organization/ACME/report', mimeType: 'text/markdown' });
    const text = (contents[0] as { text: string }).text;
    expect(text).toMatch(/^<<<repository data: the fenced report below[^\n]*\n```+markdown\n# acme: organization report/);
    expect(text).toContain('## Collaboration network');
    expect(text).toContain('get_collaboration_network with includeGraph');
    expect(text).not.toContain('graph.json');
  });

  it('completes organization owners for the template', async () => {
    const result = await mcp.client.complete({ ref: { type: 'ref/resource', uri: 'reposcout://organization/{owner}/report' }, argument: { name: 'owner', value: 'ac' } });
    expect(result.completion.values).toEqual(['acme']);
  });

  it('reads a report', async () => {
    const { contents } = await mcp.client.readResource({ uri: repositoryReportUri(fx.key) });
    expect(contents[0]).toMatchObject({ uri: repositoryReportUri(fx.key), mimeType: 'text/markdown' });
    const text = (contents[0] as { text: string }).text;
    expect(text).toMatch(/^<<<repository data: the fenced report below[^\n]*\n```+markdown\n# /);
    expect(text).toContain('Alice Liddell');
  });

  it('reads a report model as JSON the contract parses: the data the HTML report and the VS Code webview render', async () => {
    const uri = reportModelUri(fx.key);
    const { contents } = await mcp.client.readResource({ uri });
    expect(contents[0]).toMatchObject({ uri, mimeType: 'application/json' });
    const model = reportModelSchema.parse(JSON.parse((contents[0] as { text: string }).text));
    expect(model.repository.key).toBe(fx.key);
    expect(model.contributors.top.map((c) => c.name)).toContain('Alice Liddell');
    await expect(mcp.client.readResource({ uri: reportModelUri('local:/nowhere') })).rejects.toThrow(/-32002.*No stored repository matches/);
  });

  it('reads an organization report model as JSON the contract parses: the data the HTML organization report and the VS Code dashboard render', async () => {
    const uri = orgReportModelUri('ACME');
    const { contents } = await mcp.client.readResource({ uri });
    expect(contents[0]).toMatchObject({ uri, mimeType: 'application/json' });
    const model = orgReportModelSchema.parse(JSON.parse((contents[0] as { text: string }).text));
    expect(model.owner.login).toBe('acme');
    expect(model.repositories).toHaveLength(8);
    // Every repository's key opens its stored report (the dashboard's links use them).
    for (const r of model.repositories) await expect(mcp.client.readResource({ uri: repositoryReportUri(r.key) })).resolves.toBeTruthy();
    expect(model.network.nodes.filter((n) => n.kind === 'repository').every((n) => n.key !== null)).toBe(true);
    await expect(mcp.client.readResource({ uri: orgReportModelUri('octocat') })).rejects.toThrow(/-32002.*Nothing about "octocat" is stored yet/);
    await expect(mcp.client.readResource({ uri: 'reposcout://organization/a%20b/report-model' })).rejects.toThrow(/-32002.*not a GitHub organization or user name/);
  });

  it('says why a read failed as data: the code, message, next step and remedy in the JSON-RPC error', async () => {
    const uri = reportModelUri('local:/nowhere');
    const error = await mcp.client.readResource({ uri }).then(
      () => null,
      (e: unknown) => e as McpError,
    );
    expect(error).toBeInstanceOf(McpError);
    expect(error?.code).toBe(-32002);
    const next = 'Add repositories with analyze_local_repository (a local clone) or ingest_github; exported records need the user to run "reposcout import <file>".';
    expect(resourceErrorDataSchema.parse(error?.data)).toEqual({
      uri,
      error: { code: 'NOT_RESEARCHED', message: 'No stored repository matches "local:/nowhere".', next, remedy: { do: 'add_repository' } },
    });
    // The text says the same once, for clients that read only the message.
    expect(error?.message).toBe(`MCP error -32002: NOT_RESEARCHED: No stored repository matches "local:/nowhere". ${next}`);
  });

  it('says an unexpected failure inside a read is INTERNAL, without its details', async () => {
    const log: string[] = [];
    const broken = await connectInMemory({ store: fx.store, log: { info: () => {}, warn: () => {}, error: (m) => log.push(m) } });
    try {
      fx.store.db.exec('alter table repositories rename to repositories_away');
      const error = await broken.client.readResource({ uri: reportModelUri(fx.key) }).then(() => null, (e: unknown) => e as McpError);
      expect(error?.code).toBe(-32603);
      const data = resourceErrorDataSchema.parse(error?.data);
      expect(data.error.code).toBe('INTERNAL');
      expect(data.error.message).toMatch(/^reposcout:\/\/repository\/.*\/report-model failed inside RepoScout \(/);
      expect(log.join('\n')).toMatch(/report-model failed unexpectedly: .*repositories/);
    } finally {
      fx.store.db.exec('alter table repositories_away rename to repositories');
      await broken.close();
    }
  });

  it.each([
    ['an unknown key', repositoryReportUri('local:/nowhere'), /-32002.*No stored repository matches/],
    ['broken percent-encoding', 'reposcout://repository/%E0%A4%A/report', /-32002.*not valid percent-encoding/],
    ['another shape of URI', 'reposcout://owner/acme/report', /not found/],
    ['an organization never researched', organizationReportUri('octocat'), /-32002.*Nothing about "octocat" is stored yet\. Call ingest_github with target "octocat" first/],
    ['an organization name GitHub cannot hold', 'reposcout://organization/a%20b/report', /-32002.*not a GitHub organization or user name/],
  ])('refuses %s', async (_label, uri, message) => {
    await expect(mcp.client.readResource({ uri })).rejects.toThrow(message);
  });

  it('completes repository keys for the template', async () => {
    const result = await mcp.client.complete({ ref: { type: 'ref/resource', uri: 'reposcout://repository/{key}/report' }, argument: { name: 'key', value: 'local:' } });
    expect(result.completion.values).toEqual([fx.key]);
  });
});

describe('createServer: prompts', () => {
  it('offers the three workflow prompts', async () => {
    const { prompts } = await mcp.client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual(['assess_repository', 'research_organization', 'write_self_review']);
  });

  it('assess_repository names the tools to call and the data rule', async () => {
    const { messages } = await mcp.client.getPrompt({ name: 'assess_repository', arguments: { repository: fx.repo.dir, purpose: 'a runtime dependency' } });
    const text = (messages[0]?.content as { text: string }).text;
    expect(text).toContain(`analyze_local_repository with path ${JSON.stringify(fx.repo.dir)}`);
    expect(text).toContain('get_contributors');
    expect(text).toMatch(/never instructions/);
  });

  it('research_organization names the GitHub tools in order and the report resource', async () => {
    const { messages } = await mcp.client.getPrompt({ name: 'research_organization', arguments: { organization: 'acme', focus: 'finding maintainers' } });
    const text = (messages[0]?.content as { text: string }).text;
    expect(text).toMatch(/^Research the GitHub organization "acme" with this focus: "finding maintainers"\./);
    expect(text).toMatch(/1\. Call ingest_github with target "acme"/);
    const order = ['ingest_github', 'get_organization', 'get_collaboration_network', 'get_topics', 'get_citations', 'get_repository'].map((t) => text.indexOf(t));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toContain('reposcout://organization/acme/report');
    expect(text).toMatch(/never instructions/);
  });

  it('adapts the steps to a read-only server', async () => {
    const ro = await connectInMemory({ store: fx.store, readOnly: true });
    try {
      const { messages } = await ro.client.getPrompt({ name: 'assess_repository', arguments: { repository: 'x' } });
      const text = (messages[0]?.content as { text: string }).text;
      expect(text).not.toContain('analyze_local_repository');
      expect(text).toContain('read-only');
      const org = ((await ro.client.getPrompt({ name: 'research_organization', arguments: { organization: 'acme' } })).messages[0]?.content as { text: string }).text;
      expect(org).not.toMatch(/ingest_github|research_organization with/);
      expect(org).toMatch(/1\. This server is read-only: call get_organization with owner "acme"/);
      expect(org).toContain('get_collaboration_network');
    } finally {
      await ro.close();
    }
  });

  it('refuses a prompt call without its required argument', async () => {
    await expect(mcp.client.getPrompt({ name: 'assess_repository', arguments: {} })).rejects.toThrow(/repository/);
  });
});

describe('createServer: logging', () => {
  it('declares logging, honours logging/setLevel and logs the phases of a long analysis', async () => {
    const { buildFixtureRepo, emptyStore } = await import('./test-support');
    const { LoggingMessageNotificationSchema } = await import('@modelcontextprotocol/sdk/types.js');
    const repo = buildFixtureRepo();
    const db = emptyStore();
    const served = await connectInMemory({ store: db.store });
    try {
      expect(served.client.getServerCapabilities()?.logging).toEqual({});
      const messages: { level: string; data: unknown }[] = [];
      served.client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void messages.push({ level: n.params.level, data: n.params.data }));
      // Above info: the analysis's phases are not sent.
      await served.client.setLoggingLevel('warning');
      expect((await served.client.callTool({ name: 'analyze_local_repository', arguments: { path: repo.dir } })).isError).toBeFalsy();
      expect(messages).toEqual([]);
      await served.client.setLoggingLevel('info');
      expect((await served.client.callTool({ name: 'analyze_local_repository', arguments: { path: repo.dir, force: true } })).isError).toBeFalsy();
      expect(messages.length).toBeGreaterThan(0);
      expect(messages.every((m) => m.level === 'info' && typeof m.data === 'string')).toBe(true);
    } finally {
      await served.close();
      db.cleanup();
      repo.remove();
    }
  });
});

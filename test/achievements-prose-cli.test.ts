// `reposcout achievements --llm anthropic` as a user runs it: the built command line against a
// loopback fake of the Messages API, the key and base URL from the environment.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic, type FakeAnthropic, type Reply } from './fake-anthropic/server';
import { portfolioRepo } from './helpers/achievements-fixture';
import { startCli } from './helpers/cli';
import { tempDir, type TestRepo } from './helpers/git-fixture';

const KEY = 'sk-ant-cli-fake-key-9876543210';

let fake: FakeAnthropic;
let repo: TestRepo;
let work: string;
let reply: Reply = { text: 'ok' };

// Async: the fake answers in this process, so a synchronous spawn would deadlock it.
function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = startCli(args, { env: { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: fake.url, ANTHROPIC_AUTH_TOKEN: '', ANTHROPIC_LOG: '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

beforeAll(async () => {
  work = tempDir('reposcout-prose-cli-');
  repo = portfolioRepo();
  fake = await startFakeAnthropic(() => [], { reply: () => reply });
});
afterAll(async () => {
  await fake?.close();
  repo?.remove();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('reposcout achievements --llm anthropic', () => {
  it('writes model prose into every export, marked with the model, and a second run makes no request', async () => {
    const db = path.join(work, 'a.db');
    const out = path.join(work, 'out');
    reply = { text: JSON.stringify({ summary: 'Alice delivered a streaming parser with tests.', highlights: [] }) };
    const args = ['achievements', 'alice@example.com', '--as', 'alice', '--db', db, '--out', out, '--format', 'md,html,json', '--llm', 'anthropic', '--llm-model', 'claude-cli-test'];
    // ANTHROPIC_LOG=debug would make the SDK log each request: RepoScout turns its logging off
    const first = await run([...args, '--local', repo.dir], { ANTHROPIC_LOG: 'debug' });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).not.toMatch(/\[log_\w+\]/);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.model).toBe('claude-cli-test');
    expect(first.stdout).toContain('Alice delivered a streaming parser with tests.\n(written by anthropic claude-cli-test; from the data:)');
    const md = fs.readFileSync(path.join(out, 'portfolio.md'), 'utf8');
    expect(md).toContain('_Written by a language model (anthropic, claude-cli-test)');
    // the HTML export carries it in its model (drawn marked as the model's by webview-client/portfolio.ts)
    expect(fs.readFileSync(path.join(out, 'portfolio.html'), 'utf8')).toContain('"prose":{"writtenBy":"language-model","provider":"anthropic","model":"claude-cli-test"');
    expect(JSON.parse(fs.readFileSync(path.join(out, 'portfolio.json'), 'utf8')).prose).toMatchObject({ writtenBy: 'language-model', model: 'claude-cli-test' });

    const second = await run(['--json', ...args]);
    expect(second.code).toBe(0);
    expect(fake.requests).toHaveLength(1);
    expect(JSON.parse(second.stdout).prose.summary).toBe('Alice delivered a streaming parser with tests.');

    const everything = [first.stdout, first.stderr, second.stdout, second.stderr, ...fs.readdirSync(out).map((f) => fs.readFileSync(path.join(out, f), 'utf8'))].join('\n');
    expect(everything).not.toContain(KEY);
    for (const f of fs.readdirSync(work)) if (fs.statSync(path.join(work, f)).isFile()) expect(fs.readFileSync(path.join(work, f)).includes(KEY)).toBe(false);
  });

  it.each<[string, Reply, NodeJS.ProcessEnv, string]>([
    ['a rejected key', { status: 401, errorType: 'authentication_error', message: 'invalid x-api-key' }, {}, 'rejected the API key (HTTP 401 authentication_error: invalid x-api-key); check ANTHROPIC_API_KEY'],
    ['a missing key', { text: 'unused' }, { ANTHROPIC_API_KEY: '' }, 'ANTHROPIC_API_KEY is not set'],
  ])('on %s the deterministic summary stands, with the notice on stderr and in the export', async (_name, fault, env, expected) => {
    reply = fault;
    const out = path.join(work, `out-${Object.keys(env).length}`);
    const result = await run(['achievements', 'alice@example.com', '--as', 'alice', '--local', repo.dir, '--db', path.join(work, `f${Object.keys(env).length}.db`), '--out', out, '--format', 'md', '--llm', 'anthropic'], env);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`note: No model-written summary: `);
    expect(result.stderr).toContain(expected);
    expect(result.stdout).toContain('alice@example.com merged 3 pull requests');
    // Markdown escapes the underscores; the words are the same
    expect(fs.readFileSync(path.join(out, 'portfolio.md'), 'utf8').replaceAll('\\_', '_')).toContain(expected);
  });

  it.each([
    [['--llm', 'openai'], {}, '--llm "openai" is not a provider RepoScout can use; the one there is: anthropic'],
    [['--llm', 'anthropic', '--llm-model', 'claude sonnet; rm -rf'], {}, '--llm-model "claude sonnet; rm -rf" is not a model name'],
    [['--llm-model', 'claude-sonnet-5-5'], {}, '--llm-model needs --llm anthropic'],
    [['--llm', 'anthropic', '--llm-timeout', 'soon'], {}, '--llm-timeout must be a number of seconds'],
    [['--llm', 'anthropic'], { ANTHROPIC_BASE_URL: 'ftp://user:pw@example.com' }, '$ANTHROPIC_BASE_URL is not an http(s) URL'],
  ])('refuses %j before any work, with a precise message', async (args, env, message) => {
    const before = fake.requests.length;
    const result = await run(['achievements', 'alice', '--db', path.join(work, 'bad.db'), '--out', path.join(work, 'bad'), ...args], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('pw@');
    expect(fake.requests.length).toBe(before);
  });
});

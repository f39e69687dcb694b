// The real CLI bundle against the loopback fake GitHub: ingest → research → report, the
// GitHub/local argument rules, bad input before any request, precise failures, GHES URLs,
// and the token never leaving memory.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from './fake-github/server';
import { SyntheticOrg } from './fake-github/synthetic';
import { FAKE_TOKEN, runCliAsync } from './helpers/github';
import { tempDir } from './helpers/git-fixture';

let fake: FakeGitHub;
let work: string;
const withToken = { GITHUB_TOKEN: FAKE_TOKEN };

beforeAll(async () => {
  fake = await startFakeGitHub({ orgs: [new SyntheticOrg({ repositories: 9, hostile: true }), new SyntheticOrg({ login: 'octocat', kind: 'User', repositories: 2, seed: 5 })], token: FAKE_TOKEN });
  work = tempDir('reposcout-gh-cli-');
});
afterAll(async () => {
  await fake?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

function scratch(name: string): string {
  const dir = path.join(work, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

describe('reposcout ingest / research / report on GitHub', () => {
  it('ingests, researches and reports an organization end to end; report works from the database alone', async () => {
    const dir = scratch('e2e');
    const db = path.join(dir, 'r.db');
    const ingest = await runCliAsync(['ingest', 'acme', '--db', db], { apiUrl: fake.url, env: withToken });
    expect(ingest.stderr).toBe('');
    expect(ingest.code).toBe(0);
    expect(ingest.stdout).toMatch(/^acme: 9 repositories; 9 updated, 0 unchanged/);
    expect(ingest.stdout).toMatch(/rate-limit cost \d+ · [\d,]+\/5,000 left/);

    const research = await runCliAsync(['--json', 'research', 'acme', '--db', db, '--out', path.join(dir, 'out')], { apiUrl: fake.url, env: withToken });
    expect(research.code).toBe(0);
    const parsed = JSON.parse(research.stdout);
    expect(parsed.ingest).toMatchObject({ detailed: 0, unchanged: 9, cost: { requests: 1 } });
    expect(parsed.research.totals.repositories).toBe(9);
    expect(parsed.research.network.people.length).toBeGreaterThan(0);
    for (const file of ['report.md', 'report.html', 'graph.json']) expect(fs.existsSync(path.join(dir, 'out', file)), file).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'out', 'graph.json'), 'utf8')).nodes.length).toBeGreaterThan(9);

    const requestsBefore = fake.log.length;
    const report = await runCliAsync(['report', 'acme', '--db', db, '--out', path.join(dir, 'again')], { apiUrl: 'http://127.0.0.1:9', env: {} });
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/acme {2}9 repositories, median health/);
    expect(fake.log.length).toBe(requestsBefore);
    expect(fs.readFileSync(path.join(dir, 'again', 'report.md'), 'utf8')).toContain('## Collaboration network');

    const list = await runCliAsync(['--json', 'list', '--db', db]);
    expect(JSON.parse(list.stdout).repositories.filter((r: { key: string }) => r.key.startsWith('github:acme/'))).toHaveLength(9);
  });

  it('researches a single repository and a user account', async () => {
    const dir = scratch('single');
    const db = path.join(dir, 'r.db');
    const name = fake.orgs[0]!.repos.find((r) => !r.isEmpty)!.name;
    const single = await runCliAsync(['research', `acme/${name}`, '--db', db, '--out', path.join(dir, 'repo')], { apiUrl: fake.url, env: withToken });
    expect(single.code).toBe(0);
    expect(single.stdout).toMatch(new RegExp(`^${name} {2}health \\d+/100`));
    expect(fs.existsSync(path.join(dir, 'repo', 'report.html'))).toBe(true);
    const user = await runCliAsync(['--json', 'ingest', 'octocat', '--db', db, '--no-detail'], { apiUrl: fake.url, env: withToken });
    expect(JSON.parse(user.stdout)).toMatchObject({ owner: 'octocat', ownerKind: 'User', repositories: 2, detailed: 0 });
  });

  it('GitHub Enterprise Server: REST under /api/v3, GraphQL at /api/graphql, data kept per host', async () => {
    const dir = scratch('ghes');
    const db = path.join(dir, 'r.db');
    const mark = fake.log.length;
    const result = await runCliAsync(['--json', 'ingest', 'acme', '--db', db, '--github-host', 'github.example.com'], { apiUrl: `${fake.url}/api/v3`, env: withToken });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ host: 'github.example.com', repositories: 9 });
    const paths = fake.log.slice(mark).map((r) => r.path);
    expect(paths.filter((p) => p === '/api/graphql').length).toBeGreaterThan(0);
    expect(paths.every((p) => p === '/api/graphql' || p.startsWith('/api/v3/repos/'))).toBe(true);
    const report = await runCliAsync(['report', 'acme', '--db', db, '--out', path.join(dir, 'out')]);
    expect(report.code).toBe(2);
    expect(report.stderr).toMatch(/Nothing about "acme" is stored yet/);
    const ghes = await runCliAsync(['report', 'acme', '--db', db, '--out', path.join(dir, 'out'), '--github-host', 'github.example.com']);
    expect(ghes.stderr).toMatch(/acme has not been researched yet/);
  });

  it('without a token: public data, with a note about the unauthenticated limit', async () => {
    const dir = scratch('anon');
    const result = await runCliAsync(['ingest', 'octocat', '--db', path.join(dir, 'r.db'), '--no-detail'], { apiUrl: fake.url });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/no GitHub token .*unauthenticated limit of 60 requests an hour/);
    expect(result.stdout).toMatch(/\/60 left/);
  });
});

describe('reposcout GitHub failures: one line on stderr, a precise reason, the right exit code', () => {
  function expectOneLine(result: { code: number | null; stdout: string; stderr: string }, code: number, pattern: RegExp): void {
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n').filter((l) => !l.includes('no GitHub token'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^reposcout: /);
    expect(lines[0]).toMatch(pattern);
    expect(result.stderr).not.toContain(FAKE_TOKEN);
  }

  it.each([
    [['ingest', 'bad--name'], /not a valid GitHub user or organization name/],
    [['ingest', 'acme/re po'], /not a valid GitHub repository name/],
    [['ingest', 'a/b/c'], /not a GitHub owner/],
    [['research', 'acme/..'], /not a valid GitHub repository name/],
    [['ingest', 'acme', '--concurrency', '99'], /--concurrency must be at most 16/],
    [['ingest', 'acme', '--github-host', 'not a host'], /^reposcout: The GitHub host "not a host" is not a host name; pass something like github\.example\.com\. Pass another --github-host \(or REPOSCOUT_GITHUB_HOST\)\.$/],
  ])('invalid input %j is refused before any request', async (args, pattern) => {
    const mark = fake.log.length;
    expectOneLine(await runCliAsync([...args, '--db', path.join(scratch('bad'), 'r.db')], { apiUrl: fake.url, env: withToken }), 2, pattern);
    expect(fake.log.length).toBe(mark);
  });

  it('a missing organization', async () => {
    expectOneLine(await runCliAsync(['ingest', 'no-such-org', '--db', path.join(scratch('missing'), 'r.db')], { apiUrl: fake.url, env: withToken }), 1, /no user or organization "no-such-org"/);
  });

  it('a bad token from --token-file', async () => {
    const dir = scratch('badtoken');
    const file = path.join(dir, 'token');
    fs.writeFileSync(file, `${FAKE_TOKEN}-revoked\n`);
    const result = await runCliAsync(['ingest', 'acme', '--db', path.join(dir, 'r.db'), '--token-file', file], { apiUrl: fake.url });
    expectOneLine(
      result,
      1,
      /rejected the token \(401 Bad credentials\): it is wrong, expired or revoked; it needs a new token\. Set GITHUB_TOKEN \(or GH_TOKEN\) or pass --token-file with a token that can read it, then run "reposcout ingest acme" again to resume where it stopped\.$/,
    );
    expect(result.stderr).not.toContain('-revoked');
  });

  it('a rate limit that resets later than --max-wait: what finished is kept, and how to resume', async () => {
    fake.inject({ kind: 'primary-rate-limit', match: 'rest', seconds: 600, skip: 2 });
    try {
      const result = await runCliAsync(['ingest', 'acme', '--db', path.join(scratch('ratelimit'), 'r.db'), '--max-wait', '1'], { apiUrl: fake.url, env: withToken });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /\nreposcout: GitHub's rate limit is used up until \d{4}-\d\d-\d\dT[^\n]*; everything finished so far is stored; carry on after that time\. Run "reposcout ingest acme" again to resume where it stopped\.\n$/,
      );
    } finally {
      fake.faults.length = 0;
    }
  });

  it('an unreachable host', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (server.address() as net.AddressInfo).port;
        server.close(() => resolve(p));
      });
    });
    expectOneLine(await runCliAsync(['ingest', 'acme', '--db', path.join(scratch('down'), 'r.db')], { apiUrl: `http://127.0.0.1:${port}`, env: withToken }), 1, /Cannot reach the GitHub API .*connection refused.*check the network and the GitHub host\. Run "reposcout ingest acme" again to resume where it stopped\.$/);
  });
});

describe('the token never leaves memory', () => {
  it('is absent from the database files, stdout, stderr and reports, even through faults and failures', async () => {
    const dir = scratch('leak');
    const db = path.join(dir, 'r.db');
    const outputs: string[] = [];
    fake.inject({ kind: 'server-error', status: 502, match: 'graphql:RepositoryDetail' });
    fake.inject({ kind: 'secondary-rate-limit', status: 429, seconds: 1, match: 'rest' });
    fake.inject({ kind: 'malformed-json', match: 'rest' });
    fake.inject({ kind: 'no-scope', match: 'rest', skip: 4, times: 1 });
    const runs = [
      await runCliAsync(['ingest', 'acme', '--db', db], { apiUrl: fake.url, env: withToken }),
      await runCliAsync(['--json', 'research', 'acme', '--db', db, '--out', path.join(dir, 'out')], { apiUrl: fake.url, env: withToken }),
      await runCliAsync(['ingest', 'acme', '--db', db], { apiUrl: fake.url, env: { GITHUB_TOKEN: `${FAKE_TOKEN}x` } }),
      await runCliAsync(['ingest', 'nope-org', '--db', db], { apiUrl: fake.url, env: withToken }),
    ];
    fake.faults.length = 0;
    expect(runs[0]!.code).toBe(1);
    expect(runs[0]!.stderr).toMatch(/GITHUB|token may not read/);
    expect(runs[1]!.code).toBe(0);
    for (const r of runs) outputs.push(r.stdout, r.stderr);
    expect(outputs.join('\n')).not.toContain(FAKE_TOKEN);
    const files: string[] = [];
    const walk = (d: string) => {
      for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
        const full = path.join(d, entry.name);
        if (entry.isDirectory()) walk(full);
        else files.push(full);
      }
    };
    walk(dir);
    expect(files.some((f) => f.endsWith('r.db'))).toBe(true);
    expect(files.some((f) => f.endsWith('report.html'))).toBe(true);
    for (const file of files) expect(fs.readFileSync(file).includes(Buffer.from(FAKE_TOKEN)), file).toBe(false);
    // The token did travel where it belongs: in the Authorization header.
    expect(fake.log.some((r) => r.authorization === `token ${FAKE_TOKEN}`)).toBe(true);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestRepo } from '../test/helpers/git-fixture';
import { childEnvironment, isSecretEnvName } from './child-env';
import { readLog } from './git/log';
import { gitEnv, runGit } from './git/run';

const SECRETS = {
  GITHUB_TOKEN: 'fake-github-token-value',
  GH_TOKEN: 'fake-gh-token-value',
  REPOSCOUT_MCP_TOKEN: 'fake-mcp-bearer-value',
  GH_ENTERPRISE_TOKEN: 'fake-ghe-token-value',
  REPOSCOUT_FUTURE_SECRET: 'fake-future-secret',
};

describe('childEnvironment', () => {
  it('drops RepoScout secrets (any letter case) and keeps everything else', () => {
    const env = childEnvironment({ EXTRA: '1' }, { ...SECRETS, github_token: 'lower', PATH: '/bin', HOME: '/home/x', REPOSCOUT_DB: '/d.db', GITHUB_ACTIONS: 'true' });
    expect(env).toEqual({ PATH: '/bin', HOME: '/home/x', REPOSCOUT_DB: '/d.db', GITHUB_ACTIONS: 'true', EXTRA: '1' });
  });

  it.each([
    ['GITHUB_TOKEN', true],
    ['Gh_Token', true],
    ['REPOSCOUT_MCP_TOKEN', true],
    ['GITHUB_APP_PRIVATE_KEY', true],
    ['HF_TOKEN', true],
    ['REPOSCOUT_DB', false],
    ['REPOSCOUT_GITHUB_HOST', false],
    ['GITHUB_WORKSPACE', false],
    ['TOKENIZERS_PARALLELISM', false],
  ])('%s is secret: %s', (name, secret) => {
    expect(isSecretEnvName(name)).toBe(secret);
  });
});

describe('git children', () => {
  const saved: Record<string, string | undefined> = {};
  let repo: TestRepo;
  beforeEach(() => {
    for (const [k, v] of Object.entries(SECRETS)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    repo = TestRepo.create();
    repo.write('a.txt', 'a\n').commit('first', { name: 'A', email: 'a@example.com' }, '2024-01-01T00:00:00Z');
  });
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    repo.remove();
  });

  it('a real git child sees none of the secrets in its environment', async () => {
    // A shell alias runs inside git's own process tree with git's environment: what a hook would see.
    const { stdout } = await runGit(repo.dir, ['-c', 'alias.show-env=!env', 'show-env']);
    const text = stdout.toString('utf8');
    expect(text).toMatch(/^GIT_TERMINAL_PROMPT=0$/m);
    for (const value of Object.values(SECRETS)) expect(text).not.toContain(value);
    for (const name of Object.keys(SECRETS)) expect(text).not.toMatch(new RegExp(`^${name}=`, 'm'));
  });

  it('the streaming log reader uses the same secret-free environment', async () => {
    expect(Object.keys(gitEnv()).filter((k) => k in SECRETS)).toEqual([]);
    const commits = [];
    for await (const c of readLog(repo.dir, repo.head(), null)) commits.push(c);
    expect(commits).toHaveLength(1);
  });
});

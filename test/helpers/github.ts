import fs from 'node:fs';
import path from 'node:path';
import { createGitHubClient, type GitHubClient, type GitHubClientOptions } from '../../shared/github/client';
import { sqliteHttpCache } from '../../shared/github/http-cache';
import { openStore, type Store } from '../../shared/store/open';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from '../fake-github/server';
import { SyntheticOrg, type SyntheticOrgOptions } from '../fake-github/synthetic';
import { startCli } from './cli';
import { tempDir } from './git-fixture';

/** A token that is easy to grep for in files and output. */
export const FAKE_TOKEN = 'reposcout-fake-token-0123456789abcdefXYZ';

export interface GitHubWorld {
  fake: FakeGitHub;
  org: SyntheticOrg;
  store: Store;
  dir: string;
  dbPath: string;
  client(options?: Partial<GitHubClientOptions>): GitHubClient;
  dispose(): Promise<void>;
}

/** A fake GitHub serving one synthetic org, a fresh database, and a client factory pointed at both. */
export async function githubWorld(orgOptions: SyntheticOrgOptions, fakeOptions: Omit<FakeGitHubOptions, 'orgs'> = {}): Promise<GitHubWorld> {
  const org = new SyntheticOrg(orgOptions);
  const fake = await startFakeGitHub({ token: FAKE_TOKEN, ...fakeOptions, orgs: [org] });
  const dir = tempDir('reposcout-gh-');
  const dbPath = path.join(dir, 'r.db');
  const store = openStore(dbPath);
  return {
    fake,
    org,
    store,
    dir,
    dbPath,
    client: (options = {}) =>
      createGitHubClient({ token: FAKE_TOKEN, baseUrl: fake.url, cache: sqliteHttpCache(store.db), retryBaseMs: 10, timeoutMs: 5_000, ...options }),
    dispose: async () => {
      store.close();
      await fake.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs the built CLI without blocking the event loop (the fake GitHub answers from this
 * same process), with the test hooks pointing it at `apiUrl`.
 */
export function runCliAsync(args: string[], options: { env?: NodeJS.ProcessEnv; apiUrl?: string; cwd?: string } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, REPOSCOUT_DB: '', GITHUB_TOKEN: '', GH_TOKEN: '', REPOSCOUT_GITHUB_HOST: '', REPOSCOUT_GITHUB_RETRY_BASE_MS: '20', ...options.env };
  if (options.apiUrl) env.REPOSCOUT_GITHUB_API_URL = options.apiUrl;
  const child = startCli(args, { env, ...(options.cwd ? { cwd: options.cwd } : {}) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

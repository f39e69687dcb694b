import { describe, expect, it } from 'vitest';
import { readConfig } from '../config';
import { githubScopeRequest } from './github-scopes';

describe('githubScopeRequest', () => {
  it('asks only for read scopes by default', () => {
    const config = readConfig(() => undefined);
    expect(config.githubPrivateRepositories).toBe(false);
    const request = githubScopeRequest(config);
    expect(request.scopes).not.toContain('repo');
    expect(request.scopes.every((s) => s.startsWith('read:'))).toBe(true);
    expect(request.why).toMatch(/read-only.*reposcout\.githubPrivateRepositories/);
  });

  it('asks for repo only when the user asks for private repositories, and says why', () => {
    const config = readConfig((key) => (key === 'githubPrivateRepositories' ? true : undefined));
    const request = githubScopeRequest(config);
    expect(request.scopes).toContain('repo');
    expect(request.why).toMatch(/only scope that can read private repositories is "repo", which also allows writing; RepoScout only reads/);
  });
});

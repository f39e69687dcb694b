import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRepoScoutError } from '../errors';
import { tempStore } from '../../test/helpers/temp-store';
import { githubClientFromEnvironment } from './client-from-env';
import { endpointsForBaseUrl, resolveEndpoints } from './host';
import { githubRepositoryKey, parseGitHubTarget } from './target';
import { redact, resolveToken } from './token';

describe('parseGitHubTarget', () => {
  it.each([
    ['octo-org', { owner: 'octo-org', repo: null }],
    ['octo-org/hello-world', { owner: 'octo-org', repo: 'hello-world' }],
    ['https://github.com/octo-org/hello.world/', { owner: 'octo-org', repo: 'hello.world' }],
    ['a', { owner: 'a', repo: null }],
    ['jdoe_acme', { owner: 'jdoe_acme', repo: null }],
    ['x'.repeat(39), { owner: 'x'.repeat(39), repo: null }],
  ])('accepts %s', (input, expected) => {
    expect(parseGitHubTarget(input)).toEqual(expected);
  });

  it.each([
    ['', /not a GitHub owner/],
    ['-octo', /not a valid GitHub user or organization name/],
    ['octo-', /not a valid/],
    ['oc--to', /not a valid/],
    ['x'.repeat(40), /not a valid/],
    ['octo org', /not a valid/],
    ['a/b/c', /not a GitHub owner/],
    ['octo/..', /not a valid GitHub repository name/],
    ['octo/re po', /not a valid GitHub repository name/],
    ['octo/x.git', /not a valid GitHub repository name/],
    ['octo/' + 'r'.repeat(101), /not a valid GitHub repository name/],
  ])('rejects %j before any request', (input, message) => {
    try {
      parseGitHubTarget(input);
      expect.unreachable();
    } catch (error) {
      expect(isRepoScoutError(error, 'INVALID_INPUT')).toBe(true);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('keys repositories case-insensitively and by host', () => {
    expect(githubRepositoryKey('github.com', 'Octo', 'Hello')).toBe('github:octo/hello');
    expect(githubRepositoryKey('ghe.example.com', 'octo', 'hello')).toBe('github:octo/hello@ghe.example.com');
  });
});

describe('resolveEndpoints', () => {
  it.each([
    [undefined, 'github.com', 'https://api.github.com', 'https://api.github.com/graphql'],
    ['github.com', 'github.com', 'https://api.github.com', 'https://api.github.com/graphql'],
    ['api.github.com', 'github.com', 'https://api.github.com', 'https://api.github.com/graphql'],
    ['github.example.com', 'github.example.com', 'https://github.example.com/api/v3', 'https://github.example.com/api/graphql'],
    ['https://GitHub.Example.com/', 'github.example.com', 'https://github.example.com/api/v3', 'https://github.example.com/api/graphql'],
    ['https://github.example.com/api/v3', 'github.example.com', 'https://github.example.com/api/v3', 'https://github.example.com/api/graphql'],
    ['ghe.local:8443', 'ghe.local:8443', 'https://ghe.local:8443/api/v3', 'https://ghe.local:8443/api/graphql'],
  ])('%s', (input, host, restUrl, graphqlUrl) => {
    expect(resolveEndpoints(input)).toEqual({ host, restUrl, graphqlUrl });
  });

  it.each(['ftp://ghe.example.com', 'https://ghe.example.com/some/path', 'https://user:pw@ghe.example.com', 'not a host'])('rejects %s', (input) => {
    expect(() => resolveEndpoints(input)).toThrow(expect.objectContaining({ message: expect.stringMatching(/^The GitHub host /), remedy: { do: 'fix_input', input: 'githubHost' } }));
  });

  it.each(['http://ghe.example.com', 'http://10.0.0.5:8080', 'http://github.com', 'http://127.example.com'])('refuses the cleartext host %s, which would send the token unencrypted', (input) => {
    expect(() => resolveEndpoints(input)).toThrow(/plain http, which would send your GitHub token unencrypted; use https:\/\//);
  });

  it.each([
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080/api/v3'],
    ['http://localhost:3000', 'http://localhost:3000/api/v3'],
    ['http://[::1]:9', 'http://[::1]:9/api/v3'],
  ])('allows plain http for the loopback host %s', (input, restUrl) => {
    expect(resolveEndpoints(input).restUrl).toBe(restUrl);
  });

  it.each(['https://api.github.com', 'http://evil.example/api/v3', 'https://10.1.2.3/api/v3', 'not a url'])('honours the REPOSCOUT_GITHUB_API_URL test hook %s only for loopback', (base) => {
    expect(() => endpointsForBaseUrl(base)).toThrow(/REPOSCOUT_GITHUB_API_URL .* honoured only for loopback/);
    const temp = tempStore();
    try {
      expect(() => githubClientFromEnvironment(temp.store, {}, { REPOSCOUT_GITHUB_API_URL: base, GITHUB_TOKEN: 'not-a-real-token' })).toThrow(/only for loopback/);
    } finally {
      temp.cleanup();
    }
  });

  it('derives GraphQL from an explicit API base the way Octokit does', () => {
    expect(endpointsForBaseUrl('http://127.0.0.1:9/').graphqlUrl).toBe('http://127.0.0.1:9/graphql');
    expect(endpointsForBaseUrl('http://127.0.0.1:9/api/v3').graphqlUrl).toBe('http://127.0.0.1:9/api/graphql');
  });
});

describe('resolveToken', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reposcout-token-'));
  it('prefers --token-file, then GITHUB_TOKEN, then GH_TOKEN, else none', () => {
    const file = path.join(dir, 'token');
    fs.writeFileSync(file, '\n  token-from-file  \n');
    expect(resolveToken(file, { GITHUB_TOKEN: 'a', GH_TOKEN: 'b' })).toEqual({ token: 'token-from-file', source: 'token file' });
    expect(resolveToken(undefined, { GITHUB_TOKEN: 'a', GH_TOKEN: 'b' })).toEqual({ token: 'a', source: 'GITHUB_TOKEN' });
    expect(resolveToken(undefined, { GITHUB_TOKEN: ' ', GH_TOKEN: 'b' })).toEqual({ token: 'b', source: 'GH_TOKEN' });
    expect(resolveToken(undefined, {})).toEqual({ token: null, source: 'none' });
  });

  it('names the file, never its content, when it is missing, empty or malformed', () => {
    expect(() => resolveToken(path.join(dir, 'missing'), {})).toThrow(/Cannot read the token file .*missing \(ENOENT\)/);
    fs.writeFileSync(path.join(dir, 'empty'), '\n\n');
    expect(() => resolveToken(path.join(dir, 'empty'), {})).toThrow(/is empty/);
    fs.writeFileSync(path.join(dir, 'spaces'), 'secret-token-value and more\n');
    try {
      resolveToken(path.join(dir, 'spaces'), {});
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain('secret-token-value');
    }
  });

  it('redact replaces every occurrence', () => {
    expect(redact('a tok_x1 b tok_x1', 'tok_x1')).toBe('a [token] b [token]');
    expect(redact('text', null)).toBe('text');
  });
});

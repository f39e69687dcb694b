import { describe, expect, it } from 'vitest';
import { bearerMatches, hostProblem, originProblem } from './http-guard';

describe('hostProblem', () => {
  it.each(['127.0.0.1:7391', 'localhost:7391', 'LOCALHOST:7391', '[::1]:7391'])('accepts %s', (host) => {
    expect(hostProblem(host, 7391)).toBeNull();
  });
  it.each([
    [undefined, /no Host header/],
    ['', /no Host header/],
    ['evil.example:7391', /not allowed/],
    ['127.0.0.1.evil.example:7391', /not allowed/],
    ['localhost.:7391', /not allowed/],
    ['0.0.0.0:7391', /not allowed/],
    ['[::ffff:127.0.0.1]:7391', /not allowed/],
    ['localhost:80', /names port 80/],
    ['localhost', /names port 80/],
    ['localhost:7391:1', /not allowed/],
    ['x'.repeat(500), /not allowed/],
  ])('refuses %s', (host, message) => {
    expect(hostProblem(host, 7391)).toMatch(message);
  });
  it('accepts a Host without a port only on port 80', () => {
    expect(hostProblem('localhost', 80)).toBeNull();
  });
});

describe('originProblem', () => {
  it.each([undefined, 'http://localhost', 'http://localhost:5173', 'https://127.0.0.1:8443', 'http://[::1]:3000'])('accepts %s', (origin) => {
    expect(originProblem(origin)).toBeNull();
  });
  it.each(['null', 'http://evil.example', 'http://localhost.evil.example', 'file://', 'chrome-extension://abc', 'ws://localhost', 'not a url', ''])('refuses %s', (origin) => {
    expect(originProblem(origin)).toMatch(/is not allowed/);
  });
});

describe('bearerMatches', () => {
  const token = 'abcdefghijklmnop1234';
  it.each([
    [`Bearer ${token}`, true],
    [`bearer ${token}`, true],
    [`Bearer  ${token} `, true],
    [`Bearer ${token}x`, false],
    [`Bearer ${token.slice(1)}`, false],
    [`Basic ${token}`, false],
    [token, false],
    ['Bearer', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (header, expected) => {
    expect(bearerMatches(header, token)).toBe(expected);
  });
});

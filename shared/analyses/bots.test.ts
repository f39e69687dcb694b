import { describe, expect, it } from 'vitest';
import { isBot } from './bots';

describe('isBot', () => {
  it.each([
    ['dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com', true],
    ['github-actions[bot]', '41898282+github-actions[bot]@users.noreply.github.com', true],
    ['Renovate Bot', 'bot@renovateapp.com', true],
    ['renovate', 'renovate@whitesourcesoftware.com', true],
    ['pre-commit-ci', 'pre-commit-ci@users.noreply.github.com', true],
    ['semantic-release-bot', 'semantic-release-bot@martynus.net', true],
    ['Alice', '12345+alice@users.noreply.github.com', false],
    ['Abbot Costello', 'abbot@example.com', false],
    ['Robot Framework Dev', 'dev@robotframework.org', false],
    ['', '', false],
  ])('%s <%s> → %s', (name, email, expected) => {
    expect(isBot(name, email)).toBe(expected);
  });
});

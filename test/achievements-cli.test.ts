import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { portfolioRepo } from './helpers/achievements-fixture';
import { runCli } from './helpers/cli';
import { tempDir } from './helpers/git-fixture';
import { addAuthoredPulls } from './fake-github/search';
import { FAKE_TOKEN, githubWorld, runCliAsync } from './helpers/github';

const cleanup: string[] = [];
afterEach(() => {
  for (const dir of cleanup.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = tempDir('reposcout-achievements-cli-');
  cleanup.push(dir);
  return dir;
}

describe('reposcout achievements', () => {
  it('collects from a local clone and writes the chosen formats', () => {
    const repo = portfolioRepo();
    cleanup.push(repo.dir);
    const work = scratch();
    const out = path.join(work, 'out');
    const result = runCli(['achievements', 'alice@example.com', '--as', 'alice', '--local', repo.dir, '--db', path.join(work, 'a.db'), '--out', out, '--format', 'md,json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('3 merged PRs by alice@example.com');
    expect(result.stdout).toContain('alice@example.com merged 3 pull requests in 1 repository');
    const json = JSON.parse(fs.readFileSync(path.join(out, 'portfolio.json'), 'utf8'));
    expect(json.totals.prs).toBe(3);
    expect(fs.readFileSync(path.join(out, 'portfolio.md'), 'utf8')).toContain('## Highlights');
    expect(fs.existsSync(path.join(out, 'portfolio.html'))).toBe(false);

    // stored records serve a later run without --local, with a window
    const again = runCli(['--json', 'achievements', 'alice', '--as', 'alice@example.com', '--db', path.join(work, 'a.db'), '--out', out, '--format', 'json', '--since', '2026-02-01']);
    expect(again.code).toBe(0);
    const answer = JSON.parse(again.stdout);
    expect(answer.totals.prs).toBe(2);
    expect(answer.notices.join(' ')).toContain('Nothing was collected in this run');
  });

  it.each([
    [['--format', 'docx'], 'Unknown format "docx"'],
    [['--since', 'last tuesday'], 'The window\'s start "last tuesday" is not a date; use YYYY-MM-DD or an ISO-8601 time such as 2026-01-31T12:00:00Z. Pass another --since.\n'],
    [['--until', 'soon'], 'The window\'s end "soon" is not a date; use YYYY-MM-DD or an ISO-8601 time such as 2026-01-31T12:00:00Z. Pass another --until.\n'],
    [['--since', '2026-05-01', '--until', '2026-01-01'], 'before it starts (2026-05-01T00:00:00.000Z); swap its start and end. Pass another --since.\n'],
    [['--local', '/nonexistent/clone'], 'No such folder'],
  ])('refuses %j with a precise message', (args, message) => {
    const work = scratch();
    const result = runCli(['achievements', 'alice', '--db', path.join(work, 'a.db'), '--out', path.join(work, 'out'), ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe('reposcout achievements from GitHub', () => {
  it('collects a login from the fake GitHub, resumes nothing twice, and never shows the token', async () => {
    const world = await githubWorld({ repositories: 4 });
    try {
      addAuthoredPulls(world.org, 'dev-login', 12);
      const work = scratch();
      const args = ['--json', 'achievements', 'dev-login', '--owner', 'acme', '--db', path.join(work, 'a.db'), '--out', path.join(work, 'out'), '--format', 'json,md', '--since', '2025-01-01', '--until', '2026-06-30'];
      const result = await runCliAsync(args, { apiUrl: world.fake.url, env: { GITHUB_TOKEN: FAKE_TOKEN } });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const answer = JSON.parse(result.stdout);
      expect(answer.totals.prs).toBe(12);
      const json = fs.readFileSync(path.join(work, 'out', 'portfolio.json'), 'utf8');
      expect(JSON.parse(json).flow.quarters.some((q: { cycleTime: unknown }) => q.cycleTime !== null)).toBe(true);
      expect(json + result.stdout).not.toContain(FAKE_TOKEN);
      const unknown = await runCliAsync(['achievements', 'nobody-here', '--owner', 'acme', '--db', path.join(work, 'a.db'), '--out', path.join(work, 'out')], { apiUrl: world.fake.url, env: { GITHUB_TOKEN: FAKE_TOKEN } });
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('GitHub has no user "nobody-here"');
    } finally {
      await world.dispose();
    }
  });
});

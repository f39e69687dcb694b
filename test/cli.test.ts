import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { CLI, runCli } from './helpers/cli';
import { alice, bob, tempDir, TestRepo } from './helpers/git-fixture';
import { openDatabase } from '../shared/store/driver';

const cleanup: string[] = [];
afterEach(() => {
  for (const dir of cleanup.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = tempDir('reposcout-cli-');
  cleanup.push(dir);
  return dir;
}

function smallRepo(): TestRepo {
  const repo = TestRepo.create();
  cleanup.push(repo.dir);
  repo.write('README.md', '# Small\n').write('src/a.ts', 'export const a = 1;\n').commit('start', alice, '2026-01-05T10:00:00Z');
  repo.write('src/a.ts', 'export const a = 2;\n').commit('Tune a (#2)', bob, '2026-01-06T10:00:00Z');
  return repo;
}

describe('reposcout research / report', () => {
  it('people --path outside the repository: the engine sentence and the flag to change', () => {
    const repo = smallRepo();
    const db = path.join(scratch(), 'r.db');
    expect(runCli(['research', repo.dir, '--db', db, '--out', path.join(path.dirname(db), 'out')]).code).toBe(0);
    const result = runCli(['people', repo.dir, '--path', '../etc', '--db', db]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'reposcout: The path "../etc" must be relative to the repository root and stay inside it (for example src/search). Pass another --path, relative to the repository root.\n',
    );
  });

  it('researches a repository, writes both reports, and prints a summary', () => {
    const repo = smallRepo();
    const work = scratch();
    const db = path.join(work, 'r.db');
    const result = runCli(['research', repo.dir, '--db', db, '--out', path.join(work, 'out')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/health \d+\/100 \([A-F]\)/);
    expect(result.stdout).toContain('2 new commits read');
    expect(fs.readFileSync(path.join(work, 'out', 'report.md'), 'utf8')).toContain('Alice Liddell');
    expect(fs.readFileSync(path.join(work, 'out', 'report.html'), 'utf8').slice(0, 20).toLowerCase()).toContain('<!doctype html>');
  });

  it('--json prints one JSON document with the research and report paths', () => {
    const repo = smallRepo();
    const work = scratch();
    const result = runCli(['--json', 'research', repo.dir, '--db', path.join(work, 'r.db'), '--out', work]);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.research.activity.totalCommits).toBe(2);
    expect(parsed.research.pullRequests.squash).toBe(1);
    expect(parsed.reports.htmlPath).toBe(path.join(work, 'report.html'));
  });

  it('REPOSCOUT_DB chooses the database; report regenerates from it without git history work', () => {
    const repo = smallRepo();
    const work = scratch();
    const env = { REPOSCOUT_DB: path.join(work, 'env.db') };
    expect(runCli(['research', repo.dir, '--out', path.join(work, 'a')], { env }).code).toBe(0);
    expect(fs.existsSync(env.REPOSCOUT_DB)).toBe(true);
    const report = runCli(['report', repo.dir, '--out', path.join(work, 'b')], { env });
    expect(report.code).toBe(0);
    expect(fs.existsSync(path.join(work, 'b', 'report.html'))).toBe(true);
    const list = runCli(['list', '--json'], { env });
    expect(JSON.parse(list.stdout).repositories).toHaveLength(1);
  });

  it('a re-run on an unchanged repository reuses the stored result', () => {
    const repo = smallRepo();
    const work = scratch();
    const args = ['research', repo.dir, '--db', path.join(work, 'r.db'), '--out', work];
    runCli(args);
    expect(runCli(args).stdout).toContain('unchanged since the last run');
  });

  it('--help works on every command', () => {
    for (const args of [['--help'], ['research', '--help'], ['report', '--help'], ['list', '--help']]) {
      const result = runCli(args);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Usage: reposcout/);
    }
  });
});

describe('reposcout: bad input gives one line, a non-zero exit, and keeps the database', () => {
  function expectOneLineError(result: ReturnType<typeof runCli>, code: number, pattern: RegExp): void {
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^reposcout: /);
    expect(lines[0]).toMatch(pattern);
  }

  it('a path that does not exist', () => {
    const work = scratch();
    expectOneLineError(runCli(['research', path.join(work, 'nope'), '--db', path.join(work, 'r.db')]), 2, /No such folder/);
  });

  it('a folder that is not a git repository', () => {
    const work = scratch();
    const plain = path.join(work, 'plain');
    fs.mkdirSync(plain);
    expectOneLineError(runCli(['research', plain, '--db', path.join(work, 'r.db')]), 2, /not inside a git repository.*git init/);
  });

  it('a repository with no commits', () => {
    const repo = TestRepo.create();
    cleanup.push(repo.dir);
    const work = scratch();
    expectOneLineError(runCli(['research', repo.dir, '--db', path.join(work, 'r.db')]), 2, /no commits yet/);
  });

  it('a corrupt database file is refused and left byte-for-byte intact', () => {
    const repo = smallRepo();
    const work = scratch();
    const db = path.join(work, 'r.db');
    const garbage = Buffer.from('definitely not sqlite '.repeat(300));
    fs.writeFileSync(db, garbage);
    expectOneLineError(runCli(['research', repo.dir, '--db', db]), 1, /corrupt.*--db/);
    expect(fs.readFileSync(db).equals(garbage)).toBe(true);
  });

  it('a database from a newer RepoScout is refused and left intact', () => {
    const repo = smallRepo();
    const work = scratch();
    const db = path.join(work, 'r.db');
    expect(runCli(['research', repo.dir, '--db', db, '--out', work]).code).toBe(0);
    // Simulate a future version by recording a migration this build does not know.
    const raw = openDatabase(db);
    raw.prepare(`insert into schema_migrations (version, name) values (999, 'from-the-future')`).run();
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = fs.readFileSync(db);
    expectOneLineError(runCli(['research', repo.dir, '--db', db]), 1, /newer RepoScout.*upgrade/);
    expect(fs.readFileSync(db).equals(before)).toBe(true);
  });

  it('a database location that cannot be written', () => {
    const repo = smallRepo();
    expectOneLineError(runCli(['research', repo.dir, '--db', '/sys/reposcout/r.db']), 1, /Cannot create the database folder.*--db/);
  });

  it('an existing database in a read-only folder (as an unprivileged user)', () => {
    if (process.getuid?.() !== 0) throw new Error('this test drops privileges with setpriv and must run as root (CI does)');
    const repo = smallRepo();
    const work = scratch();
    const dbDir = path.join(work, 'locked');
    fs.mkdirSync(dbDir);
    const db = path.join(dbDir, 'r.db');
    expect(runCli(['research', repo.dir, '--db', db, '--out', work]).code).toBe(0);
    const before = fs.readFileSync(db);
    fs.chmodSync(dbDir, 0o555);
    fs.chmodSync(db, 0o444);
    fs.chmodSync(work, 0o755);
    fs.chmodSync(repo.dir, 0o755);
    const run = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, 'research', repo.dir, '--db', db, '--out', path.join('/tmp', 'unused-reports')], {
      encoding: 'utf8',
      env: { ...process.env, HOME: '/tmp', GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'safe.directory', GIT_CONFIG_VALUE_0: '*' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/Cannot write the database.*--db/);
    expect(fs.readFileSync(db).equals(before)).toBe(true);
  });

  it.each([
    [['research', '.', '--window-months', 'abc'], /--window-months must be a number/],
    [['research', '.', '--window-months', '0'], /at least 1/],
    [['research', '.', '--window-months', '2.5'], /whole number/],
    [['research'], /missing required argument/],
    [['frobnicate'], /unknown command/],
  ])('invalid arguments %j', (args, pattern) => {
    const result = runCli([...args, '--db', path.join(scratch(), 'r.db')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(pattern);
  });
});

describe('reposcout: progress', () => {
  it('draws a progress line on a terminal (stderr), and none when piped', () => {
    const repo = smallRepo();
    const work = scratch();
    // `script` gives the CLI a real pseudo-terminal.
    const command = `${process.execPath} ${CLI} research ${repo.dir} --db ${path.join(work, 'tty.db')} --out ${work}`;
    const tty = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, REPOSCOUT_DB: '' } });
    expect(tty.status).toBe(0);
    expect(tty.stdout).toMatch(/\r\x1b\[2Kreading history 0\/2 0%/);
    expect(tty.stdout).toMatch(/history read 2\/2 100%/);
    const piped = runCli(['research', repo.dir, '--db', path.join(work, 'piped.db'), '--out', work]);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).not.toContain('\x1b[2K');
  });
});

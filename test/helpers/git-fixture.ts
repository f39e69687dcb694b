import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Author {
  name: string;
  email: string;
}

export const alice: Author = { name: 'Alice Liddell', email: 'alice@example.com' };
export const bob: Author = { name: 'Bob Builder', email: 'bob@example.com' };
export const jose: Author = { name: 'José Núñez', email: 'jose@example.com' };
export const li: Author = { name: '李雷', email: 'lilei@example.com' };
export const dependabot: Author = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };

/** A fresh temp folder, removed by the caller's cleanup. */
export function tempDir(prefix = 'reposcout-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A real git repository in a temp folder, driven by real git commands with pinned
 * dates so analyses are deterministic.
 */
export class TestRepo {
  constructor(readonly dir: string) {}

  static create(branch = 'main'): TestRepo {
    const dir = tempDir('reposcout-repo-');
    const repo = new TestRepo(dir);
    repo.git('init', '-q', '-b', branch);
    repo.git('config', 'user.name', 'Test Runner');
    repo.git('config', 'user.email', 'runner@example.com');
    repo.git('config', 'commit.gpgsign', 'false');
    return repo;
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', env: { ...process.env, ...this.env } });
  }

  private env: NodeJS.ProcessEnv = {};

  write(file: string, content: string | Buffer): this {
    const full = path.join(this.dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
    return this;
  }

  /** Stages everything and commits as `author` at `date` (ISO or Date). */
  commit(message: string, author: Author, date: string | Date, ...extraArgs: string[]): string {
    const when = typeof date === 'string' ? date : date.toISOString();
    this.env = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: when,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
      GIT_COMMITTER_DATE: when,
    };
    try {
      this.git('add', '-A');
      this.git('commit', '-q', '--allow-empty', '-m', message, ...extraArgs);
      return this.head();
    } finally {
      this.env = {};
    }
  }

  /** A true merge commit (--no-ff) of `branch` into the current branch. */
  merge(branch: string, message: string, author: Author, date: string | Date): string {
    const when = typeof date === 'string' ? date : date.toISOString();
    this.env = { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_AUTHOR_DATE: when, GIT_COMMITTER_NAME: author.name, GIT_COMMITTER_EMAIL: author.email, GIT_COMMITTER_DATE: when };
    try {
      this.git('merge', '-q', '--no-ff', branch, '-m', message);
      return this.head();
    } finally {
      this.env = {};
    }
  }

  head(): string {
    return this.git('rev-parse', 'HEAD').trim();
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** ISO date `days` days before `now` (unix seconds). */
export function daysAgo(now: number, days: number): string {
  return new Date((now - days * 86_400) * 1000).toISOString();
}

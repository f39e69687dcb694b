import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { CLI, runCli } from './helpers/cli';
import { tempDir } from './helpers/git-fixture';
import { TINY_MODEL_DIR } from './helpers/temp-store';

const EVAL_DATA = path.resolve(import.meta.dirname, 'eval', 'awesome-nodejs.jsonl');
let work: string;
let env: NodeJS.ProcessEnv;
const cli = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => runCli(args, { env: { ...env, ...extraEnv } });

beforeAll(() => {
  work = tempDir('reposcout-search-cli-');
  // A private data folder: "auto" must not find a model in the real user's folder.
  env = { REPOSCOUT_DB: path.join(work, 'r.db'), XDG_DATA_HOME: path.join(work, 'data'), REPOSCOUT_MODEL_DIR: '', REPOSCOUT_EMBEDDER: '' };
  const imported = cli(['import', EVAL_DATA]);
  expect(imported.stderr).toBe('');
  expect(imported.stdout).toMatch(/Imported 498 repositories \(498 new\)/);
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('reposcout search / similar (real bundle)', () => {
  it('search --json returns fused hits with per-retriever scores', () => {
    const result = cli(['search', 'streaming', 'torrent', 'client', '--json', '--limit', '3']);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed).toMatchObject({ mode: 'hybrid', embedder: { name: 'lexical' } });
    expect(parsed.hits).toHaveLength(3);
    expect(parsed.hits[0]).toMatchObject({ kind: 'repository', bm25: { rank: expect.any(Number) }, vector: { rank: expect.any(Number) } });
    expect(parsed.hits.map((h: { refKey: string }) => h.refKey)).toContain('github:mafintosh/peerflix');
  });

  it('similar prints each result with its factors', () => {
    const result = cli(['similar', 'webtorrent/webtorrent', '--limit', '2']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Similar to webtorrent\/webtorrent \(hybrid, lexical/);
    expect(result.stdout).toMatch(/Semantic and keyword similarity\s+1\.00/);
    expect(result.stdout).toMatch(/not measured: tech-stack overlap, health score, recent activity, popularity/);
  });

  it('uses the tiny transformers.js model end to end when asked', () => {
    const result = cli(['search', 'web', 'server', '--json', '--embedder', 'transformers', '--model-dir', TINY_MODEL_DIR]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).embedder).toEqual({ name: 'transformers', model: 'tiny-embedding-model' });
    const spaces = JSON.parse(cli(['embed', '--json']).stdout).spaces.map((s: { embedder: string; pending: number }) => [s.embedder, s.pending]);
    expect(spaces).toEqual([
      ['lexical', 0],
      ['transformers', 0],
    ]);
  });

  it('a broken model folder falls back to lexical with a warning in auto mode', () => {
    const result = cli(['search', 'web', '--json', '--model-dir', path.join(work, 'no-model')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^reposcout: warning: The embedding model folder .*no-model does not exist.*Using the built-in lexical embedder instead\.\n$/);
    expect(JSON.parse(result.stdout).embedder.name).toBe('lexical');
  });

  it('--help describes every new command', () => {
    for (const command of ['search', 'similar', 'recommend', 'people', 'remember', 'recall', 'memories', 'forget', 'export', 'import', 'embed']) {
      const result = cli([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`Usage: reposcout ${command}`));
    }
  });
});

describe('reposcout memory commands (real bundle)', () => {
  it('remember, merge, recall with filters, list, show history, forget', () => {
    const first = JSON.parse(cli(['remember', 'Flaky', 'test:', 'the', 'upload', 'spec', 'needs', 'a', 'longer', 'timeout', '--tag', 'ci,flaky', '--repo', 'octo/app', '--json']).stdout);
    expect(first).toMatchObject({ outcome: 'created', memory: { tags: ['ci', 'flaky'], links: [{ kind: 'repository', target: 'github:octo/app' }] } });
    const merged = cli(['remember', 'Flaky test: the upload spec needs a longer timeout!', '--tag', 'upload']);
    expect(merged.stdout).toMatch(new RegExp(`Merged into memory ${first.memory.id} .*remembered 2 times`));
    const recalled = JSON.parse(cli(['recall', 'why', 'is', 'upload', 'flaky', '--tag', 'ci', '--since', '1d', '--json']).stdout);
    expect(recalled.memories[0]).toMatchObject({ id: first.memory.id, timesRemembered: 2 });
    expect(JSON.parse(cli(['recall', 'upload', '--until', '2000-01-01', '--json']).stdout).memories).toEqual([]);
    const shown = cli(['memories', '--show', String(first.memory.id)]);
    expect(shown.stdout).toMatch(/created: Flaky test: the upload spec needs a longer timeout\n.*merged \(similarity/);
    expect(cli(['memories']).stdout).toMatch(/1 of 1/);
    expect(cli(['forget', String(first.memory.id)]).stdout).toMatch(/Forgot memory/);
    expect(cli(['memories', '--json']).stdout).toMatch(/"total": 0/);
  });

  it('reads the memory from standard input with "-"', () => {
    const run = spawnSync(process.execPath, [CLI, 'remember', '-', '--json'], { input: 'Piped memory text\nwith two lines', env: { ...process.env, ...env }, encoding: 'utf8' });
    expect(JSON.parse(run.stdout).memory.text).toBe('Piped memory text\nwith two lines');
  });
});

describe('reposcout export / import (real bundle)', () => {
  it('export writes JSON Lines that import reads back identically', () => {
    const out = path.join(work, 'export.jsonl');
    expect(cli(['export', '--out', out]).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(498);
    const other = { REPOSCOUT_DB: path.join(work, 'other.db') };
    expect(cli(['import', out], other).code).toBe(0);
    expect(cli(['export'], other).stdout).toBe(fs.readFileSync(out, 'utf8'));
  });
});

describe('reposcout search family: bad input gives one line and exit 2', () => {
  function expectError(args: string[], code: number, pattern: RegExp, extraEnv: NodeJS.ProcessEnv = {}): void {
    const result = cli(args, extraEnv);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trimEnd()).toMatch(pattern);
  }

  it.each([
    [['search', ' '], 2, /query is empty/],
    [['search', 'x', '--kind', 'wiki'], 2, /--kind must be one of repository, issue/],
    [['search', 'x', '--limit', '0'], 2, /--limit must be at least 1/],
    [['search', 'x', '--min-health', 'high'], 2, /--min-health must be a number/],
    [['search', 'x', '--embedder', 'gpt'], 2, /--embedder must be auto, lexical or transformers/],
    [['similar', 'expresss/expresss'], 2, /^reposcout: No repository "expresss\/expresss" in the database; did you mean [^?]+\? Add repositories with "reposcout research <path of a clone>", "reposcout ingest <owner\/repo>" or "reposcout import <file>"\.$/],
    [['recommend'], 2, /--for is required/],
    [['recommend', '--for', 'nobody@example.com'], 2, /^reposcout: No person "nobody@example.com" in the commit history of the stored repositories[^]*\. Add repositories with "reposcout research <path of a clone>"/],
    [['people', 'webtorrent/webtorrent'], 2, /no history in the database \(it was imported as a record\); its commits are read by researching a clone of it\. Run "reposcout research <path of a clone>" first\.$/],
    [['forget', '987654'], 2, /^reposcout: No memory with id 987654; nothing was forgotten\. List the ids with "reposcout memories"\.$/],
    [['forget', 'abc'], 2, /memory ids are numbers/],
    [['remember', ' '], 2, /memory text is empty/],
    [['recall', 'x', '--repo', 'a/b', '--job', 'j'], 2, /at most one of --repo, --pr and --job/],
    [['recall', 'x', '--since', 'last tuesday'], 2, /--since "last tuesday" is not a date/],
    [['search', 'x', '--embedder', 'transformers', '--model-dir', '/nonexistent/model'], 1, /\/nonexistent\/model does not exist.*\(or use the lexical embedder\)\. Pass a complete model folder with --model-dir \(or REPOSCOUT_MODEL_DIR\), run "reposcout embed --download" while online, or use --embedder lexical\.$/],
  ])('%j', (args, code, pattern) => expectError(args, code, pattern));

  it('an invalid import line names the line and imports nothing', () => {
    const bad = path.join(work, 'bad.jsonl');
    fs.writeFileSync(bad, '{"full_name":"a/b"}\n{"full_name":"c/d","stars":"lots"}\n');
    expectError(['import', bad], 2, /Line 2 field "stars".*nothing was imported.*--skip-invalid/);
    expect(cli(['similar', 'a/b']).stderr).toMatch(/No repository "a\/b"/);
  });

  it('a huge query is cut with a notice on stderr and still answers', () => {
    const result = cli(['search', `torrent ${'streaming '.repeat(400)}`, '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^reposcout: The query was cut to its first .* characters \(it had 4,00\d; the limit is 1,000\)\.\n$/);
    expect(JSON.parse(result.stdout).hits.length).toBeGreaterThan(0);
  });
});

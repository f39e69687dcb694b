import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The engine (shared/) speaks to three front doors: the CLI, the MCP server and the VS Code
// extension. Its messages say what was wrong in words every door can show; what to do is a
// typed remedy (shared/protocol/errors.ts) that each door words itself. So no text the engine
// shows may name a CLI command ("reposcout embed") or flag ("--db"). This scans every string
// and template literal in shared/ that reads as prose (it has a space).

const ROOT = path.resolve(__dirname, '..');
const CLI_COMMAND = /\breposcout [a-z]/;
// A flag in a sentence: "--name" ending a word ("--db or", "--db.", "(--as adds"). Not a CSS
// custom property ("--bg: #fff", "var(--accent)", v('--muted')) nor an argv entry ("--grep=^x").
const FLAG = /(?:^|[\s"'`/]|\((?=--[a-z][a-z-]*\s))--[a-z][a-z-]*(?=[\s.,;"/)]|$)/;

// Prose that is really about one CLI, with why. Each entry is [file, a piece of the literal].
const ALLOWED: [string, string, string][] = [
  // `reposcout import` is a CLI command only; no tool or extension command imports records.
  ['shared/exchange/import.ts', 'pass --skip-invalid', 'the import command is CLI-only'],
  // The LLM prose of a portfolio is written only by `reposcout achievements --llm`.
  ['shared/achievements/prose/prose.ts', 'leave out --llm', 'prose is CLI-only (--llm)'],
  ['shared/achievements/prose/anthropic.ts', 'raise --llm-timeout', 'prose is CLI-only (--llm)'],
  ['shared/achievements/prose/anthropic.ts', 'check --llm-model', 'prose is CLI-only (--llm)'],
  // Job notes stored for `reposcout jobs`: no tool resumes or cleans jobs, the CLI does.
  ['shared/orchestrate/recovery.ts', 'reposcout jobs resume', 'only the CLI resumes jobs'],
  ['shared/orchestrate/runner.ts', 'reposcout jobs resume', 'only the CLI resumes jobs'],
  ['shared/orchestrate/disk-budget.ts', 'pass --force', 'only `reposcout jobs clean` removes worktrees'],
  ['shared/orchestrate/clean.ts', 'pass --force', 'only `reposcout jobs clean` removes worktrees'],
  // The worker programs' own flags, not RepoScout's.
  ['shared/protocol/orchestrate.ts', 'its --permission-mode', "the claude worker's own flag"],
  ['shared/protocol/orchestrate.ts', 'claude only: --max-turns', "the claude worker's own flag"],
  ['shared/protocol/orchestrate.ts', 'codex only: --sandbox', "the codex worker's own flag"],
  ['shared/protocol/orchestrate.ts', 'claude/codex: --model', "the workers' own flag"],
  ['shared/orchestrate/safety.ts', 'claude --permission-mode', "the claude worker's own flag"],
  ['shared/orchestrate/safety.ts', '--permission-mode acceptEdits', "the claude worker's own flag"],
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$|\.d\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** Every string and template literal's text in a file, with its line. */
function literals(file: string): { text: string; line: number }[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      found.push({ text: node.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Prose in shared/ that names a CLI command or flag, as "file:line: text". */
function cliWordsInEngine(): string[] {
  return sourceFiles(path.join(ROOT, 'shared')).flatMap((file) => {
    const rel = path.relative(ROOT, file).split(path.sep).join('/');
    return literals(file)
      .filter(({ text }) => /\s/.test(text) && (CLI_COMMAND.test(text) || FLAG.test(text)))
      .filter(({ text }) => !ALLOWED.some(([f, piece]) => f === rel && text.includes(piece)))
      .map(({ text, line }) => `${rel}:${line}: ${text}`);
  });
}

describe('engine messages', () => {
  it('name no CLI command or flag: what to do travels as a remedy each front door words', () => {
    expect(cliWordsInEngine()).toEqual([]);
  });

  it('catches a CLI command and a flag, and leaves CSS variables and argv alone', () => {
    const hits = (text: string) => /\s/.test(text) && (CLI_COMMAND.test(text) || FLAG.test(text));
    expect(hits('run "reposcout ingest acme" again')).toBe(true);
    expect(hits('choose a location with --db or REPOSCOUT_DB.')).toBe(true);
    expect(hits('check the name (--as adds aliases)')).toBe(true);
    expect(hits('color: var(--muted); border: 1px solid var(--border)')).toBe(false);
    expect(hits('--numstat')).toBe(false);
    expect(hits("--bg: #f6f7f9; --grid: rgba(0, 0, 0, 0.1); color: v('--muted');")).toBe(false);
    expect(hits('--grep=^Merge pull request #')).toBe(false);
    expect(hits('widen --since/--until.')).toBe(true);
    expect(hits('the database needs a writable location.')).toBe(false);
  });

  it('allows only entries that still match something', () => {
    const unused = ALLOWED.filter(([file, piece]) => !literals(path.join(ROOT, file)).some(({ text }) => text.includes(piece)));
    expect(unused).toEqual([]);
  });
});

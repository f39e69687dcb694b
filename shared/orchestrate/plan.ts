import fs from 'node:fs';
import path from 'node:path';
import { RepoScoutError } from '../errors';
import { runGit } from '../git/run';
import type { Plan, PlannedSubtask, PlanInput, Selector } from '../protocol/orchestrate';
import { globToRegExp, isGlob } from './glob';
import { branchName } from './job-store';
import { judge } from './safety';

/** Files whose folder is one package, for the `package` selector. */
const PACKAGE_MANIFESTS = ['package.json', 'pyproject.toml', 'setup.py', 'Cargo.toml', 'go.mod', 'pom.xml', 'build.gradle', 'build.gradle.kts', '*.csproj', 'composer.json', 'Gemfile'];
const MAX_SUBTASKS = 200;

interface Draft {
  key: string;
  instruction: string;
  data: unknown;
  expectedFiles: string[];
}

/** The repository a job works on: its top folder and the base commit, checked. */
export async function resolveRepository(repository: string, base: string): Promise<{ root: string; baseCommit: string }> {
  const absolute = path.resolve(repository);
  if (!fs.existsSync(absolute)) throw new RepoScoutError('PATH_NOT_FOUND', `${absolute} does not exist; pass the path of a git repository.`);
  const top = await runGit(absolute, ['rev-parse', '--show-toplevel']).catch((error: unknown) => {
    if ((error as RepoScoutError).code === 'GIT_NOT_FOUND') throw error;
    throw new RepoScoutError('NOT_A_GIT_REPOSITORY', `${absolute} is not inside a git repository; pass the path of a clone (run "git init" and commit first for a new project).`);
  });
  const root = top.stdout.toString('utf8').trim();
  const hasHead = await runGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { okExitCodes: [1] });
  if (hasHead.exitCode !== 0) throw new RepoScoutError('EMPTY_REPOSITORY', `${root} has no commits yet; commit something first: worktrees start from a commit.`);
  if (base.startsWith('-')) throw new RepoScoutError('INVALID_INPUT', `base ${JSON.stringify(base)} is not a commit; pass a branch, tag or SHA.`);
  const resolved = await runGit(root, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`], { okExitCodes: [1] });
  const baseCommit = resolved.stdout.toString('utf8').trim();
  if (resolved.exitCode !== 0 || baseCommit === '') throw new RepoScoutError('INVALID_INPUT', `base ${JSON.stringify(base)} is not a commit in ${root}; pass a branch, tag or SHA (default HEAD).`);
  return { root, baseCommit };
}

/**
 * Turns a job's input into a plan: the subtasks (explicit, or one per package, directory,
 * glob match or list item at the base commit), their expected files and overlaps, the safety
 * judge's verdict for each, and their branch names. Writes nothing.
 */
export async function planJob(input: PlanInput, jobId: string): Promise<Plan> {
  if (input.split && input.subtasks) throw new RepoScoutError('INVALID_INPUT', 'Both split and subtasks were given; pass one of them (split proposes subtasks, subtasks lists them).');
  if (input.worker.kind === 'command' && !input.worker.command) {
    throw new RepoScoutError('INVALID_INPUT', 'The command worker needs a command; give the program and its arguments, for example ["node","fix.mjs"].');
  }
  const { root, baseCommit } = await resolveRepository(input.repository, input.base);
  const files = (await runGit(root, ['-c', 'core.quotepath=off', 'ls-tree', '-r', '-z', '--name-only', baseCommit])).stdout.toString('utf8').split('\0').filter((f) => f !== '');
  const drafts = input.subtasks
    ? input.subtasks.map((st, i) => ({ key: st.key ?? `s${i + 1}`, instruction: st.instruction, data: null, expectedFiles: st.files ?? [] }))
    : input.split
      ? splitBy(input.split, files, input.task)
      : [{ key: 'main', instruction: input.task, data: null, expectedFiles: [] }];
  const warnings: string[] = [];
  if (drafts.length === 0) throw new RepoScoutError('INVALID_INPUT', `The split ${describe(input.split)} matched nothing at ${baseCommit.slice(0, 12)}; check the pattern against "git ls-files".`);
  if (drafts.length > MAX_SUBTASKS) throw new RepoScoutError('INVALID_INPUT', `The split ${describe(input.split)} makes ${drafts.length} subtasks; at most ${MAX_SUBTASKS}: narrow the pattern.`);
  uniqueKeys(drafts);
  const overlaps = findOverlaps(drafts, files);
  const subtasks: PlannedSubtask[] = drafts.map((d) => ({
    key: d.key,
    instruction: d.instruction,
    data: d.data,
    expectedFiles: d.expectedFiles,
    overlapsWith: overlaps.get(d.key) ?? [],
    safety: judge({ instruction: `${input.task}\n${d.instruction}`, worker: input.worker }, input.approveAt),
    branch: branchName(jobId, d.key),
  }));
  const overlapping = subtasks.filter((s) => s.overlapsWith.length > 0).length;
  if (overlapping > 0) warnings.push(`${overlapping} subtasks expect to change the same files; their branches may conflict when merged.`);
  return { repository: root, base: input.base, baseCommit, worker: input.worker.kind, subtasks, warnings };
}

function splitBy(selector: Selector, files: string[], task: string): Draft[] {
  if (selector.by === 'list') {
    return selector.items.map((item) => ({ key: slug(item), instruction: task, data: { item }, expectedFiles: [] }));
  }
  if (selector.by === 'glob') {
    const re = globToRegExp(selector.pattern);
    return files.filter((f) => re.test(f)).map((file) => ({ key: slug(file), instruction: task, data: { file }, expectedFiles: [file] }));
  }
  const dirs = selector.by === 'package' ? packageDirs(files) : allDirs(files);
  const re = selector.pattern ? globToRegExp(selector.pattern) : null;
  return dirs
    .filter((dir) => (re ? re.test(dir) : true))
    .map((dir) => ({ key: slug(dir), instruction: task, data: selector.by === 'package' ? { package: dir } : { directory: dir }, expectedFiles: [`${dir}/**`] }));
}

/** Folders (not the root) holding a package manifest, outside vendored folders. */
function packageDirs(files: string[]): string[] {
  const manifests = PACKAGE_MANIFESTS.map(globToRegExp);
  const dirs = new Set<string>();
  for (const file of files) {
    if (/(^|\/)(node_modules|vendor|third_party)\//.test(file)) continue;
    const slash = file.lastIndexOf('/');
    if (slash === -1) continue;
    if (manifests.some((re) => re.test(file.slice(slash + 1)))) dirs.add(file.slice(0, slash));
  }
  return [...dirs].sort();
}

function allDirs(files: string[]): string[] {
  const dirs = new Set<string>();
  for (const file of files) {
    let slash = file.indexOf('/');
    while (slash !== -1) {
      dirs.add(file.slice(0, slash));
      slash = file.indexOf('/', slash + 1);
    }
  }
  return [...dirs].sort();
}

/** Subtask keys that overlap each key: their expected files, expanded at the base commit, intersect. */
function findOverlaps(drafts: Draft[], files: string[]): Map<string, string[]> {
  const sets = drafts.map((d) => {
    const set = new Set<string>();
    for (const pattern of d.expectedFiles) {
      if (!isGlob(pattern)) set.add(pattern.replace(/^\.\//, ''));
      else {
        const re = globToRegExp(pattern);
        for (const f of files) if (re.test(f)) set.add(f);
      }
    }
    return set;
  });
  const result = new Map<string, string[]>();
  drafts.forEach((a, i) => {
    const keys = drafts.filter((_b, j) => j !== i && [...sets[i]!].some((f) => sets[j]!.has(f))).map((b) => b.key);
    if (keys.length > 0) result.set(a.key, keys);
  });
  return result;
}

/** A branch-safe key: lower-case letters, digits, ".", "_" and "-". */
export function slug(text: string): string {
  const s = text.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/\.{2,}/g, '.').replace(/^[-.]+|[-.]+$/g, '').replace(/\.lock$/, '-lock').slice(0, 60);
  return s === '' ? 'item' : s;
}

function uniqueKeys(drafts: Draft[]): void {
  const seen = new Map<string, number>();
  for (const d of drafts) {
    const n = seen.get(d.key) ?? 0;
    seen.set(d.key, n + 1);
    if (n > 0) d.key = `${d.key}-${n + 1}`;
  }
}

function describe(selector: Selector | undefined): string {
  if (!selector) return 'of the task';
  return selector.by === 'list' ? `by list (${selector.items.length} items)` : `by ${selector.by}${'pattern' in selector && selector.pattern ? ` "${selector.pattern}"` : ''}`;
}

import fs from 'node:fs';
import path from 'node:path';
import { RepoScoutError } from '../errors';
import { runGit } from './run';

/** What RepoScout needs to know about a local clone before reading its history. */
export interface LocalRepository {
  /** Work-tree root (or the git directory of a bare repository), absolute. */
  root: string;
  name: string;
  headSha: string;
  /** Current branch name, or null on a detached HEAD. */
  branch: string | null;
  isShallow: boolean;
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** Validates `inputPath` as a git repository with at least one commit and describes it. */
export async function inspectRepository(inputPath: string): Promise<LocalRepository> {
  const absolute = path.resolve(inputPath);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch {
    throw new RepoScoutError('PATH_NOT_FOUND', `No such folder: ${absolute}; pass the path of a local git clone.`);
  }
  if (!stat.isDirectory()) {
    throw new RepoScoutError('NOT_A_GIT_REPOSITORY', `${absolute} is a file, not a folder; pass the folder of a local git clone.`);
  }
  let lines: string[];
  try {
    const { stdout } = await runGit(absolute, ['rev-parse', '--is-bare-repository', '--is-shallow-repository', '--absolute-git-dir']);
    lines = stdout.toString('utf8').trim().split('\n');
  } catch (error) {
    if (error instanceof RepoScoutError && error.code === 'GIT_NOT_FOUND') throw error;
    throw new RepoScoutError('NOT_A_GIT_REPOSITORY', `${absolute} is not inside a git repository; run "git init" there or pass the folder of a clone.`);
  }
  const [isBare, isShallow, gitDir] = lines;
  let root = gitDir ?? absolute;
  if (isBare !== 'true') {
    const { stdout } = await runGit(absolute, ['rev-parse', '--show-toplevel']);
    root = stdout.toString('utf8').trim();
  }
  const head = await runGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { okExitCodes: [1, 128] });
  const headSha = head.stdout.toString('utf8').trim();
  if (head.exitCode !== 0 || !SHA.test(headSha)) {
    throw new RepoScoutError('EMPTY_REPOSITORY', `${root} has no commits yet; commit something first, then run again.`);
  }
  const branchResult = await runGit(root, ['symbolic-ref', '--quiet', '--short', 'HEAD'], { okExitCodes: [1, 128] });
  const branch = branchResult.exitCode === 0 ? branchResult.stdout.toString('utf8').trim() : null;
  const base = path.basename(root);
  const name = isBare === 'true' && base === '.git' ? path.basename(path.dirname(root)) : base.replace(/\.git$/, '');
  return { root, name, headSha, branch, isShallow: isShallow === 'true' };
}

/** True when `ancestor` exists and is reachable from `descendant`. */
export async function isAncestor(repoDir: string, ancestor: string, descendant: string): Promise<boolean> {
  if (!SHA.test(ancestor) || !SHA.test(descendant)) return false;
  const { exitCode } = await runGit(repoDir, ['merge-base', '--is-ancestor', ancestor, descendant], { okExitCodes: [1, 128] });
  return exitCode === 0;
}

export interface TagRef {
  name: string;
  /** The commit the tag points at (peeled for annotated tags). */
  sha: string;
  /** Tagger date for annotated tags, committer date otherwise; unix seconds. */
  taggedAt: number | null;
}

/** Every tag with the commit it points at. */
export async function listTags(repoDir: string): Promise<TagRef[]> {
  const { stdout } = await runGit(repoDir, [
    'for-each-ref',
    'refs/tags',
    '--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)%00%(creatordate:unix)%00',
  ]);
  const fields = stdout.toString('utf8').split('\0');
  const tags: TagRef[] = [];
  for (let i = 0; i + 3 < fields.length; i += 4) {
    const name = fields[i]!.replace(/^\n/, '');
    const sha = fields[i + 2] || fields[i + 1] || '';
    const when = Number(fields[i + 3]);
    if (name && SHA.test(sha)) tags.push({ name, sha, taggedAt: Number.isFinite(when) && when > 0 ? when : null });
  }
  return tags;
}

export function isSha(value: string): boolean {
  return SHA.test(value);
}

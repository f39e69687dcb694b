import { spawn } from 'node:child_process';
import { gitEnv, runGit } from './run';

/** One file in a commit's tree. `size` is in bytes; null for submodules. */
export interface TreeEntry {
  path: string;
  size: number | null;
}

/** Every file in the tree of `sha` (recursive), read from the object store, not the work tree. */
export async function listTree(repoDir: string, sha: string, signal?: AbortSignal): Promise<TreeEntry[]> {
  const { stdout } = await runGit(repoDir, ['ls-tree', '-r', '-z', '--long', '--full-tree', sha], signal ? { signal } : {});
  const entries: TreeEntry[] = [];
  for (const record of stdout.toString('utf8').split('\0')) {
    if (record === '') continue;
    // "<mode> SP <type> SP <object> SP+ <size> TAB <path>"
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const meta = record.slice(0, tab).trim().split(/\s+/);
    const size = meta[3] === '-' || meta[3] === undefined ? null : Number(meta[3]);
    entries.push({ path: record.slice(tab + 1), size });
  }
  return entries;
}

/**
 * The first `maxBytes` of a file at `sha` as UTF-8 text, or null if it is absent. Holds at most
 * `maxBytes` (plus one pipe read) in memory however large the blob: git is stopped once enough
 * has arrived. `size` (from listTree) lets an empty file skip git altogether.
 */
export async function readFileAt(repoDir: string, sha: string, filePath: string, maxBytes = 64 * 1024, size?: number | null): Promise<string | null> {
  if (size === 0) return '';
  // "<sha>:<path>" is one argument; git resolves it, no shell involved.
  const child = spawn('git', ['cat-file', 'blob', `${sha}:${filePath}`], { cwd: repoDir, env: gitEnv(), stdio: ['ignore', 'pipe', 'ignore'] });
  const exited = new Promise<number | null>((resolve) => {
    child.on('error', () => resolve(null));
    child.on('close', (code) => resolve(code));
  });
  const kept: Buffer[] = [];
  let keptBytes = 0;
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    kept.push(chunk.subarray(0, maxBytes - keptBytes));
    keptBytes += Math.min(chunk.length, maxBytes - keptBytes);
    if (keptBytes >= maxBytes) break; // leaving the loop destroys stdout
  }
  const complete = keptBytes < maxBytes;
  if (!complete) child.kill();
  const code = await exited;
  // Stopped early on purpose, or git finished: either way the bytes kept are the file's start.
  if (complete && code !== 0) return null;
  return Buffer.concat(kept).toString('utf8');
}

import { runGit } from './run';

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

/** The first `maxBytes` of a file at `sha` as UTF-8 text, or null if it is absent. */
export async function readFileAt(repoDir: string, sha: string, filePath: string, maxBytes = 64 * 1024): Promise<string | null> {
  try {
    // "<sha>:<path>" is one argument; git resolves it, no shell involved.
    const { stdout } = await runGit(repoDir, ['cat-file', 'blob', `${sha}:${filePath}`]);
    return stdout.subarray(0, maxBytes).toString('utf8');
  } catch {
    return null;
  }
}

import { spawn } from 'node:child_process';
import { gitEnv, translateSpawnError } from './run';

/**
 * Reads many blobs ("<commit>:<path>") with one `git cat-file --batch` process instead of
 * one git per file. Returns each spec's text, or null where the object does not exist.
 */
export function readBlobs(repoDir: string, specs: readonly string[], signal?: AbortSignal): Promise<Map<string, string | null>> {
  const result = new Map<string, string | null>();
  if (specs.length === 0) return Promise.resolve(result);
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: repoDir, env: gitEnv(), stdio: ['pipe', 'pipe', 'ignore'], signal });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => reject(translateSpawnError(error)));
    child.on('close', () => {
      const out = Buffer.concat(chunks);
      let at = 0;
      for (const spec of specs) {
        const eol = out.indexOf(0x0a, at);
        if (eol === -1) break;
        const header = out.subarray(at, eol).toString('utf8');
        at = eol + 1;
        const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
        if (!match) {
          result.set(spec, null); // "<spec> missing" or "ambiguous"
          continue;
        }
        const size = Number(match[2]);
        result.set(spec, match[1] === 'blob' ? out.subarray(at, at + size).toString('utf8') : null);
        at += size + 1; // content, then a newline
      }
      resolve(result);
    });
    // Specs with a newline would desynchronise the batch; git paths from numstat cannot contain one unquoted.
    child.stdin.end(specs.filter((s) => !s.includes('\n')).join('\n') + '\n');
  });
}

import fs from 'node:fs';

// The database holds private-repository text fetched with the user's token, and memories;
// reports and exports quote it. On POSIX these are owner-only: folders 0700, files 0600.
// Windows has no mode bits (its per-user folders are already private), so nothing is done there.

const POSIX = process.platform !== 'win32';
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (and missing parents) owner-only. An existing folder keeps its mode: it may be the user's own. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Writes `text` to `file` owner-only, tightening the mode if the file already existed. */
export function writePrivateFile(file: string, text: string): void {
  fs.writeFileSync(file, text, { encoding: 'utf8', mode: PRIVATE_FILE_MODE });
  if (POSIX) fs.chmodSync(file, PRIVATE_FILE_MODE);
}

/**
 * Before SQLite opens `dbPath`: creates a missing database file owner-only (SQLite would make it
 * 0644, and gives its -wal and -shm files the database's mode), or returns a one-line warning
 * when an existing one can be read or written by others. Null when all is well.
 */
export function prepareDatabaseFile(dbPath: string): string | null {
  if (!POSIX) return null;
  try {
    fs.closeSync(fs.openSync(dbPath, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY, PRIVATE_FILE_MODE));
    return null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return null; // SQLite reports why it cannot open
  }
  const stat = fs.statSync(dbPath);
  const mode = stat.mode & 0o777;
  if (!stat.isFile() || (mode & 0o077) === 0) return null;
  return `${dbPath} is readable by other users (mode ${mode.toString(8).padStart(4, '0')}) but holds repository text and memories; run "chmod 600 ${dbPath}" to make it private.`;
}

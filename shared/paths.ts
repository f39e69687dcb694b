import os from 'node:os';
import path from 'node:path';

/**
 * The per-user data folder RepoScout keeps its database in:
 * $XDG_DATA_HOME/reposcout (default ~/.local/share/reposcout) on Linux,
 * ~/Library/Application Support/RepoScout on macOS, %LOCALAPPDATA%\RepoScout on Windows.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'RepoScout');
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'RepoScout');
  const xdg = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.join(home, '.local', 'share');
  return path.join(xdg, 'reposcout');
}

/** Database path: explicit flag, then REPOSCOUT_DB, then the data folder. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag ?? env.REPOSCOUT_DB;
  if (chosen && chosen.trim() !== '') return path.resolve(chosen);
  return path.join(defaultDataDir(env), 'reposcout.db');
}

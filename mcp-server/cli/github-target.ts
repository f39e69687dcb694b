import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseGitHubTarget, type GitHubTarget } from '../../shared/github/target';

export type CommandTarget = { kind: 'local'; path: string } | { kind: 'github'; target: GitHubTarget };

/**
 * `research` and `report` take a local folder or a GitHub owner[/repo]: an existing folder,
 * or anything starting with '.', '/' or '~', is local; everything else must be a valid
 * GitHub name (checked here, before any request).
 */
export function classifyTarget(argument: string): CommandTarget {
  if (argument === '~' || argument.startsWith('~/')) return { kind: 'local', path: path.join(os.homedir(), argument.slice(1)) };
  if (argument.startsWith('.') || argument.startsWith('/') || path.isAbsolute(argument)) return { kind: 'local', path: argument };
  try {
    if (fs.statSync(argument).isDirectory()) return { kind: 'local', path: argument };
  } catch {
    // Not a folder here: read it as a GitHub name.
  }
  return { kind: 'github', target: parseGitHubTarget(argument) };
}

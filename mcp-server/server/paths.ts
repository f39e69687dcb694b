import os from 'node:os';
import path from 'node:path';

/** Expands a leading "~" to the home folder, as a shell would; agents often write paths that way. */
export function expandHome(input: string): string {
  if (input === '~') return os.homedir();
  if (input.startsWith('~/')) return path.join(os.homedir(), input.slice(2));
  return input;
}

/** True when `ref` reads as a file-system path rather than a key or a name. */
export function looksLikePath(ref: string): boolean {
  return path.isAbsolute(ref) || ref === '.' || ref === '..' || ref.startsWith('./') || ref.startsWith('../') || ref === '~' || ref.startsWith('~/');
}

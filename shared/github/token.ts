import fs from 'node:fs';
import { RepoScoutError } from '../errors';
import type { Remedy } from '../protocol/errors';

const FIX_TOKEN_FILE: { remedy: Remedy } = { remedy: { do: 'fix_input', input: 'tokenFile' } };

/** Where the token came from, for messages (never the token itself). */
export type TokenSource = 'GITHUB_TOKEN' | 'GH_TOKEN' | 'token file' | 'none';

export interface ResolvedToken {
  token: string | null;
  source: TokenSource;
}

/**
 * The GitHub token: --token-file, then GITHUB_TOKEN, then GH_TOKEN; none means public data
 * at the unauthenticated rate. The token stays in memory: it is never written anywhere.
 */
export function resolveToken(tokenFile: string | undefined, env: NodeJS.ProcessEnv = process.env): ResolvedToken {
  if (tokenFile !== undefined) {
    let text: string;
    try {
      text = fs.readFileSync(tokenFile, 'utf8');
    } catch (error) {
      throw new RepoScoutError('INVALID_INPUT', `Cannot read the token file ${tokenFile} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check its path.`, FIX_TOKEN_FILE);
    }
    const token = text.split(/\r?\n/).find((line) => line.trim() !== '')?.trim() ?? '';
    if (token === '') throw new RepoScoutError('INVALID_INPUT', `The token file ${tokenFile} is empty; put a GitHub token on its first line.`, FIX_TOKEN_FILE);
    if (/\s/.test(token)) throw new RepoScoutError('INVALID_INPUT', `The first line of the token file ${tokenFile} contains spaces; it should hold only the token.`, FIX_TOKEN_FILE);
    return { token, source: 'token file' };
  }
  for (const name of ['GITHUB_TOKEN', 'GH_TOKEN'] as const) {
    const value = env[name]?.trim();
    if (value) return { token: value, source: name };
  }
  return { token: null, source: 'none' };
}

/** Replaces every occurrence of `secret` in `text` (for error text that quotes a server). */
export function redact(text: string, secret: string | null): string {
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join('[token]');
}

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { RepoScoutError } from '../../shared/errors';

export const TOKEN_ENV = 'REPOSCOUT_MCP_TOKEN';
const MIN_LENGTH = 16;

export interface BearerToken {
  token: string;
  source: 'file' | 'env' | 'generated';
}

/**
 * The bearer token HTTP clients must send: from --token-file, else $REPOSCOUT_MCP_TOKEN,
 * else a fresh random one for this run (the caller prints it to stderr).
 */
export function resolveToken(tokenFile: string | undefined, env: NodeJS.ProcessEnv = process.env): BearerToken {
  if (tokenFile !== undefined) {
    let text: string;
    try {
      text = fs.readFileSync(tokenFile, 'utf8');
    } catch (error) {
      throw new RepoScoutError('PATH_NOT_FOUND', `Cannot read --token-file ${tokenFile} (${(error as NodeJS.ErrnoException).code ?? 'error'}); pass a readable file holding the token.`);
    }
    return { token: checked(text.trim(), `the token in ${tokenFile}`), source: 'file' };
  }
  const fromEnv = env[TOKEN_ENV]?.trim();
  if (fromEnv) return { token: checked(fromEnv, TOKEN_ENV), source: 'env' };
  return { token: randomBytes(32).toString('base64url'), source: 'generated' };
}

function checked(token: string, where: string): string {
  if (token.length < MIN_LENGTH || /\s/.test(token)) {
    throw new RepoScoutError(
      'INVALID_INPUT',
      `${where} must be at least ${MIN_LENGTH} characters with no spaces; use a long random value such as the output of "openssl rand -hex 32".`,
    );
  }
  return token;
}

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { defaultDataDir } from '../../shared/paths';
import { ensurePrivateDir, writePrivateFile } from '../../shared/private-files';
import { RepoScoutError } from '../../shared/errors';

export const TOKEN_ENV = 'REPOSCOUT_MCP_TOKEN';
const MIN_LENGTH = 16;

export interface BearerToken {
  token: string;
  source: 'file' | 'env' | 'generated';
}

/**
 * The bearer token HTTP clients must send: from --token-file, else $REPOSCOUT_MCP_TOKEN,
 * else a fresh random one for this run (the caller writes it with writeGeneratedToken).
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

/**
 * Writes a generated token to an owner-only file in the data folder and returns its path, so
 * the token itself never goes to stderr, where logs keep it. One file per port, removed by
 * the returned `remove` when the server stops.
 */
export function writeGeneratedToken(token: string, port: number, env: NodeJS.ProcessEnv = process.env): { file: string; remove(): void } {
  const dir = defaultDataDir(env);
  ensurePrivateDir(dir);
  const file = path.join(dir, `mcp-http-${port}.token`);
  writePrivateFile(file, `${token}\n`);
  return { file, remove: () => fs.rmSync(file, { force: true }) };
}

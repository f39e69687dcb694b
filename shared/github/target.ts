import { RepoScoutError } from '../errors';
import { isValidLogin } from '../protocol/limits';

/** What to ingest: every repository of an owner, or one repository. */
export interface GitHubTarget {
  owner: string;
  repo: string | null;
}

// Repository names: letters, digits, '.', '-', '_'; at most 100 characters; not '.' or '..'.
const REPO = /^[A-Za-z0-9._-]{1,100}$/;

export { isValidLogin };

/** True when `name` is a valid GitHub repository name. */
export function isValidRepositoryName(name: string): boolean {
  return REPO.test(name) && name !== '.' && name !== '..' && !name.toLowerCase().endsWith('.git');
}

/**
 * Parses "owner" or "owner/repo" (an https://github.com/... URL is accepted too) and
 * rejects anything GitHub could not hold, before a single request is made.
 */
export function parseGitHubTarget(input: string): GitHubTarget {
  const raw = input.trim().replace(/^https?:\/\/[^/]+\//i, '').replace(/\/+$/, '');
  const parts = raw.split('/');
  if (raw === '' || parts.length > 2) {
    throw new RepoScoutError('INVALID_INPUT', `"${input}" is not a GitHub owner or owner/repository; write it as "octo-org" or "octo-org/hello-world".`);
  }
  const [owner = '', repo] = parts;
  if (!isValidLogin(owner)) {
    throw new RepoScoutError(
      'INVALID_INPUT',
      `"${owner}" is not a valid GitHub user or organization name (1-39 letters, digits or single hyphens, no leading or trailing hyphen).`,
    );
  }
  if (repo !== undefined && !isValidRepositoryName(repo)) {
    throw new RepoScoutError('INVALID_INPUT', `"${repo}" is not a valid GitHub repository name (up to 100 letters, digits, '.', '-' or '_').`);
  }
  return { owner, repo: repo ?? null };
}

/** The store key of a GitHub repository: 'github:<owner>/<name>' (GHES hosts add '@host'). */
export function githubRepositoryKey(host: string, owner: string, name: string): string {
  const suffix = host === 'github.com' ? '' : `@${host}`;
  return `github:${owner.toLowerCase()}/${name.toLowerCase()}${suffix}`;
}

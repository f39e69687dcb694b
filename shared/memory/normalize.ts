import { RepoScoutError } from '../errors';
import { MAX_MEMORY_CHARS } from '../protocol/limits';
import type { MemoryLink } from './types';

export { MAX_MEMORY_CHARS };
export const MAX_TAGS = 32;

/** Trimmed memory text; empty or longer than 20,000 characters is INVALID_INPUT. */
export function memoryText(raw: string): string {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (text === '') throw new RepoScoutError('INVALID_INPUT', 'The memory text is empty; say what to remember.');
  if (text.length > MAX_MEMORY_CHARS) {
    throw new RepoScoutError(
      'INVALID_INPUT',
      `The memory is ${text.length.toLocaleString('en-US')} characters long; the limit is ${MAX_MEMORY_CHARS.toLocaleString('en-US')}. Split it into smaller memories or link to a document instead.`,
    );
  }
  return text;
}

/** Lower-cased, de-duplicated tags of letters, digits and . _ : / - (e.g. "perf", "area/search"). */
export function normalizeTags(raw: readonly string[]): string[] {
  const tags = [...new Set(raw.map((t) => t.trim().toLowerCase()).filter((t) => t !== ''))];
  for (const tag of tags) {
    if (tag.length > 64 || !/^[\p{L}\p{N}][\p{L}\p{N}._:/-]*$/u.test(tag)) {
      throw new RepoScoutError('INVALID_INPUT', `Tag "${tag}" is not allowed; use up to 64 letters, digits and . _ : / - (starting with a letter or digit).`);
    }
  }
  if (tags.length > MAX_TAGS) throw new RepoScoutError('INVALID_INPUT', `A memory takes at most ${MAX_TAGS} tags, got ${tags.length}.`);
  return tags.sort();
}

/** Canonical link targets: 'owner/name' and GitHub URLs become github: keys; PRs '<repo key>#<n>'. */
export function normalizeLink(link: MemoryLink): MemoryLink {
  const target = link.target.trim();
  if (target === '' || target.length > 2_000) throw new RepoScoutError('INVALID_INPUT', `A ${link.kind} link needs a target of 1 to 2,000 characters.`);
  if (link.kind === 'job') return { kind: 'job', target };
  if (link.kind === 'repository') return { kind: 'repository', target: repositoryKey(target) ?? fail(link.kind, target, 'owner/name, github:owner/name, a GitHub URL or local:/path') };
  const url = /^https?:\/\/(?:www\.)?github\.com\/([^/\s]+)\/([^/\s]+)\/pull\/(\d+)\/?$/i.exec(target);
  if (url) return { kind: 'pull_request', target: `github:${url[1]}/${url[2]}#${url[3]}` };
  const hash = /^(.+)#(\d+)$/.exec(target);
  const repo = hash ? repositoryKey(hash[1]!) : null;
  if (!hash || !repo) return fail(link.kind, target, 'owner/name#123, a repository key with #123, or a GitHub pull request URL');
  return { kind: 'pull_request', target: `${repo}#${hash[2]}` };
}

function repositoryKey(ref: string): string | null {
  if (/^(github:[^/\s]+\/[^/\s]+|local:.+)$/.test(ref)) return ref;
  const url = /^https?:\/\/(?:www\.)?github\.com\/([^/\s]+)\/([^/\s#?]+?)(?:\.git)?\/?$/i.exec(ref);
  if (url) return `github:${url[1]}/${url[2]}`;
  if (/^[\w.-]+\/[\w.-]+$/.test(ref)) return `github:${ref}`;
  return null;
}

function fail(kind: string, target: string, expected: string): never {
  throw new RepoScoutError('INVALID_INPUT', `"${target}" is not a ${kind.replace('_', ' ')} reference; use ${expected}.`);
}

/** Word-set overlap (Jaccard), the textual guard on near-duplicate merges. */
export function wordOverlap(a: string, b: string): number {
  const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const x = words(a);
  const y = words(b);
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared += 1;
  return shared / (x.size + y.size - shared);
}

/** True when both texts mention the same set of tokens that contain digits (numbers, versions, ids). */
export function sameNumbers(a: string, b: string): boolean {
  const numbers = (s: string) =>
    [...new Set((s.toLowerCase().match(/[\p{L}\p{N}.]*\p{N}[\p{L}\p{N}.]*/gu) ?? []).map((t) => t.replace(/^\.+|\.+$/g, '')))].sort().join(' ');
  return numbers(a) === numbers(b);
}

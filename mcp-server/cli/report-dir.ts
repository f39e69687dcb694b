import path from 'node:path';

/** Default report folder for a repository: ./reposcout-reports/<safe name>. */
export function reportDirFor(repositoryName: string): string {
  // The name comes from a folder name; keep it to one safe path segment.
  const safe = repositoryName.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[.-]+/, '') || 'repository';
  return path.resolve('reposcout-reports', safe);
}

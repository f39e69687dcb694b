import path from 'node:path';
import { ensurePrivateDir, writePrivateFile } from '../private-files';
import type { RepositoryResearch } from '../research/types';
import { renderRepositoryHtml } from './html';
import { renderRepositoryMarkdown } from './markdown';

/** Writes report.md and report.html into `outDir` (created if missing) and returns their absolute paths. */
export function writeRepositoryReports(r: RepositoryResearch, outDir: string): { markdownPath: string; htmlPath: string } {
  const dir = path.resolve(outDir);
  ensurePrivateDir(dir);
  const markdownPath = path.join(dir, 'report.md');
  const htmlPath = path.join(dir, 'report.html');
  // Render both before writing either, so a rendering error leaves no half-updated pair.
  const markdown = renderRepositoryMarkdown(r);
  const html = renderRepositoryHtml(r);
  writePrivateFile(markdownPath, markdown);
  writePrivateFile(htmlPath, html);
  return { markdownPath, htmlPath };
}

import fs from 'node:fs';
import path from 'node:path';
import type { RepositoryResearch } from '../research/types';
import { renderRepositoryHtml } from './html';
import { renderRepositoryMarkdown } from './markdown';

/** Writes report.md and report.html into `outDir` (created if missing) and returns their absolute paths. */
export function writeRepositoryReports(r: RepositoryResearch, outDir: string): { markdownPath: string; htmlPath: string } {
  const dir = path.resolve(outDir);
  fs.mkdirSync(dir, { recursive: true });
  const markdownPath = path.join(dir, 'report.md');
  const htmlPath = path.join(dir, 'report.html');
  // Render both before writing either, so a rendering error leaves no half-updated pair.
  const markdown = renderRepositoryMarkdown(r);
  const html = renderRepositoryHtml(r);
  fs.writeFileSync(markdownPath, markdown, 'utf8');
  fs.writeFileSync(htmlPath, html, 'utf8');
  return { markdownPath, htmlPath };
}

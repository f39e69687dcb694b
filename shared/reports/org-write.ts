import path from 'node:path';
import { ensurePrivateDir, writePrivateFile } from '../private-files';
import type { OrganizationResearch } from '../research/org-types';
import { renderOrganizationHtml } from './org-html';
import { renderOrganizationMarkdown } from './org-markdown';

export interface OrganizationReportPaths {
  markdownPath: string;
  htmlPath: string;
  /** The collaboration network in graphology's JSON format (people × repositories plus co-contribution edges). */
  graphPath: string;
}

/** Writes report.md, report.html and graph.json into `outDir` (created if missing) and returns their absolute paths. */
export function writeOrganizationReports(r: OrganizationResearch, outDir: string): OrganizationReportPaths {
  const dir = path.resolve(outDir);
  ensurePrivateDir(dir);
  // Render everything before writing anything, so a rendering error leaves no half-updated set.
  const markdown = renderOrganizationMarkdown(r);
  const html = renderOrganizationHtml(r);
  const graph = JSON.stringify({ owner: r.owner.login, generatedAt: r.analyzedAt, ...r.network.graph }, null, 1);
  const paths = { markdownPath: path.join(dir, 'report.md'), htmlPath: path.join(dir, 'report.html'), graphPath: path.join(dir, 'graph.json') };
  writePrivateFile(paths.markdownPath, markdown);
  writePrivateFile(paths.htmlPath, html);
  writePrivateFile(paths.graphPath, graph);
  return paths;
}

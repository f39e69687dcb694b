import fs from 'node:fs';
import path from 'node:path';
import type { Portfolio } from '../../protocol/achievements';
import { renderPortfolioHtml } from './html';
import { renderPortfolioJson } from './json';
import { renderPortfolioMarkdown } from './markdown';
import { findBrowser, printPdf } from './pdf';

export const EXPORT_FORMATS = ['md', 'html', 'json', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface WrittenExports {
  files: { format: ExportFormat; path: string }[];
  /** what could not be written and why (a PDF without a browser) */
  notices: string[];
}

/**
 * Writes the chosen formats to `outDir` as portfolio.{md,html,json,pdf}. A PDF needs the
 * HTML first (it is printed from it), so asking for pdf writes the HTML too; without a
 * browser the PDF is skipped with a notice naming the HTML to print by hand.
 */
export async function writePortfolio(
  p: Portfolio,
  outDir: string,
  formats: readonly ExportFormat[],
  // locateBrowser: how to find a browser when --browser is not given (tests pass one that finds none)
  options: { browser?: string; signal?: AbortSignal; locateBrowser?: () => string | null } = {},
): Promise<WrittenExports> {
  fs.mkdirSync(outDir, { recursive: true });
  const written: WrittenExports = { files: [], notices: [] };
  const write = (format: ExportFormat, text: string) => {
    const file = path.join(outDir, `portfolio.${format}`);
    fs.writeFileSync(file, text);
    written.files.push({ format, path: file });
    return file;
  };
  if (formats.includes('json')) write('json', renderPortfolioJson(p));
  if (formats.includes('md')) write('md', renderPortfolioMarkdown(p));
  if (formats.includes('html') || formats.includes('pdf')) {
    const html = write('html', renderPortfolioHtml(p));
    if (formats.includes('pdf')) {
      const browser = options.browser === undefined && options.locateBrowser ? options.locateBrowser() : findBrowser(options.browser);
      if (browser === null) {
        written.notices.push(`No Chromium-family browser found for the PDF; open ${html} in a browser and print it, or name a browser to print with.`);
      } else {
        const pdf = path.join(outDir, 'portfolio.pdf');
        await printPdf(browser, html, pdf, options.signal);
        written.files.push({ format: 'pdf', path: pdf });
      }
    }
  }
  return written;
}

import { NoBrowserError, type PortfolioExportFormat } from '../engine/achievements';

// Saving one export where the user chose; a PDF on a machine without a Chromium-family
// browser becomes the HTML next to it, with the reason. Pure (I/O passed in), so tested
// without VS Code.

export const EXPORT_CHOICES: { format: PortfolioExportFormat; label: string; detail: string; filter: string }[] = [
  { format: 'html', label: 'HTML', detail: 'One self-contained page with the charts; opens in any browser', filter: 'HTML' },
  { format: 'pdf', label: 'PDF', detail: 'Printed from the HTML by a Chromium-family browser on this machine', filter: 'PDF' },
  { format: 'md', label: 'Markdown', detail: 'Tables and text, for a wiki or a pull request', filter: 'Markdown' },
  { format: 'json', label: 'JSON', detail: 'Every figure as data, valid against the published JSON Schema', filter: 'JSON' },
];

export type ExportOutcome = { kind: 'saved'; format: PortfolioExportFormat; path: string } | { kind: 'htmlInstead'; path: string; reason: string };

/** The same path with an .html extension, for the PDF's stand-in. */
export function htmlSibling(file: string): string {
  return /\.[^./\\]+$/.test(file) ? file.replace(/\.[^./\\]+$/, '.html') : `${file}.html`;
}

/** A file name from whose portfolio it is: "portfolio-alice-example-com.pdf". */
export function defaultFileName(who: string, format: PortfolioExportFormat): string {
  const slug = who.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'developer';
  return `portfolio-${slug}.${format}`;
}

export async function saveExport(
  format: PortfolioExportFormat,
  target: string,
  fetch: (format: PortfolioExportFormat) => Promise<Uint8Array>,
  write: (path: string, bytes: Uint8Array) => Promise<void>,
): Promise<ExportOutcome> {
  try {
    await write(target, await fetch(format));
    return { kind: 'saved', format, path: target };
  } catch (error) {
    if (!(error instanceof NoBrowserError) || format !== 'pdf') throw error;
    const html = htmlSibling(target);
    await write(html, await fetch('html'));
    return { kind: 'htmlInstead', path: html, reason: error.message };
  }
}

/** What the notification says about an outcome. */
export function exportMessage(outcome: ExportOutcome): string {
  if (outcome.kind === 'saved') return `RepoScout: Saved the portfolio (${outcome.format.toUpperCase()}) to ${outcome.path}.`;
  return `RepoScout: ${outcome.reason.replace(/\.?$/, '.')} Saved the HTML instead, at ${outcome.path}: open it in a browser and print it to PDF.`;
}

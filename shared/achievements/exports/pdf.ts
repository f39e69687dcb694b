import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RepoScoutError } from '../../errors';
import type { Remedy } from '../../protocol/errors';

const FIX_BROWSER: { remedy: Remedy } = { remedy: { do: 'fix_input', input: 'browser' } };

// Chromium-family browsers by their usual install paths, most common first.
const CANDIDATES = [
  '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge', '/usr/bin/brave-browser', '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** The browser to print with: the one named, else $CHROME_PATH, else the first known install path that exists; null if none. */
export function findBrowser(explicit?: string): string | null {
  if (explicit !== undefined) {
    if (!fs.existsSync(explicit)) throw new RepoScoutError('PATH_NOT_FOUND', `No browser at ${explicit}; it needs the path of a Chromium, Chrome, Edge or Brave executable.`, FIX_BROWSER);
    return explicit;
  }
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((c) => fs.existsSync(c)) ?? null;
}

/**
 * Prints an HTML file to PDF with a headless Chromium-family browser (its own throwaway
 * profile, no network needed: the HTML is self-contained). Times out after 90 s.
 */
export async function printPdf(browser: string, htmlPath: string, pdfPath: string, signal?: AbortSignal): Promise<void> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'reposcout-pdf-'));
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        browser,
        ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions', '--disable-background-networking', '--no-pdf-header-footer',
          `--user-data-dir=${profile}`, `--print-to-pdf=${pdfPath}`, '--virtual-time-budget=5000', pathToFileURL(htmlPath).href],
        { stdio: ['ignore', 'ignore', 'pipe'], signal, timeout: 90_000 },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-2_000)));
      child.on('error', (error) => reject(new RepoScoutError('INVALID_INPUT', `Could not start the browser at ${browser} (${error.message}); another browser is needed.`, FIX_BROWSER)));
      child.on('close', (code) => {
        if (code === 0 && fs.existsSync(pdfPath) && fs.statSync(pdfPath).size > 0) resolve();
        else reject(new RepoScoutError('EXPORT_FAILED', `The browser at ${browser} did not write a PDF (exit ${code}): ${stderr.trim().split('\n').at(-1) ?? ''}. The HTML report is at ${htmlPath}.`));
      });
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

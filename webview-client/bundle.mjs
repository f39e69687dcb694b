// Builds the HTML report's browser script (webview-client/report-page.ts) and hands it, with
// its stylesheets, to the engine as the module `virtual:report-page`: esbuild.config.mjs
// embeds it in dist/reposcout.mjs, vitest.config.ts serves it to tests. One build, so the
// report a test opens runs the very code the CLI inlines.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

export const REPORT_PAGE_MODULE = 'virtual:report-page';

/** esbuild options for every browser script (webviews and the HTML report): one IIFE, no CDN. */
export const browserBuild = { bundle: true, platform: 'browser', target: 'chrome120', format: 'iife', minify: true, sourcemap: false, logLevel: 'warning' };

/** The source of `virtual:report-page`: `reportScript` (the bundle) and `reportStyles` (theme + webview stylesheet). */
export async function reportPageModule(root) {
  const result = await build({ ...browserBuild, entryPoints: [path.join(root, 'webview-client', 'report-page.ts')], write: false });
  const script = result.outputFiles[0].text;
  const styles = [path.join(root, 'webview-client', 'report-page.css'), path.join(root, 'media', 'webview.css')].map((file) => fs.readFileSync(file, 'utf8')).join('\n');
  return `export const reportScript = ${JSON.stringify(script)};\nexport const reportStyles = ${JSON.stringify(styles)};\n`;
}

/** For esbuild builds of the engine. */
export function reportPageEsbuildPlugin(root) {
  return {
    name: 'report-page',
    setup(b) {
      b.onResolve({ filter: /^virtual:report-page$/ }, () => ({ path: 'report-page', namespace: 'reposcout-report-page' }));
      b.onLoad({ filter: /.*/, namespace: 'reposcout-report-page' }, async () => ({ contents: await reportPageModule(root), loader: 'js', resolveDir: root }));
    },
  };
}

/** For vitest (a Vite plugin). */
export function reportPageVitePlugin(root) {
  const id = `\0${REPORT_PAGE_MODULE}`;
  return {
    name: 'report-page',
    resolveId: (source) => (source === REPORT_PAGE_MODULE ? id : undefined),
    load: (source) => (source === id ? reportPageModule(root) : undefined),
  };
}

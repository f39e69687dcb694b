// Builds the self-contained HTML pages' browser scripts (webview-client/*-page.ts) and hands
// each, with its stylesheets, to the engine as a module `virtual:<page>`: esbuild.config.mjs
// embeds them in dist/reposcout.mjs, vitest.config.ts serves them to tests. One build per
// page, so the page a test opens runs the very code the CLI inlines.
//
// A new page is one line in PAGES plus its entry file; shared/reports/pages.d.ts already
// types every `virtual:*-page` module as `{ script, styles }`.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

/** The pages, by module name (`virtual:<name>`): entry script and stylesheets, relative to the repository root. */
export const PAGES = {
  'report-page': { entry: 'webview-client/report-page.ts', styles: ['webview-client/report-page.css', 'media/webview.css'] },
  'org-page': { entry: 'webview-client/org-page.ts', styles: ['webview-client/report-page.css', 'media/webview.css'] },
  'portfolio-page': { entry: 'webview-client/portfolio-page.ts', styles: ['webview-client/report-page.css', 'media/webview.css'] },
};

/** esbuild options for every browser script (webviews and the HTML pages): one IIFE, no CDN. */
export const browserBuild = { bundle: true, platform: 'browser', target: 'chrome120', format: 'iife', minify: true, sourcemap: false, logLevel: 'warning' };

const PREFIX = 'virtual:';

/** The page a module id names, or undefined when it names none. */
function pageOf(id) {
  return id.startsWith(PREFIX) && Object.hasOwn(PAGES, id.slice(PREFIX.length)) ? id.slice(PREFIX.length) : undefined;
}

/** The source of `virtual:<name>`: `script` (the minified bundle) and `styles` (its stylesheets, joined). */
export async function pageModule(root, name) {
  const page = PAGES[name];
  if (!page) throw new Error(`No page ${JSON.stringify(name)} in webview-client/bundle.mjs PAGES (${Object.keys(PAGES).join(', ')}).`);
  const result = await build({ ...browserBuild, entryPoints: [path.join(root, page.entry)], write: false });
  const script = result.outputFiles[0].text;
  const styles = page.styles.map((file) => fs.readFileSync(path.join(root, file), 'utf8')).join('\n');
  return `export const script = ${JSON.stringify(script)};\nexport const styles = ${JSON.stringify(styles)};\n`;
}

/** For esbuild builds of the engine: resolves every `virtual:<page>` of PAGES. */
export function pagesEsbuildPlugin(root) {
  return {
    name: 'reposcout-pages',
    setup(b) {
      b.onResolve({ filter: /^virtual:/ }, (args) => {
        const name = pageOf(args.path);
        return name ? { path: name, namespace: 'reposcout-page' } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'reposcout-page' }, async (args) => ({ contents: await pageModule(root, args.path), loader: 'js', resolveDir: root }));
    },
  };
}

/** For vitest (a Vite plugin): the same modules. */
export function pagesVitePlugin(root) {
  return {
    name: 'reposcout-pages',
    resolveId: (source) => (pageOf(source) ? `\0${source}` : undefined),
    load: (id) => {
      const name = id.startsWith('\0') ? pageOf(id.slice(1)) : undefined;
      return name ? pageModule(root, name) : undefined;
    },
  };
}

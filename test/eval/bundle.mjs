// Bundles an engine entry point for the evaluation and benchmark scripts: they run on plain
// Node against the same engine code as the CLI, without a TypeScript loader.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { pagesEsbuildPlugin } from '../../webview-client/bundle.mjs';
// Importing esbuild.config.mjs would run its build, so the list of native packages is repeated.
const nativeExternals = ['better-sqlite3', 'sqlite-vec', 'onnxruntime-node', '@huggingface/transformers'];

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Bundles `entry` (relative to the project root) to `outfile` and imports it. */
export async function bundleEngine(entry, outfile) {
  await build({
    entryPoints: [`${root}${entry}`],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: nativeExternals,
    // The HTML pages' browser code (the portfolio export's, the reports'), embedded as the CLI embeds it.
    plugins: [pagesEsbuildPlugin(root)],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
  // A fresh URL each time: a script that rebuilds in one process gets the new bundle.
  return import(`${outfile}?t=${Date.now()}`);
}

export function loadEngine() {
  return bundleEngine('test/eval/engine.ts', `${root}dist/eval-engine.mjs`);
}

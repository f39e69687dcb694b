// Bundles test/eval/engine.ts for the evaluation and benchmark scripts: they run on plain
// Node against the same engine code as the CLI, without a TypeScript loader.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
// Importing esbuild.config.mjs would run its build, so the list of native packages is repeated.
const nativeExternals = ['better-sqlite3', 'sqlite-vec', 'onnxruntime-node', '@huggingface/transformers'];

const root = fileURLToPath(new URL('../..', import.meta.url));

export async function loadEngine() {
  const outfile = `${root}dist/eval-engine.mjs`;
  await build({
    entryPoints: [`${root}test/eval/engine.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: nativeExternals,
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
  return import(outfile);
}

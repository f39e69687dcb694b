import path from 'node:path';
import { build } from 'esbuild';

const DIST = path.resolve(import.meta.dirname, '..', '..', 'dist');

/**
 * Bundles a test fixture that runs as its own Node process into dist/<name>.mjs and returns
 * its path. It lives in dist/ so the native packages (kept external: their .node binaries
 * cannot be bundled) resolve from the project's node_modules.
 */
export async function bundleFixture(entry: string, name: string): Promise<string> {
  const outfile = path.join(DIST, `${name}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['better-sqlite3', 'sqlite-vec', 'onnxruntime-node', '@huggingface/transformers'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
  return outfile;
}

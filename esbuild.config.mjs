// Bundles the `reposcout` command line (which also serves MCP) for Node.
// Native packages stay external: they are loaded from node_modules at run time
// because their .node binaries cannot be bundled.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

export const nativeExternals = ['better-sqlite3', 'sqlite-vec', 'onnxruntime-node', '@huggingface/transformers'];

const cli = build({
  entryPoints: ['mcp-server/main.ts'],
  outfile: 'dist/reposcout.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  metafile: true,
  external: nativeExternals,
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __reposcoutCreateRequire } from 'node:module';\nconst require = __reposcoutCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

// The VS Code extension is bundled for the extension host with `vscode` external.
const extension = existsSync('extension/extension.ts')
  ? build({
      entryPoints: ['extension/extension.ts'],
      outfile: 'dist/extension.cjs',
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: true,
      metafile: true,
      external: ['vscode'],
      logLevel: 'warning',
    })
  : Promise.resolve(null);

const [cliResult, extensionResult] = await Promise.all([cli, extension]);
const { writeFileSync, mkdirSync } = await import('node:fs');
mkdirSync('dist', { recursive: true });
writeFileSync('dist/meta.cli.json', JSON.stringify(cliResult.metafile));
if (extensionResult) writeFileSync('dist/meta.extension.json', JSON.stringify(extensionResult.metafile));

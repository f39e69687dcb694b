// Bundles the `reposcout` command line (which also serves MCP) for Node.
// Native packages stay external: they are loaded from node_modules at run time
// because their .node binaries cannot be bundled.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { browserBuild, pagesEsbuildPlugin } from './webview-client/bundle.mjs';

export const nativeExternals = ['better-sqlite3', 'sqlite-vec', 'onnxruntime-node', '@huggingface/transformers'];

// The Anthropic SDK (only `achievements --llm` uses it) is its own file beside the bundle,
// imported on first use, so every other command starts without parsing its 1.3 MB.
const lazyAnthropic = {
  name: 'lazy-anthropic-sdk',
  setup(b) {
    b.onResolve({ filter: /^\.\/anthropic-sdk$/ }, () => ({ path: './anthropic-sdk.mjs', external: true }));
  },
};
const anthropicSdk = build({
  entryPoints: ['shared/achievements/prose/anthropic-sdk.ts'],
  outfile: 'dist/anthropic-sdk.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner: { js: "import { createRequire as __reposcoutCreateRequire } from 'node:module';\nconst require = __reposcoutCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

const cli = build({
  entryPoints: ['mcp-server/main.ts'],
  // The HTML pages' browser code (webview-client/bundle.mjs PAGES) is built and embedded as text.
  plugins: [lazyAnthropic, pagesEsbuildPlugin(process.cwd())],
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

// The VS Code extension is bundled for the extension host with `vscode` external, and its
// webview scripts (Chart.js and Cytoscape inside) for the browser; no CDN, no network.
const hasExtension = existsSync('extension/extension.ts');
// The MCP SDK is its own file, required when the engine first starts (activation stays light).
const lazySdk = {
  name: 'lazy-mcp-sdk',
  setup(b) {
    b.onResolve({ filter: /^\.\/mcp-sdk$/ }, () => ({ path: './mcp-sdk.cjs', external: true }));
  },
};
// Activation loads only extension.cjs (views' stand-ins, command and serializer registration);
// the rest of the extension, zod included, is extension-main.cjs, required on first use.
const lazyMain = {
  name: 'lazy-main',
  setup(b) {
    b.onResolve({ filter: /^\.\/main$/ }, () => ({ path: './extension-main.cjs', external: true }));
  },
};
const extensionNode = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, metafile: true, minify: true, keepNames: true, external: ['vscode'], logLevel: 'warning' };
const extension = hasExtension
  ? build({
      ...extensionNode,
      entryPoints: ['extension/extension.ts'],
      outfile: 'dist/extension.cjs',
      plugins: [lazyMain],
    })
  : Promise.resolve(null);
const extensionMain = hasExtension
  ? build({
      ...extensionNode,
      entryPoints: ['extension/main.ts'],
      outfile: 'dist/extension-main.cjs',
      plugins: [lazySdk],
    })
  : Promise.resolve(null);
const extensionSdk = hasExtension ? build({ ...extensionNode, entryPoints: ['extension/engine/mcp-sdk.ts'], outfile: 'dist/mcp-sdk.cjs' }) : Promise.resolve(null);
const webviews = hasExtension
  ? build({
      entryPoints: { report: 'extension/webviews/client/report.ts', dashboard: 'extension/webviews/client/dashboard.ts', job: 'extension/webviews/client/job.ts', portfolio: 'extension/webviews/client/portfolio.ts' },
      outdir: 'dist/media',
      ...browserBuild,
      metafile: true,
    })
  : Promise.resolve(null);

const [cliResult, extensionResult, webviewResult, sdkResult, mainResult] = await Promise.all([cli, extension, webviews, extensionSdk, extensionMain, anthropicSdk]);
const { writeFileSync, mkdirSync } = await import('node:fs');
mkdirSync('dist', { recursive: true });
writeFileSync('dist/meta.cli.json', JSON.stringify(cliResult.metafile));
if (extensionResult) writeFileSync('dist/meta.extension.json', JSON.stringify(extensionResult.metafile));
if (sdkResult) writeFileSync('dist/meta.extension-sdk.json', JSON.stringify(sdkResult.metafile));
if (mainResult) writeFileSync('dist/meta.extension-main.json', JSON.stringify(mainResult.metafile));
if (webviewResult) writeFileSync('dist/meta.webviews.json', JSON.stringify(webviewResult.metafile));

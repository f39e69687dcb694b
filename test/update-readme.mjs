// Rewrites the generated sections of README.md (<!-- name:start --> … <!-- name:end -->)
// from the code they document. Run with `npm run readme`.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { pagesEsbuildPlugin } from '../webview-client/bundle.mjs';

// Inside the project so the bundle's external packages resolve from node_modules.
const out = path.resolve('node_modules/.cache/reposcout-readme/sections.mjs');
// Packages are bundled like the CLI's (some, such as graphology-metrics, use extension-less
// subpath imports that Node's ESM loader cannot resolve); only the native ones stay external.
await build({
  entryPoints: ['test/readme-sections.ts'],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  external: ['better-sqlite3', 'sqlite-vec', 'onnxruntime-node', '@huggingface/transformers'],
  // What the sections import may embed an HTML page's browser code (webview-client/bundle.mjs).
  plugins: [pagesEsbuildPlugin(process.cwd())],
  banner: { js: "import { createRequire as __readmeCreateRequire } from 'node:module';\nconst require = __readmeCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
const { readmeSections, generatedFiles = {} } = await import(pathToFileURL(out).href);
let readme = fs.readFileSync('README.md', 'utf8');
for (const [name, render] of Object.entries(readmeSections)) {
  const pattern = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(\\n<!-- ${name}:end -->)`);
  if (!pattern.test(readme)) throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> section`);
  readme = readme.replace(pattern, (_m, start, end) => `${start}${render()}${end}`);
}
fs.writeFileSync('README.md', readme);
for (const [file, render] of Object.entries(generatedFiles)) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, render());
}
fs.rmSync(path.dirname(out), { recursive: true, force: true });
console.log(`README.md: regenerated ${Object.keys(readmeSections).join(', ')}; wrote ${Object.keys(generatedFiles).join(', ') || 'no files'}`);

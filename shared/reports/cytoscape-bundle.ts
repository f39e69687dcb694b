import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

let cached: string | undefined;

/** Returns cytoscape's UMD build (defines `window.cytoscape`) as text ready to inline in a `<script>`; read once per process. */
export function cytoscapeSource(): string {
  if (cached === undefined) {
    // Resolve the package entry (dist/cytoscape.cjs.js) and step beside it to the minified UMD build.
    const entry = createRequire(import.meta.url).resolve('cytoscape');
    const source = fs.readFileSync(path.join(path.dirname(entry), 'cytoscape.min.js'), 'utf8');
    cached = source.replace(/<(\/script|!--)/gi, '<\\$1');
  }
  return cached;
}

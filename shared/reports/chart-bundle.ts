import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

let cached: string | undefined;

/**
 * Returns the Chart.js UMD build (defines `window.Chart`) as text ready to inline in a
 * `<script>` element; read from node_modules once per process.
 */
export function chartJsSource(): string {
  if (cached === undefined) {
    // chart.js's "exports" map does not list dist/chart.umd.js, so resolving that subpath
    // throws ERR_PACKAGE_PATH_NOT_EXPORTED; resolve the package entry and step beside it.
    const entry = createRequire(import.meta.url).resolve('chart.js');
    const source = fs.readFileSync(path.join(path.dirname(entry), 'chart.umd.js'), 'utf8');
    cached = inlineSafe(source);
  }
  return cached;
}

/**
 * Makes script text safe inside a `<script>` element: `</script` would end the element and
 * `<!--` switches the HTML parser into script-escaped mode; `<\/` and `<\!` mean the same
 * inside JavaScript strings, regexes and comments.
 */
export function inlineSafe(source: string): string {
  return source.replace(/<(\/script|!--)/gi, '<\\$1');
}

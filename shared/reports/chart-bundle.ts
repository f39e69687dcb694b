/**
 * Makes script text safe inside a `<script>` element: `</script` would end the element and
 * `<!--` switches the HTML parser into script-escaped mode; `<\/` and `<\!` mean the same
 * inside JavaScript strings, regexes and comments. The HTML pages inline their built scripts
 * (Chart.js and the rest bundled in; webview-client/bundle.mjs) through it.
 */
export function inlineSafe(source: string): string {
  return source.replace(/<(\/script|!--)/gi, '<\\$1');
}

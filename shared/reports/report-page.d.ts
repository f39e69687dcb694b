// Built from webview-client/report-page.ts by webview-client/bundle.mjs (esbuild.config.mjs
// for dist/, vitest.config.ts for tests).
declare module 'virtual:report-page' {
  /** The HTML report's browser script, one minified IIFE (Chart.js inside). */
  export const reportScript: string;
  /** The report's stylesheets: theme variables for outside VS Code, then media/webview.css. */
  export const reportStyles: string;
}

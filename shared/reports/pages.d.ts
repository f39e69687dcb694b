// The self-contained HTML pages' browser code, built from webview-client/<page>.ts by
// webview-client/bundle.mjs (PAGES; esbuild.config.mjs for dist/, vitest.config.ts for tests).
declare module 'virtual:*-page' {
  /** The page's browser script, one minified IIFE (Chart.js and any other library inside). */
  export const script: string;
  /** The page's stylesheets: theme variables for outside VS Code, then media/webview.css. */
  export const styles: string;
}

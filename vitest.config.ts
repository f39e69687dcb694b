import { defineConfig } from 'vitest/config';
import { pagesVitePlugin } from './webview-client/bundle.mjs';

export default defineConfig({
  // `virtual:<page>`: the HTML pages' browser code (webview-client/bundle.mjs PAGES), built as dist/reposcout.mjs embeds it.
  plugins: [pagesVitePlugin(import.meta.dirname)],
  test: {
    include: ['shared/**/*.test.ts', 'mcp-server/**/*.test.ts', 'extension/**/*.test.ts', 'webview-client/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests spawn git and node subprocesses; two cores on CI machines.
    pool: 'forks',
  },
});

import { defineConfig } from 'vitest/config';
import { reportPageVitePlugin } from './webview-client/bundle.mjs';

export default defineConfig({
  // `virtual:report-page`: the HTML report's browser code, built as dist/reposcout.mjs embeds it.
  plugins: [reportPageVitePlugin(import.meta.dirname)],
  test: {
    include: ['shared/**/*.test.ts', 'mcp-server/**/*.test.ts', 'extension/**/*.test.ts', 'webview-client/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests spawn git and node subprocesses; two cores on CI machines.
    pool: 'forks',
  },
});

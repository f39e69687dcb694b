// Runs the engine's test suite a second time under Node 24 with the node:sqlite driver: the
// runtime the VS Code extension uses (better-sqlite3, compiled for the machine's Node 20,
// cannot load there -- which is the point). Node 24 is the registry package that
// test/e2e/setup-code-server.sh installs; REPOSCOUT_NODE24 points elsewhere.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const tools = process.env.REPOSCOUT_E2E_TOOLS || path.join(os.homedir(), '.cache', 'reposcout-e2e');
const node24 = process.env.REPOSCOUT_NODE24 || path.join(tools, 'node24', 'bin', 'node');
if (!existsSync(node24)) {
  console.error(`test:node24: no Node 24 at ${node24}; run "bash test/e2e/setup-code-server.sh" (it installs one) or set REPOSCOUT_NODE24.`);
  process.exit(1);
}
const started = Date.now();
const run = spawnSync(
  node24,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    // The engine: store, analyses, search, memory, MCP server and CLI. The extension's own
    // units and the browser/code-server suites do not touch SQLite and ran once already.
    '--exclude', 'extension/**',
    '--exclude', 'test/e2e/**',
    '--exclude', '**/*.browser.test.ts',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: { ...process.env, REPOSCOUT_SQLITE_DRIVER: 'node' } },
);
console.error(`test:node24: ${node24} (node:sqlite) finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(run.status ?? 1);

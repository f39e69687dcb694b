import os from 'node:os';
import path from 'node:path';

/** The Node 24 that test/e2e/setup-code-server.sh installs (REPOSCOUT_NODE24 overrides). */
export function node24Path(): string {
  const tools = process.env.REPOSCOUT_E2E_TOOLS || path.join(os.homedir(), '.cache', 'reposcout-e2e');
  return process.env.REPOSCOUT_NODE24 || path.join(tools, 'node24', 'bin', 'node');
}

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint rules are the architecture's one enforced edge; prove they bite.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('architecture boundaries (eslint)', () => {
  it.each([
    ['shared/x.ts', `import * as vscode from 'vscode';\nexport const v = vscode;`, 'no-restricted-imports'],
    ['shared/x.ts', `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nexport const s = McpServer;`, 'no-restricted-imports'],
    ['shared/x.ts', `import { createProgram } from '../mcp-server/cli/program';\nexport const p = createProgram;`, 'no-restricted-imports'],
    ['shared/x.ts', `console.log('stdout is the MCP channel');`, 'no-console'],
    ['mcp-server/x.ts', `console.log('stdout is the MCP channel');`, 'no-console'],
    ['extension/x.ts', `import Database from 'better-sqlite3';\nexport const d = Database;`, 'no-restricted-imports'],
    ['extension/x.ts', `import * as vec from 'sqlite-vec';\nexport const v = vec;`, 'no-restricted-imports'],
    ['extension/x.ts', `import { openStore } from '../shared/store/open';\nexport const o = openStore;`, 'no-restricted-imports'],
  ])('%s rejects: %s', async (file, code, rule) => {
    expect(await ruleIds(code, file)).toContain(rule);
  });

  it.each([
    ['shared/x.ts', `console.error('diagnostics go to stderr');`],
    ['mcp-server/x.ts', `import { openStore } from '../shared/store/open';\nexport const o = openStore;`],
    ['extension/x.ts', `import * as vscode from 'vscode';\nexport const v = vscode;`],
  ])('%s allows: %s', async (file, code) => {
    expect(await ruleIds(code, file)).toEqual([]);
  });
});

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
    ['extension/x.ts', `import { RepoScoutError } from '../shared/errors';\nexport const e = RepoScoutError;`, 'no-restricted-imports'],
    ['extension/engine/x.ts', `import { plural } from '../../shared/reports/format';\nexport const p = plural;`, 'no-restricted-imports'],
    ['shared/protocol/x.ts', `import { RepoScoutError } from '../errors';\nexport const e = RepoScoutError;`, 'no-restricted-imports'],
    ['shared/protocol/x.ts', `import Database from 'better-sqlite3';\nexport const d = Database;`, 'no-restricted-imports'],
    ['shared/protocol/tools/x.ts', `import { openStore } from '../../store/open';\nexport const o = openStore;`, 'no-restricted-imports'],
    ['shared/reports/x.ts', `import { renderReport } from '../../webview-client/report';\nexport const r = renderReport;`, 'no-restricted-imports'],
    ['webview-client/x.ts', `import { buildReportModel } from '../shared/reports/report-model';\nexport const b = buildReportModel;`, 'no-restricted-imports'],
    ['webview-client/x.ts', `import fs from 'node:fs';\nexport const f = fs;`, 'no-restricted-imports'],
    ['webview-client/x.ts', `import * as vscode from 'vscode';\nexport const v = vscode;`, 'no-restricted-imports'],
    // Browser code takes protocol types only: a value import bundles zod.
    ['webview-client/x.ts', `import { reportModelSchema } from '../shared/protocol/report';\nexport const s = reportModelSchema;`, '@typescript-eslint/no-restricted-imports'],
    ['webview-client/x.ts', `import { z } from 'zod';\nexport const s = z.string();`, '@typescript-eslint/no-restricted-imports'],
    ['webview-client/x.ts', `import { ERROR_CODES } from '../shared/protocol';\nexport const e = ERROR_CODES;`, '@typescript-eslint/no-restricted-imports'],
    ['extension/webviews/client/x.ts', `import { toWebviewSchema } from '../protocol';\nexport const s = toWebviewSchema;`, '@typescript-eslint/no-restricted-imports'],
    ['extension/webviews/client/x.ts', `import { type ToWebview, parseMessage } from '../protocol';\nexport const p: [typeof parseMessage, ToWebview | null] = [parseMessage, null];`, '@typescript-eslint/no-restricted-imports'],
    ['extension/webviews/client/x.ts', `import { reportModelSchema } from '../../../shared/protocol/report';\nexport const s = reportModelSchema;`, '@typescript-eslint/no-restricted-imports'],
    ['extension/webviews/client/x.ts', `import * as z from 'zod';\nexport const s = z.string();`, '@typescript-eslint/no-restricted-imports'],
  ])('%s rejects: %s', async (file, code, rule) => {
    expect(await ruleIds(code, file)).toContain(rule);
  });

  it.each([
    ['shared/x.ts', `console.error('diagnostics go to stderr');`],
    ['mcp-server/x.ts', `import { openStore } from '../shared/store/open';\nexport const o = openStore;`],
    ['extension/x.ts', `import * as vscode from 'vscode';\nexport const v = vscode;`],
    ['extension/engine/x.ts', `import { searchContract } from '../../shared/protocol';\nexport const s = searchContract;`],
    ['extension/engine/x.ts', `import { ERROR_CODES } from '../../shared/protocol/errors';\nexport const e = ERROR_CODES;`],
    ['shared/protocol/x.ts', `import { z } from 'zod';\nimport { READ_ONLY } from './contract';\nexport const s = [z, READ_ONLY];`],
    ['shared/protocol/tools/x.ts', `import { z } from 'zod';\nimport { repositoryInput } from '../inputs';\nexport const s = [z, repositoryInput];`],
    ['webview-client/x.ts', `import type { ReportModel } from '../shared/protocol/report';\nimport { h } from './dom';\nexport const s: [ReportModel | null, typeof h] = [null, h];`],
    ['extension/webviews/client/x.ts', `import type { ToWebview } from '../protocol';\nimport { type PanelState } from '../protocol';\nimport type { z } from 'zod';\nexport type T = [ToWebview, PanelState, z.ZodType];`],
    ['extension/webviews/x.ts', `import { toWebviewSchema } from './protocol';\nexport const s = toWebviewSchema;`],
    ['extension/webviews/client/x.ts', `import { renderReport } from '../../../webview-client/report';\nexport const r = renderReport;`],
  ])('%s allows: %s', async (file, code) => {
    expect(await ruleIds(code, file)).toEqual([]);
  });
});

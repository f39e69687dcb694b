import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractToolTable, firstSentence, renderToolTable, TABLE_END, TABLE_START } from './tool-table';
import { allTools } from './tools/index';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const REGENERATE = 'regenerate it with "npm run readme"';

describe('the README tool table', () => {
  it('has one row per tool and one per toolset', () => {
    const table = renderToolTable();
    for (const tool of allTools) expect(table).toContain(`| \`${tool.name}\` | ${tool.toolset} |`);
    expect(table).toContain('| `memory` | on | 4 |');
    expect(table).toContain('| `orchestrate` | off | 7 |');
  });

  it('uses the first sentence of each description', () => {
    expect(firstSentence('Does a thing, e.g. "x". Then more.')).toBe('Does a thing, e.g. "x".');
    expect(firstSentence('No stop at all')).toBe('No stop at all');
  });

  it('README.md carries the current table', () => {
    const table = extractToolTable(fs.readFileSync(README, 'utf8'));
    expect(table, `README.md lacks the ${TABLE_START} … ${TABLE_END} section`).not.toBeNull();
    expect(table, `the tool table in README.md is out of date; ${REGENERATE}`).toBe(renderToolTable());
  });
});

import { escapeMarkdownCell } from './markdown-escape';
import type { ReportColumn, ReportTable } from './tables';

const ALIGN: Record<ReportColumn['kind'], string> = { text: '---', number: '---:', date: '---', status: ':---:' };

/**
 * Returns `table` as a GFM table (no trailing newline), every cell escaped so each row has
 * exactly one cell per column; an empty table becomes an italic "None found." line.
 */
export function renderMarkdownTable(table: ReportTable): string {
  if (table.rows.length === 0) return '_None found._';
  const row = (cells: string[]) => `| ${cells.map(escapeMarkdownCell).join(' | ')} |`;
  const lines = [
    row(table.columns.map((c) => c.label)),
    `| ${table.columns.map((c) => ALIGN[c.kind]).join(' | ')} |`,
    ...table.rows.map(row),
  ];
  if (table.omitted > 0) lines.push('', `_…and ${table.omitted} more._`);
  return lines.join('\n');
}

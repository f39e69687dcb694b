import { escapeHtml } from './escape';
import { CHECK, NOT_MEASURABLE, type ReportColumn, type ReportTable } from './tables';

function cellClass(column: ReportColumn, cell: string): string {
  if (column.kind === 'status') return cell === CHECK ? 'status yes' : 'status no';
  if (cell === NOT_MEASURABLE) return `${column.kind} na`;
  return column.kind;
}

/** Returns `table` as an HTML `<table>` with every cell escaped, or a "None found." paragraph when it has no rows. */
export function renderHtmlTable(table: ReportTable): string {
  if (table.rows.length === 0) return '<p class="note">None found.</p>';
  const head = table.columns.map((c) => `<th class="${c.kind}" scope="col">${escapeHtml(c.label)}</th>`).join('');
  const body = table.rows
    .map((row) => {
      const cells = table.columns.map((column, i) => {
        const cell = row[i] ?? '';
        return `<td class="${cellClass(column, cell)}">${escapeHtml(cell)}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  const more = table.omitted > 0 ? `\n<p class="note">…and ${table.omitted} more.</p>` : '';
  return `<div class="table-wrap"><table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>${more}`;
}

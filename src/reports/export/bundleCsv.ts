import { csvCell } from '../../charts/csvExport.ts';
import type { ReportMeta, ReportTable } from '../table.ts';

/** The table name the metadata rows use; no report table may have this id. */
export const ABOUT_TABLE = 'about';

/**
 * All tables of a report as one CSV, in long ("tidy") form: one line per cell.
 *
 * ```
 * table,table_title,row,column,value
 * about,About this download,1,program,Anytown PAARI
 * about,About this download,2,period,2024-01-01 to 2024-06-30
 * about,About this download,3,generated,2024-07-01T12:00:00.000Z
 * about,About this download,4,synthetic,yes
 * about,About this download,5,filters,
 * referrals,Referrals by month,1,Month,2024-01-01
 * referrals,Referrals by month,1,Referrals,1234
 * ...
 * ```
 *
 * - `table`: the table's `id`; `table_title`: its title.
 * - `row`: the 1-based row number within its table; `column`: the column's label.
 * - `value`: the raw cell, not the page's formatting: dates as YYYY-MM-DD (UTC), numbers as
 *   JavaScript writes them (no thousands separators, no rounding), text as is. A cell is empty only
 *   when it is null or missing (or an invalid date); a measure that does not apply is the text
 *   "N/A", as in the report.
 * - The first lines are the `about` table, always these five rows in this order: program, period,
 *   generated (ISO 8601 timestamp, UTC), synthetic (yes/no), filters (empty when none). Then each
 *   table's cells, row by row and, within a row, in column order. A table with no rows has no
 *   lines.
 * - There are no comment lines, so any CSV reader reads the file as is. Cells go through
 *   `csvCell`: quoted when they hold a comma, quote or line break, and text that a spreadsheet
 *   would run as a formula (starting with =, +, -, @, tab or carriage return) gets a leading `'`.
 * - Lines end with CRLF, including the last one.
 *
 * Throws if a table's id is `about` or two tables share an id, since the rows could then not be
 * told apart.
 */
export function bundleCsv(tables: readonly ReportTable[], meta: ReportMeta): string {
  const ids = new Set<string>();
  for (const t of tables) {
    if (t.id === ABOUT_TABLE) throw new Error(`bundleCsv: table id "${ABOUT_TABLE}" is reserved for the download's metadata`);
    if (ids.has(t.id)) throw new Error(`bundleCsv: two tables have the id "${t.id}"`);
    ids.add(t.id);
  }

  const lines: string[] = ['table,table_title,row,column,value'];
  const line = (table: string, title: string, row: number, column: string, value: unknown) =>
    lines.push([csvCell(table), csvCell(title), String(row), csvCell(column), csvCell(rawValue(value))].join(','));

  const about: [string, string][] = [
    ['program', meta.program],
    ['period', meta.period],
    ['generated', meta.generated.toISOString()],
    ['synthetic', meta.synthetic ? 'yes' : 'no'],
    ['filters', meta.filters ?? ''],
  ];
  about.forEach(([k, v], i) => line(ABOUT_TABLE, 'About this download', i + 1, k, v));

  for (const t of tables) {
    t.rows.forEach((r, i) => {
      for (const c of t.columns) line(t.id, t.title, i + 1, c.label, r[c.key]);
    });
  }
  return lines.join('\r\n') + '\r\n';
}

/** What `csvCell` gets for a cell: numbers, booleans and valid dates as they are (csvCell writes
 *  dates as YYYY-MM-DD and never prefixes them), an invalid date as empty, anything else that is
 *  not text as its string form, so that the formula guard applies to it too. */
function rawValue(v: unknown): unknown {
  if (v == null || typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  return String(v);
}

import type { CellObject, SheetData } from 'write-excel-file/browser';
import type { ReportMeta, ReportTable } from '../table.ts';

/** One sheet as write-excel-file takes it (a subset of its `Sheet` options). */
export interface WorkbookSheet {
  sheet: string;
  data: SheetData;
  /** Column widths, in characters. */
  columns: { width: number }[];
  /** Rows kept in view when scrolling (the header row). */
  stickyRowsCount?: number;
}

export const ABOUT_SHEET = 'About';
export const DATE_FORMAT = 'yyyy-mm-dd';
const MAX_SHEET_NAME = 31;

/**
 * A report as an .xlsx workbook: first an "About" sheet (program, period, when it was generated,
 * whether the data are a synthetic sample, the filters, and each table's sheet, title and note),
 * then one sheet per table with a bold header row of column labels and one row per table row.
 *
 * Cells keep the raw values, not the page's formatting: numbers are number cells, dates are date
 * cells shown as yyyy-mm-dd, text is text ("N/A" included), null is an empty cell. Text is always
 * written as a text cell (a shared string), never as a formula, so "=HYPERLINK(...)" stays those
 * characters; text that starts like a formula also gets the Text number format ("@") so that
 * Excel keeps it text if someone edits the cell.
 *
 * write-excel-file is loaded on demand, so it is not part of the main bundle. Its browser entry
 * zips with fflate, which for large sheets compresses in a worker made from a blob: URL (allowed
 * by the app's Content-Security-Policy, worker-src blob:).
 */
export async function workbook(tables: ReportTable[], meta: ReportMeta): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  return writeXlsxFile(workbookSheets(tables, meta)).toBlob();
}

/** The workbook's contents, in the form write-excel-file's default export takes for several sheets
 *  (pure: no library code runs). Sheet names are unique (ignoring case, as Excel does), at most 31
 *  characters, without []:*?/\ and not starting or ending with an apostrophe. */
export function workbookSheets(tables: readonly ReportTable[], meta: ReportMeta): WorkbookSheet[] {
  const names = sheetNames(tables);
  const sheets: WorkbookSheet[] = [aboutSheet(tables, names, meta)];
  tables.forEach((t, i) => {
    const header: CellObject[] = t.columns.map((c) => bold(c.label));
    const rows = t.rows.map((r) => t.columns.map((c) => cell(r[c.key])));
    sheets.push({
      sheet: names[i] ?? `Table ${i + 1}`,
      data: [header, ...rows],
      columns: columnWidths([header, ...rows]),
      stickyRowsCount: 1,
    });
  });
  return sheets;
}

function aboutSheet(tables: readonly ReportTable[], names: readonly string[], meta: ReportMeta): WorkbookSheet {
  const field = (label: string, value: string): CellObject[] => [bold(label), text(value)];
  const data: SheetData = [
    [bold('About this download')],
    field('Program', meta.program),
    field('Period', meta.period),
    field('Generated', meta.generated.toISOString()),
    field('Synthetic sample', meta.synthetic ? 'yes' : 'no'),
    field('Filters', meta.filters || 'none'),
    [],
    [bold('Sheet'), bold('Table'), bold('Note')],
    ...tables.map((t, i) => [text(names[i] ?? ''), text(t.title), { ...text(t.note ?? ''), wrap: true }]),
  ];
  const widths = columnWidths(data.slice(1)); // the title in A1 may run over into B1
  return { sheet: ABOUT_SHEET, data, columns: widths.map((w, i) => ({ width: i === 2 ? Math.max(w.width, 40) : w.width })) };
}

/** Sheet names for the tables, in order: from the id (else the title, else "Table n"), with
 *  characters Excel forbids replaced by "_", cut to 31 characters, and numbered " (2)", " (3)"...
 *  when a name is already taken. "About" and "History" (reserved by Excel) are taken. */
export function sheetNames(tables: readonly Pick<ReportTable, 'id' | 'title'>[]): string[] {
  const taken = new Set([ABOUT_SHEET.toLowerCase(), 'history']);
  return tables.map((t, i) => {
    const base = cleanName(t.id) || cleanName(t.title) || `Table ${i + 1}`;
    let name = truncate(base, MAX_SHEET_NAME);
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = truncate(base, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

function cleanName(s: string): string {
  return s
    .replace(/[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/g, ' ')
    .replace(/[[\]:*?/\\]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s']+|[\s']+$/g, '');
}

/** The first code points of s that fit in max UTF-16 units (never half a surrogate pair), without
 *  a trailing space or apostrophe. */
function truncate(s: string, max: number): string {
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out.replace(/[\s']+$/, '');
}

const FORMULA_START = /^[=+\-@\t\r]/;

function text(s: string): CellObject {
  return FORMULA_START.test(s) ? { value: s, type: String, format: '@' } : { value: s, type: String };
}

function bold(s: string): CellObject {
  return { ...text(s), fontWeight: 'bold' };
}

/** A table cell: the raw value, typed explicitly so the library never guesses (and never makes a
 *  formula). Non-finite numbers and numbers too large to be exact become text. */
function cell(v: unknown): CellObject | null {
  if (v == null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v, type: Number } : text(String(v));
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? { value: Number(v), type: Number } : text(String(v));
  if (typeof v === 'boolean') return { value: v, type: Boolean };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : { value: v, type: Date, format: DATE_FORMAT };
  return text(String(v));
}

/** Width of each column in characters: the longest cell shown, plus padding, between 8 and 60. */
function columnWidths(data: SheetData): { width: number }[] {
  const widths: number[] = [];
  for (const row of data) {
    row.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, shownLength(c));
    });
  }
  return Array.from(widths, (w) => ({ width: Math.min(60, Math.max(8, (w ?? 0) + 2)) }));
}

function shownLength(c: SheetData[number][number]): number {
  const v = c instanceof Object && 'value' in c ? c.value : c;
  if (v == null) return 0;
  if (v instanceof Date) return DATE_FORMAT.length;
  // The longest line, for text with line breaks.
  return Math.max(...String(v).split(/\r\n|\r|\n/).map((l) => l.length));
}

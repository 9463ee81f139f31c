/** A table of a report: what the report shows on the page, and what its downloads (one CSV, one
 *  workbook) contain. A cell is a number, text, a date, or null; a measure that does not apply is
 *  the text "N/A" (never a blank), and a measure that ran and produced nothing is 0. */
export interface ReportColumn {
  key: string;
  label: string;
  numeric?: boolean;
  /** How the page shows a cell; downloads keep the raw value. */
  format?: (v: unknown) => string;
}

export interface ReportTable {
  /** Short, stable, unique within a report: used as the CSV's table name and the sheet name. */
  id: string;
  title: string;
  /** What the table counts: its base, its period, what is excluded. */
  note?: string;
  columns: ReportColumn[];
  rows: Record<string, unknown>[];
}

/** What a report's downloads say about where they came from. */
export interface ReportMeta {
  program: string;
  period: string;
  generated: Date;
  synthetic: boolean;
  filters?: string;
}

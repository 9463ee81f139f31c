/** A problem found in a file: where it is, what is wrong and what to do about it. */
export interface Problem {
  severity: 'error' | 'warning';
  file: string;
  /** Spreadsheet row number: the header is row 1, the first data row is row 2. */
  row?: number;
  column?: string;
  message: string;
  fix: string;
  /** How many rows have this problem, when it is more than one. */
  count?: number;
  /** The first few rows with the problem. */
  rows?: number[];
  /** What kind of problem this is, for code that must tell problems apart (for example
   *  'cut-short'); absent for most. */
  code?: string;
}

export function problemText(p: Problem): string {
  const where = [p.file, p.row != null ? `row ${p.row}` : null, p.column != null ? `column "${p.column}"` : null]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${p.message} ${p.fix}`.trim();
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

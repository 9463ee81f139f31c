// CSV text the same way on every machine: comma separated, header row, '\n' line endings,
// RFC 4180 quoting only when a field needs it.

export type Cell = string | number;

export function csvField(value: Cell): string {
  const text = typeof value === 'number' ? numberText(value) : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Integers only: fractional values are formatted by the caller with a fixed number of places. */
function numberText(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`format ${n} before writing it`);
  return String(n);
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) {
    if (row.length !== header.length) {
      throw new Error(`row has ${row.length} cells, header has ${header.length}: ${row.join(',')}`);
    }
    lines.push(row.map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}

export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

import type { Cell, Snapshot, SnapshotTable } from '../snapshot/snapshotFormat.ts';
import type { I18n } from './i18n/index.ts';

/** Tables made from the program's own records, whose years are bounded by snapshot.coverage. */
const PROGRAM_TABLES = new Set<string>(['people_by_year', 'placements_by_treatment', 'time_to_placement', 'costs_by_year']);

export const SUPPRESSED_SYMBOL = '*';

/** A table's title (or its chart's, its note) in the reader's language; the id if the page does not
 *  know the table. */
export function tableText(i: I18n, t: SnapshotTable, part: '' | '.chart' | '.note'): string | undefined {
  return i.maybe(`tbl.${t.id}${part}`) ?? (part === '' ? t.id : undefined);
}

/** Whether a year row of a table made from the program's records covers only part of the year (the
 *  first and last years of snapshot.coverage). The public crime and overdose tables publish a year
 *  only when all its months were reported, so they have no partial years. */
export function partialYear(s: Snapshot, t: SnapshotTable, key: string): 'from' | 'to' | null {
  if (!/^\d{4}$/.test(key)) return null;
  const { from, to } = s.coverage;
  if (!PROGRAM_TABLES.has(t.id)) return null;
  if (from.startsWith(key) && !from.endsWith('-01-01')) return 'from';
  if (to.startsWith(key) && !to.endsWith('-12-31')) return 'to';
  return null;
}

/** A row's name: a partial year says which months; known ids are translated; anything else (a
 *  town, a 3-digit ZIP) is shown as given. */
export function rowLabel(i: I18n, s: Snapshot, t: SnapshotTable, key: string): string {
  const partial = partialYear(s, t, key);
  if (partial) return i.t(partial === 'from' ? 'year.from' : 'year.to', { year: key, month: i.fmt.monthName(partial === 'from' ? s.coverage.from : s.coverage.to) });
  return i.label('val', key);
}

/** A cell as words, for chart descriptions. */
export function cellText(i: I18n, column: string, c: Cell | undefined): string {
  if (c === 'suppressed') return i.t('cell.suppressed');
  if (typeof c !== 'number') return i.t('cell.na');
  return column.includes('hours') ? i.t('hours', { n: i.fmt.value(column, c) }) : i.fmt.value(column, c);
}

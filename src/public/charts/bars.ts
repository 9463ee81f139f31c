import type { Cell, Snapshot, SnapshotTable } from '../../snapshot/snapshotFormat.ts';
import { numeric } from '../publicFormat.ts';
import type { I18n } from '../i18n/index.ts';
import { cellText, rowLabel, SUPPRESSED_SYMBOL } from '../labels.ts';
import type { Bar } from './BarList.tsx';

/** A cell as shown next to a bar or a point: the formatted value, or the table's symbol. */
export function shownCell(i: I18n, column: string, c: Cell | undefined): string {
  if (c === 'suppressed') return SUPPRESSED_SYMBOL;
  if (typeof c !== 'number') return i.t('cell.naShort');
  return column.includes('hours') ? i.t('hours', { n: i.fmt.value(column, c) }) : i.fmt.value(column, c);
}

/** One bar per row of `table`, for `column`. */
export function barsOf(i: I18n, s: Snapshot, table: SnapshotTable, column: string): Bar[] {
  return table.rows.map((r) => ({
    key: r.key,
    label: rowLabel(i, s, table, r.key),
    value: numeric(r.cells[column]),
    shown: shownCell(i, column, r.cells[column]),
    spoken: cellText(i, column, r.cells[column]),
  }));
}

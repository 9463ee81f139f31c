import { csvCell } from '../charts/csvExport.ts';
import type { SnapshotTable } from './snapshotFormat.ts';

/** One snapshot table as CSV: the row key column, the value columns, and a "total" row where the
 *  table has one. Suppressed cells read "suppressed" and not-applicable ones "n/a", never blank. */
export function snapshotCsv(t: SnapshotTable): string {
  const lines = [[t.rowKey, ...t.columns].map(csvCell).join(',')];
  for (const r of t.rows) lines.push([r.key, ...t.columns.map((c) => r.cells[c] ?? 'n/a')].map(csvCell).join(','));
  if (t.total) lines.push(['total', ...t.columns.map((c) => t.total![c] ?? 'n/a')].map(csvCell).join(','));
  return lines.join('\r\n') + '\r\n';
}

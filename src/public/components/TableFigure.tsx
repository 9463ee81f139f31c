import type { Snapshot, SnapshotTableId } from '../../snapshot/snapshotFormat.ts';
import { BarList } from '../charts/BarList.tsx';
import { barsOf } from '../charts/bars.ts';
import { LineChart, type Marker } from '../charts/LineChart.tsx';
import { useI18n } from '../i18n/index.ts';
import { tableText } from '../labels.ts';
import { pickColumn, tableById } from '../snapshot.ts';
import { Figure } from './Figure.tsx';

interface Props {
  snapshot: Snapshot;
  id: SnapshotTableId;
  chart: 'bars' | 'line';
  /** The column to chart: the first of these the table has (else its first, or last, column). */
  prefer: readonly string[];
  fallback?: 'first' | 'last';
  markers?: Marker[];
}

/** A published table with a chart of one of its columns; nothing if the snapshot lacks it. */
export function TableFigure({ snapshot, id, chart, prefer, fallback, markers }: Props) {
  const i = useI18n();
  const table = tableById(snapshot, id);
  if (!table) return null;
  const column = pickColumn(table, prefer, fallback);
  if (!column) return <Figure snapshot={snapshot} table={table} />;
  // The chart's own title names the column it was written for; another column gets a plain one.
  const title = prefer.includes(column) ? tableText(i, table, '.chart') ?? tableText(i, table, '') ?? table.id : `${tableText(i, table, '')}: ${i.label('col', column)}`;
  const points = barsOf(i, snapshot, table, column);
  return (
    <Figure snapshot={snapshot} table={table}>
      {chart === 'line'
        ? <LineChart title={title} points={points} markers={markers} testId={`chart-${id}`} />
        : <BarList title={title} bars={points} testId={`chart-${id}`} />}
    </Figure>
  );
}

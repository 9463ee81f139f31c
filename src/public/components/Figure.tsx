import type { ReactNode } from 'react';
import type { Snapshot, SnapshotTable as Table } from '../../snapshot/snapshotFormat.ts';
import { useI18n } from '../i18n/index.ts';
import { tableText } from '../labels.ts';
import { SnapshotTable } from './SnapshotTable.tsx';

/** One published table: its title and note, a chart of one of its columns, and the table itself
 *  (the chart's text alternative for everyone, besides the chart's own description). */
export function Figure({ snapshot, table, children }: { snapshot: Snapshot; table: Table; children?: ReactNode }) {
  const i = useI18n();
  const note = tableText(i, table, '.note');
  return (
    <figure className="figure" data-testid={`figure-${table.id}`}>
      <figcaption>
        <h3>{tableText(i, table, '')}</h3>
        {note && <p className="note">{note}</p>}
      </figcaption>
      {children}
      <SnapshotTable snapshot={snapshot} table={table} />
    </figure>
  );
}

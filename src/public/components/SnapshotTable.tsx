import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { Cell, Snapshot, SnapshotTable as Table } from '../../snapshot/snapshotFormat.ts';
import { useI18n } from '../i18n/index.ts';
import { rowLabel, tableText } from '../labels.ts';
import { CellView, Legend } from './CellView.tsx';

/** A published table as an HTML table, every id translated, with a legend for its symbols. Wide
 *  tables scroll inside their box (which then takes keyboard focus, so it can be scrolled without
 *  a mouse); the page itself never scrolls sideways. */
export function SnapshotTable({ snapshot, table }: { snapshot: Snapshot; table: Table }) {
  const i = useI18n();
  const captionId = useId();
  const wrap = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const el = wrap.current;
    if (!el) return;
    // Read when the browser has laid the table out anyway (no forced layout while drawing).
    const ro = new ResizeObserver(() => setScrolls(el.scrollWidth > el.clientWidth + 1));
    ro.observe(el);
    ro.observe(el.firstElementChild!);
    return () => ro.disconnect();
  }, []);
  const all: Cell[] = [...table.rows.flatMap((r) => Object.values(r.cells)), ...Object.values(table.total ?? {})];
  const title = tableText(i, table, '') ?? table.id;
  return (
    <>
      <div className="table-wrap" ref={wrap} {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-labelledby': captionId } : {})}>
        <table data-table={table.id}>
          <caption id={captionId} className="visually-hidden">{i.t('table.caption', { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{i.label('rowKey', table.rowKey)}</th>
              {table.columns.map((c) => <th scope="col" className="num" key={c}>{i.label('col', c)}</th>)}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{rowLabel(i, snapshot, table, r.key)}</th>
                {table.columns.map((c) => <td className="num" key={c}><CellView column={c} cell={r.cells[c]} /></td>)}
              </tr>
            ))}
          </tbody>
          {table.total && (
            <tfoot>
              <tr>
                <th scope="row">{i.t('row.total')}</th>
                {table.columns.map((c) => <td className="num" key={c}><CellView column={c} cell={table.total?.[c]} /></td>)}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      <Legend suppressed={all.includes('suppressed')} na={all.includes('n/a')} />
    </>
  );
}

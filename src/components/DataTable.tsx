import { memo } from 'react';
import { fmt } from './format.ts';

export interface Column { key: string; label: string; format?: (v: unknown) => string; numeric?: boolean }

/** A plain HTML table: the data behind a chart, for screen readers and for checking by hand.
 *  Drawn again only when its props change (a chart's frame re-renders more often than its rows do). */
export const DataTable = memo(function DataTable({ caption, columns, rows, id, hidden, busy = false }: {
  caption: string; columns: Column[]; rows: Record<string, unknown>[]; id?: string; hidden?: boolean; busy?: boolean;
}) {
  return (
    <div className={hidden ? 'visually-hidden' : 'table-wrap'} id={id} aria-busy={busy}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>{columns.map((c) => <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>{c.label}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c.key} className={c.numeric ? 'num' : undefined}>{(c.format ?? fmt.cell)(r[c.key])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}, (a, b) => a.rows === b.rows && a.caption === b.caption && a.id === b.id && a.hidden === b.hidden && a.busy === b.busy
  && a.columns.length === b.columns.length
  && a.columns.every((c, i) => { const d = b.columns[i]!; return c.key === d.key && c.label === d.label && c.numeric === d.numeric && c.format === d.format; }));

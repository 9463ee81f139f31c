import { fmt } from '../components/format.ts';
import type { ReportTable } from './table.ts';

/** Tables with at most this many rows are kept on one printed page; longer ones break between rows. */
const SHORT = 8;

/** A report table as the page (and the printed report) shows it: caption, note, every row. */
export function ReportTableView({ table, testId }: { table: ReportTable; testId?: string }) {
  return (
    <section className={`report-table${table.rows.length <= SHORT ? ' short' : ''}`} data-testid={testId ?? `table-${table.id}`} aria-labelledby={`rt-${table.id}`}>
      <div className="table-wrap">
        <table>
          <caption id={`rt-${table.id}`}>{table.title}</caption>
          <thead>
            <tr>{table.columns.map((c) => <th key={c.key} scope="col" className={`col-${c.key}${c.numeric ? ' num' : ''}`}>{c.label}</th>)}</tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={i} data-row={String(r.id ?? r.value ?? i)}>
                {table.columns.map((c, j) => {
                  const text = (c.format ?? fmt.cell)(r[c.key]);
                  return j === 0 ? <th key={c.key} scope="row">{text}</th>
                    : <td key={c.key} className={`col-${c.key}${c.numeric ? ' num' : ''}`} data-col={c.key}>{text}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.note && <p className="table-note">{table.note}</p>}
    </section>
  );
}

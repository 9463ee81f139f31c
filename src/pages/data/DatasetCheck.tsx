import { useMemo, useState } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { fmt } from '../../components/format.ts';
import { ALL, DATASET_VIEWS, datasetSummary, distinctValues, type DatasetView } from '../../metrics/datasets.ts';
import { useData } from '../../state/DataContext.tsx';
import { useProgram } from '../../state/useProgram.ts';
import { useSql } from '../../state/useSql.ts';

/** A summary of one loaded table to hold against the original file. */
export function DatasetCheck() {
  const { loads } = useData();
  const tables = new Set(loads.map((l) => l.table_name));
  const views = DATASET_VIEWS.filter((v) => tables.has(v.table));
  const [table, setTable] = useState('');
  const view = views.find((v) => v.table === table) ?? views[0];
  if (!view) return null;
  return (
    <section aria-labelledby="check-h" className="panel">
      <h2 id="check-h">Check the numbers</h2>
      <p>Pick a loaded table and narrow it down; the figures below come straight from the loaded rows, so you can compare them with the file.</p>
      <label>
        Table{' '}
        <select value={view.table} onChange={(e) => setTable(e.target.value)} data-testid="check-table">
          {views.map((v) => <option key={v.table} value={v.table}>{v.label}</option>)}
        </select>
      </label>
      <Summary key={view.table} view={view} />
    </section>
  );
}

function Summary({ view }: { view: DatasetView }) {
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const q = useMemo(() => datasetSummary(view, chosen), [view, chosen]);
  const fromDb = useSql(q);
  const fromProgram = useProgram(view.program ?? null);
  const result = view.program ? fromProgram : fromDb;
  const columns = view.columns.map((c) => ({ ...c, format: c.key === 'month' ? (v: unknown) => fmt.month(v as Date) : undefined }));
  return (
    <>
      {view.filters.map((f) => (
        <FilterSelect key={f.column} view={view} column={f.column} label={f.label}
          value={chosen[f.column] ?? ALL} onChange={(v) => setChosen((c) => ({ ...c, [f.column]: v }))} />
      ))}
      <DataTable caption={[view.label, ...view.filters.map((f) => chosen[f.column] ?? ALL).filter((v) => v !== ALL)].join(', ')}
        columns={columns} rows={result.rows} id="check-result" busy={result.loading} />
    </>
  );
}

function FilterSelect({ view, column, label, value, onChange }: {
  view: DatasetView; column: string; label: string; value: string; onChange: (v: string) => void;
}) {
  const values = useSql(useMemo(() => distinctValues(view, column), [view, column]));
  return (
    <label className="inline-field">
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={`check-filter-${column}`}>
        <option value={ALL}>{ALL}</option>
        {values.rows.map((r) => <option key={r.v} value={r.v}>{r.v}</option>)}
      </select>
    </label>
  );
}

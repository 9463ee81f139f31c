import { useId } from 'react';
import { fmt } from '../../components/format.ts';
import type { LoadPlan } from '../../ingest/plan.ts';
import { AS_WRITTEN, isYesNo, recodableFields, sampleValueTable, standardValues, withValue, type ValueRow, type ValueTable as Table } from '../../ingest/recode.ts';
import type { Mapping } from '../../ingest/mapping.ts';

const SOURCE: Record<ValueRow['source'], string> = {
  standard: 'standard value', yours: 'your answer', suggested: 'suggested', unmapped: 'not recognised',
};

/** Each vocabulary field's distinct values, with their counts and the standard value each counts
 *  as: suggested where it is plain, and editable. An answer is kept with the mapping (and applied to
 *  later files); on a loaded file it loads the file again. Before loading, the counts are from the
 *  first rows; once loaded, from the whole file. */
export function ValueTable({ plan, loaded, onChange, disabled, refused }: {
  plan: LoadPlan; loaded?: Table; onChange: (m: Mapping) => void; disabled?: boolean;
  /** The whole file's values of a file that was refused (opened when a value needs an answer). */
  refused?: boolean;
}) {
  const id = useId();
  const fields = recodableFields(plan.kind, plan.mapping);
  if (!fields.length) return null;
  const table = loaded ?? sampleValueTable(plan.kind, plan.mapping, plan.sniffed.header, plan.sniffed.sample);
  const unmapped = fields.reduce((a, f) => a + (table[f.name] ?? []).filter((r) => r.canonical == null).length, 0);
  return (
    <details className="values" data-testid="value-table" open={unmapped > 0 && (!loaded || !!refused)}>
      <summary>Values: what each counts as{unmapped > 0 ? ` (${unmapped} kept as written, counted under none)` : ''}</summary>
      <p className="hint">{loaded ? 'Counts are rows of the whole file.' : `Counts are from the first ${fmt.int(plan.sniffed.sample.length)} rows; the whole file is checked when it loads.`}
        {' '}A value kept as written is still loaded and shown; it is only left out of breakdowns by the standard values.</p>
      {fields.map((f) => {
        const rows = table[f.name] ?? [];
        const std = standardValues(plan.kind, f);
        return (
          <table key={f.name} className="value-table">
            <caption>{f.label} (column "{plan.mapping.columns[f.name]}")</caption>
            <thead><tr><th scope="col">Value in the file</th><th scope="col">Rows</th><th scope="col">Counts as</th><th scope="col">Why</th></tr></thead>
            <tbody>
              {rows.map((r) => {
                const sel = `${id}-${f.name}-${r.key}`;
                return (
                  <tr key={r.key} className={r.canonical == null ? 'unmapped' : undefined}>
                    <th scope="row"><label htmlFor={sel}>{r.value}</label></th>
                    <td className="num">{fmt.int(r.n)}</td>
                    <td>
                      <select id={sel} value={r.canonical ?? AS_WRITTEN} disabled={disabled}
                        onChange={(e) => onChange(withValue(plan.mapping, f.name, r.key, e.target.value))}>
                        <option value={AS_WRITTEN}>{isYesNo(f) ? '(not read as yes or no: the file is refused)' : '(kept as written: counted under none)'}</option>
                        {std.map((v) => <option key={v} value={v}>{v}</option>)}
                      </select>
                    </td>
                    <td>{SOURCE[r.source]}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        );
      })}
    </details>
  );
}

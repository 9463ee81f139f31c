import { useState } from 'react';
import { download } from '../../charts/csvExport.ts';
import type { LoadPlan } from '../../ingest/plan.ts';
import type { Mapping } from '../../ingest/mapping.ts';
import { humanFormat } from '../../ingest/parse.ts';
import { mappingsFor, saveMapping, useSavedMappings } from '../../state/mappings.ts';
import { kindById } from '../../ingest/kinds/index.ts';

/** Shows which column feeds each canonical field; every choice can be changed, saved by name for the
 *  next export, or downloaded as JSON. */
export function MappingEditor({ plan, onChange }: { plan: LoadPlan; onChange: (m: Mapping) => void }) {
  const [name, setName] = useState('');
  const saved = useSavedMappings();
  const header = plan.sniffed.header;
  const sampleOf = (col: string | null) => {
    if (!col) return '';
    const i = header.indexOf(col);
    return plan.sniffed.sample.slice(0, 3).map((r) => r[i] ?? '').join(' · ');
  };
  const set = (field: string, col: string) =>
    onChange({ ...plan.mapping, columns: { ...plan.mapping.columns, [field]: col || null } });
  const usable = mappingsFor(saved, header);
  return (
    <div className="mapping">
      <table>
        <caption>Column mapping for {plan.file}</caption>
        <thead><tr><th scope="col">Field</th><th scope="col">Column in the file</th><th scope="col">First values</th></tr></thead>
        <tbody>
          {plan.kind.fields.map((f) => {
            const col = plan.mapping.columns[f.name] ?? null;
            const id = `map-${plan.file}-${f.name}`;
            return (
              <tr key={f.name}>
                <th scope="row"><label htmlFor={id}>{f.label}{f.required && <span aria-label="required"> *</span>}</label></th>
                <td>
                  <select id={id} value={col ?? ''} onChange={(e) => set(f.name, e.target.value)}>
                    <option value="">(not in this file)</option>
                    {header.map((h) => <option key={h} value={h}>{h}</option>)}
                  </select>
                  {plan.formats[f.name]?.length ? <span className="hint"> {col && plan.ambiguousDates.includes(f.name) && !plan.mapping.dateOrder?.[col]
                    ? 'month/day or day/month? See the question below' : `read as ${plan.formats[f.name]!.map(humanFormat).join(' or ')}`}</span> : null}
                </td>
                <td className="sample">{sampleOf(col)}</td>
              </tr>
            );
          })}
          {Object.entries(plan.mapping.offenseColumns ?? {}).map(([h, o]) => (
            <tr key={h}><th scope="row">Offense: {o}</th><td>{h}</td><td className="sample">{sampleOf(h)}</td></tr>
          ))}
          {Object.entries(plan.mapping.flagColumns ?? {}).map(([h, g]) => (
            <tr key={h}><th scope="row">Substance: {g}</th><td>{h}</td><td className="sample">{sampleOf(h)}</td></tr>
          ))}
          {Object.entries(plan.mapping.yearColumns ?? {}).map(([h, y]) => (
            <tr key={h}><th scope="row">Year: {y}</th><td>{h}</td><td className="sample">{sampleOf(h)}</td></tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        {usable.length > 0 && (
          <label>
            Use a saved mapping{' '}
            <select defaultValue="" onChange={(e) => {
              const s = usable.find((m) => m.name === e.target.value);
              if (s) onChange(s.mapping);
            }}>
              <option value="" disabled>choose…</option>
              {usable.map((s) => <option key={s.name} value={s.name}>{s.name}{s.mapping.kind !== plan.kind.id ? ` (${kindById(s.mapping.kind).label})` : ''}</option>)}
            </select>
          </label>
        )}
        <label>
          Save this mapping as{' '}
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. County RMS export" />
        </label>
        <button type="button" disabled={!name.trim()} onClick={() => saveMapping(name.trim(), plan.mapping)}>Save mapping</button>
        <button type="button" onClick={() => download(`mapping-${plan.kind.id}.json`,
          new Blob([JSON.stringify({ name: name || plan.file, mapping: plan.mapping }, null, 2)], { type: 'application/json' }))}>
          Download mapping (JSON)
        </button>
      </div>
    </div>
  );
}

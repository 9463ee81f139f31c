import { useMemo, useState } from 'react';
import { fmt } from '../../components/format.ts';
import { listed, type ExtractAgencyRow } from '../../ingest/nibrs/extract.ts';
import { useData } from '../../state/DataContext.tsx';
import type { ExtractCard as Card } from '../../state/useExtracts.ts';
import { ProblemList } from './ProblemList.tsx';

const STATUS: Record<Card['status'], string> = {
  reading: 'Reading the extract…', choose: 'Pick your agencies', making: 'Counting…', failed: 'Not loaded',
};

/** An FBI NIBRS state extract: its agencies, to pick from; the chosen agencies' monthly counts load
 *  as one file (its own card below says how it loaded). */
export function ExtractCard({ c }: { c: Card }) {
  const { loadExtractAgencies, dismissExtract } = useData();
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [filter, setFilter] = useState('');
  const s = c.summary;
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const all = s?.agencies ?? [];
    return q ? all.filter((a) => `${a.name} ${a.ori} ${a.county ?? ''}`.toLowerCase().includes(q)) : all;
  }, [s, filter]);
  const toggle = (id: number) => setChosen((x) => {
    const next = new Set(x);
    if (next.has(id)) next.delete(id); else next.add(id);
    return next;
  });
  const title = s ? `FBI NIBRS extract${s.state ? `, ${s.state}` : ''} ${s.years.join(', ')}` : 'FBI NIBRS extract';
  return (
    <article className={`upload ${c.status === 'failed' ? 'failed' : ''}`} data-testid="extract" aria-label={title}>
      <header>
        <h3>{title}</h3>
        <span className="status-pill" role="status">{STATUS[c.status]}</span>
        <button type="button" className="link" onClick={() => dismissExtract(c.id)} aria-label={`Dismiss ${title}`}>Dismiss</button>
      </header>
      <p className="hint">{c.files.length} files: {listed(c.files)}.</p>
      {c.problem && <ProblemList problems={[c.problem]} />}
      {s && (
        <>
          <p data-testid="extract-summary">
            {fmt.int(s.tallies.offenses)} offenses of {fmt.int(s.agencies.length)} agencies. Pick your agency, and any you want to
            compare it with: each becomes its own series on the crime page, with its offenses counted per month by their NIBRS
            code{s.hasMonthTable ? ', and the months it did not report to the FBI left as gaps' : ''}.
          </p>
          <ProblemList problems={s.notes} />
          <p>
            <label>Find an agency{' '}
              <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="name, ORI or county" data-testid="extract-filter" />
            </label>
          </p>
          <div className="table-wrap extract-agencies" tabIndex={0} role="region" aria-label="Agencies in the extract">
            <table data-testid="extract-agencies">
              <caption className="visually-hidden">Agencies in the extract</caption>
              <thead>
                <tr><th scope="col">Load</th><th scope="col">Agency</th><th scope="col">ORI</th><th scope="col">County</th><th scope="col">Type</th>
                  <th scope="col" className="num">Population</th><th scope="col" className="num">Offenses</th>
                  <th scope="col" className="num">Addiction-associated</th><th scope="col" className="num">Months reported</th></tr>
              </thead>
              <tbody>
                {shown.map((a) => <AgencyRow key={a.id} a={a} checked={chosen.has(a.id)} onToggle={() => toggle(a.id)} />)}
              </tbody>
            </table>
          </div>
          <p>
            <button type="button" className="primary" disabled={!chosen.size || c.status !== 'choose'} data-testid="extract-load"
              onClick={() => loadExtractAgencies(c.id, [...chosen])}>
              {chosen.size ? `Load ${chosen.size === 1 ? 'the chosen agency' : `these ${fmt.int(chosen.size)} agencies`}` : 'Pick at least one agency'}
            </button>
            {c.made.length > 0 && <span className="hint" data-testid="extract-made"> Made and loaded: {c.made.join('; ')} (see its card below).</span>}
          </p>
        </>
      )}
    </article>
  );
}

function AgencyRow({ a, checked, onToggle }: { a: ExtractAgencyRow; checked: boolean; onToggle: () => void }) {
  const none = a.offenses === 0;
  return (
    <tr>
      <td><input type="checkbox" checked={checked} onChange={onToggle} disabled={none} aria-label={`Load ${a.name} (${a.ori})`} /></td>
      <th scope="row">{a.name}</th>
      <td>{a.ori}</td>
      <td>{a.county ?? '—'}</td>
      <td>{a.type ?? '—'}</td>
      <td className="num">{a.population ? fmt.int(a.population) : '—'}</td>
      <td className="num">{fmt.int(a.offenses)}</td>
      <td className="num">{fmt.int(a.associated)}</td>
      <td className="num">{a.reported} of {a.months}</td>
    </tr>
  );
}

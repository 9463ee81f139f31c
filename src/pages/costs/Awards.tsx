import { useProgram } from '../../state/useProgram.ts';
import { useState } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { fmt } from '../../components/format.ts';
import type { Award } from '../../domain/programInfo.ts';
import { costsBy, spendAgainstAwards } from '../../metrics/costs.ts';
import { NO_FILTER } from '../../domain/filter.ts';
import { useData } from '../../state/DataContext.tsx';

const COLUMNS = [
  { key: 'name', label: 'Award or budget' },
  { key: 'fundingSource', label: 'Funding source in the ledger' },
  { key: 'from', label: 'First day' },
  { key: 'to', label: 'Last day' },
  { key: 'amount', label: 'Amount', numeric: true, format: (v: unknown) => fmt.usd(v as number) },
  { key: 'spent', label: 'Spent', numeric: true, format: (v: unknown) => fmt.usd(v as number) },
  { key: 'remaining', label: 'Remaining', numeric: true, format: (v: unknown) => fmt.usd(v as number) },
  { key: 'shareSpent', label: '% spent', numeric: true, format: (v: unknown) => fmt.pct(v as number | null) },
  { key: 'shareElapsed', label: '% of award time passed', numeric: true, format: (v: unknown) => fmt.pct(v as number | null) },
];

/** Spend against grant awards and budgets entered by the user (kept in this browser). */
export function Awards() {
  const { program, setProgram } = useData();
  const q = useProgram(spendAgainstAwards, program.awards);
  const sources = useProgram(costsBy, 'funding_source', NO_FILTER);
  const [draft, setDraft] = useState<Award>({ name: '', fundingSource: '', amount: 0, from: '', to: '' });
  const [amount, setAmount] = useState('');
  const amountValue = Number(amount.replace(/[$,\s]/g, ''));
  const valid = draft.name.trim() && draft.fundingSource && Number.isFinite(amountValue) && amountValue > 0 && draft.from && draft.to && draft.to >= draft.from;
  const save = (awards: Award[]) => setProgram({ ...program, awards });
  return (
    <section className="panel" aria-labelledby="awards-h" data-testid="awards">
      <h2 id="awards-h">Spend against awards and budgets</h2>
      {program.awards.length === 0 ? (
        <p className="hint">No award or budget is entered. Add one below to compare spend with it.</p>
      ) : (
        <>
          <DataTable caption="Awards and budgets entered" columns={COLUMNS} rows={q.rows} busy={q.loading} />
          <p className="hint">Spent: ledger entries charged to the award’s funding source between its first and last day, whatever period the page shows.
            Compare “% spent” with “% of award time passed” (to the last ledger date) to see whether spending runs ahead of or behind the award.</p>
          <ul className="plain">
            {program.awards.map((a, i) => (
              <li key={`${a.name}-${i}`}>
                <button type="button" className="link" onClick={() => save(program.awards.filter((_, j) => j !== i))}>Remove {a.name}</button>
              </li>
            ))}
          </ul>
        </>
      )}
      <form className="form-row" onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        save([...program.awards, { ...draft, name: draft.name.trim(), amount: amountValue }]);
        setDraft({ name: '', fundingSource: '', amount: 0, from: '', to: '' });
        setAmount('');
      }}>
        <fieldset>
          <legend>Add an award or budget</legend>
          <label>Name <input value={draft.name} required onChange={(e) => setDraft({ ...draft, name: e.target.value })} /></label>
          <label>Funding source{' '}
            <select value={draft.fundingSource} required onChange={(e) => setDraft({ ...draft, fundingSource: e.target.value })}>
              <option value="">Choose…</option>
              {sources.rows.filter((r) => r.value !== '(not recorded)').map((r) => <option key={r.value}>{r.value}</option>)}
            </select>
          </label>
          <label>Amount (USD) <input inputMode="decimal" value={amount} required onChange={(e) => setAmount(e.target.value)} /></label>
          <label>First day <input type="date" value={draft.from} required onChange={(e) => setDraft({ ...draft, from: e.target.value })} /></label>
          <label>Last day <input type="date" value={draft.to} required onChange={(e) => setDraft({ ...draft, to: e.target.value })} /></label>
          <button type="submit" disabled={!valid}>Add</button>
        </fieldset>
        {amount !== '' && !(amountValue > 0) && <p className="error">The amount must be a number above zero.</p>}
        {draft.from && draft.to && draft.to < draft.from && <p className="error">The last day is before the first.</p>}
      </form>
    </section>
  );
}

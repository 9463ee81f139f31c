import { useState } from 'react';
import { fmt } from '../../components/format.ts';
import { useData } from '../../state/DataContext.tsx';

/** A what-if panel: the user's own assumptions (the cost of a jail day, jail days avoided per
 *  person placed) multiplied out, labelled as assumptions with their stated source. */
export function CostComparison({ peoplePlaced, total, period }: { peoplePlaced: number | null; total: number | null; period: string }) {
  const { program, setProgram } = useData();
  const a = program.assumptions;
  const [cost, setCost] = useState(a.jailDayCost?.toString() ?? '');
  const [days, setDays] = useState(a.jailDaysPerPerson?.toString() ?? '');
  const [source, setSource] = useState(a.source);
  const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(/[$,\s]/g, '')));
  const c = num(cost), d = num(days);
  const bad = (c != null && !(c >= 0)) || (d != null && !(d >= 0));
  const ready = a.jailDayCost != null && a.jailDaysPerPerson != null && a.source.trim() !== '';
  const avoided = ready && peoplePlaced != null ? peoplePlaced * a.jailDaysPerPerson! * a.jailDayCost! : null;
  return (
    <section className="panel assumption" aria-labelledby="compare-h" data-testid="cost-comparison">
      <h2 id="compare-h">Cost comparison <span className="tag">assumptions, not findings</span></h2>
      <p className="hint">Enter figures from your own county and say where they come from. The dashboard only multiplies them; it does not know whether anyone placed would have gone to jail.</p>
      <form className="form-row" onSubmit={(e) => {
        e.preventDefault();
        if (bad) return;
        setProgram({ ...program, assumptions: { jailDayCost: c, jailDaysPerPerson: d, source: source.trim() } });
      }}>
        <label>Cost of one jail day (USD) <input inputMode="decimal" value={cost} onChange={(e) => setCost(e.target.value)} data-testid="assume-jail-cost" /></label>
        <label>Jail days avoided per person placed <input inputMode="decimal" value={days} onChange={(e) => setDays(e.target.value)} data-testid="assume-jail-days" /></label>
        <label>Source of these figures <input value={source} onChange={(e) => setSource(e.target.value)} placeholder="e.g. County FY2025 budget, p. 41" data-testid="assume-source" /></label>
        <button type="submit" disabled={bad}>Use these assumptions</button>
        {bad && <p className="error">Both figures must be numbers of zero or more.</p>}
      </form>
      {ready ? (
        <p data-testid="comparison-result">
          <strong>Assumption:</strong> if each of the {fmt.int(peoplePlaced)} people placed ({period}) avoided {fmt.num1(a.jailDaysPerPerson)} jail days
          at {fmt.usd(a.jailDayCost)} a day, that would be {fmt.usd(avoided)} of jail cost, against {fmt.usd(total)} of program spend in the same period.
          <br /><span className="hint">Source of the assumptions: {a.source}.</span>
        </p>
      ) : (
        <p className="hint" data-testid="comparison-result">No comparison is shown until both figures and their source are entered.</p>
      )}
    </section>
  );
}

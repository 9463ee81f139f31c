import { VERDICT_WORDS, type ClaimCheck, type PeriodSum } from '../../analysis/claim.ts';
import type { ItsResult } from '../../analysis/its.ts';
import { fmt } from '../../components/format.ts';
import { reasonText, signedPercent, spanWords, verdictSentence } from './claimWords.ts';

function PeriodRow({ name, p }: { name: string; p: PeriodSum }) {
  return (
    <tr>
      <th scope="row">{name}: {spanWords(p.span)}</th>
      <td className="num">{p.used}{p.used < p.months ? ` of ${p.months}` : ''}</td>
      <td className="num">{fmt.int(p.total)}</td>
      <td className="num">{fmt.num1(p.mean)}</td>
    </tr>
  );
}

/** The verdict, the claim's own arithmetic beside what the data support, and the reasons they
 *  differ, each with its figure. */
export function ClaimResult({ check, what, claimed, result }: { check: ClaimCheck; what: string; claimed: number | null; result: ItsResult | null }) {
  const a = check.arithmetic;
  const s = check.supported;
  const mismatch = claimed != null && a.percent != null && Math.abs(claimed - a.percent) >= 1;
  return (
    <>
      <section className={`verdict verdict-${check.verdict}`} aria-labelledby="verdict-h" data-testid="claim-verdict" data-verdict={check.verdict}>
        <h2 id="verdict-h">Verdict: {VERDICT_WORDS[check.verdict]}</h2>
        <p>{verdictSentence(check)}</p>
      </section>
      <div className="claim-figures">
        <section aria-labelledby="arith-h" data-testid="claim-arithmetic">
          <h3 id="arith-h">The claim's own arithmetic</h3>
          <table className="data">
            <caption className="visually-hidden">Counts in the two periods the claim compares</caption>
            <thead><tr><th scope="col">Period</th><th scope="col">Months used</th><th scope="col">Count</th><th scope="col">Per month</th></tr></thead>
            <tbody>
              <PeriodRow name="Earlier" p={a.before} />
              <PeriodRow name="Later" p={a.after} />
            </tbody>
          </table>
          <p>Change in the average month: <strong data-testid="claim-arithmetic-percent">{a.percent == null ? 'cannot be worked out' : signedPercent(a.percent)}</strong>
            {a.before.months !== a.after.months && ' (the periods have different lengths, so averages per month are compared)'}.</p>
          {mismatch && <p className="notice" role="note" data-testid="claim-mismatch">The claim says {signedPercent(claimed)}; these data give {signedPercent(a.percent!)} by the claim's own arithmetic. The verdict judges the {signedPercent(claimed)} claimed.</p>}
        </section>
        <section aria-labelledby="supported-h" data-testid="claim-supported">
          <h3 id="supported-h">What the data support</h3>
          {s ? (
            <>
              <p>The change between the two periods that the model puts on the launch: <strong data-testid="claim-supported-percent">{signedPercent(s.percent)}</strong>, 95% interval <span data-testid="claim-supported-interval">{signedPercent(s.lower)} to {signedPercent(s.upper)}</span>.</p>
              <p>Without any change at the launch, {result?.controlled ? 'the trend, the season and the comparison area' : 'the trend and the season'} alone give <span data-testid="claim-expected">{signedPercent(s.expectedPercent)}</span> between the periods.</p>
              {result && <p className="hint">Fitted on {result.nPre} reported months before the launch and {result.nPost} from it{result.controlled ? ', with the comparison area' : ''}.</p>}
            </>
          ) : <p>No estimate: {check.why}</p>}
        </section>
      </div>
      {check.reasons.length > 0 && (
        <section aria-labelledby="reasons-h" data-testid="claim-reasons">
          <h3 id="reasons-h">Why the two figures differ</h3>
          <ul>{check.reasons.map((r) => <li key={r.kind} data-reason={r.kind}>{reasonText(r, what)}</li>)}</ul>
        </section>
      )}
    </>
  );
}

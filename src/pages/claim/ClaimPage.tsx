import { useState } from 'react';
import { Link } from 'react-router';
import { monthLabel } from '../../analysis/summary.ts';
import { ClaimChart } from '../../charts/ClaimChart.tsx';
import { LaunchNote } from '../../components/LaunchNote.tsx';
import { ReportHeader } from '../../reports/ReportHeader.tsx';
import { usePrintHeader } from '../../reports/printHeader.ts';
import { useData } from '../../state/DataContext.tsx';
import { useParamSetter } from '../../state/useParamSetter.ts';
import { ClaimForm } from './ClaimForm.tsx';
import { ClaimResult } from './ClaimResult.tsx';
import { signedPercent, spanWords } from './claimWords.ts';
import { useClaimCheck } from './useClaimCheck.ts';

const SOURCE_TABLES = { crime: ['crime_incidents', 'crime_monthly'], overdose: ['overdose_monthly', 'overdose_incidents', 'overdose_deaths'] };

/** /claim: a published before-and-after figure ("crime is down 40% since the program began")
 *  checked on the town's own data: the claim's arithmetic reproduced, the change the interrupted
 *  time series puts on the launch, the reasons the two differ, and a verdict in plain words. The
 *  claim lives in the address; the page prints on one page. */
export function ClaimPage() {
  const { status, program, isSample, loads } = useData();
  const [params, set] = useParamSetter();
  const [generated] = useState(() => new Date());
  const { s, spec, launch, main, fit, check, ok, what, title, loading } = useClaimCheck(params);
  usePrintHeader(`${program.name} · Claim check · ${title}`, '0.45in 0.5in');
  const quote = params.get('quote');
  const files = loads.filter((l) => (SOURCE_TABLES[s.main?.kind ?? 'crime'] ?? []).includes(l.table_name)).map((l) => l.source_file);
  return (
    <article className="report claim" data-testid="claim-page" aria-busy={loading}>
      <ReportHeader kind="Claim check" program={program.name} period={title} generated={generated} synthetic={isSample} />
      <p className="hint no-print">A figure such as “crime is down 40% since the program began” compares two periods. This page works it out on the data loaded here,
        then asks how much of the change the launch can account for once the trend before it, the seasons and chance are allowed for.
        It cannot show that the program caused a change.</p>
      {status === 'starting' && <p role="status" className="status">Starting the in-browser database and loading data…</p>}
      {!loading && s.choices.length === 0 && (
        <p className="empty" data-testid="claim-no-series">No monthly crime or overdose series is loaded. Add incident records or monthly counts on the <Link to="/data">Data page</Link>.</p>
      )}
      {s.choices.length > 0 && <ClaimForm params={params} set={set} choices={s.choices} main={s.main} groups={s.groups} group={s.group} />}
      {ok && (
        <p className="claim-stated" data-testid="claim-stated">
          <strong>The claim:</strong> {quote ? <><q>{quote}</q>, checked as </> : 'checked as '}
          {what} in {main!.label}, {spanWords(ok.periods.after)} against {spanWords(ok.periods.before)}{spec.claimed != null ? `, ${signedPercent(spec.claimed)} claimed` : ''}
          {s.compSeries ? `, with ${s.compSeries.label} as the comparison area` : ''}.
        </p>
      )}
      {check && 'error' in check && <p className="notice" role="alert" data-testid="claim-error">{check.error}</p>}
      {ok && !loading && main && (
        <>
          <ClaimResult check={ok} what={what} claimed={spec.claimed ?? null} result={fit.result} />
          <ClaimChart months={main.months} counts={main.counts} periods={ok.periods} result={fit.result?.model ? fit.result : null} partial={main.partial}
            measure={`${what} per month`} launchLabel={launch ? `Launch (${monthLabel(launch)})` : 'Launch'}
            periodLabels={{ before: `Earlier: ${spanWords(ok.periods.before)}`, after: `Later: ${spanWords(ok.periods.after)}` }} />
          <div className="report-actions no-print">
            <button type="button" onClick={() => window.print()}>Save as PDF (print)</button>
            <button type="button" data-testid="claim-copy-link" onClick={() => {
              // The check shown, whether or not the address has caught up with the last change yet.
              const link = new URL(location.href);
              link.search = params.toString();
              void navigator.clipboard?.writeText(link.href);
            }}>Copy a link to this check</button>
            <Link className="button" data-testid="claim-to-briefing" to={`/reports/briefing?${new URLSearchParams({ claim: params.toString() })}`}>Add it to the council briefing</Link>
            <p className="hint">The link holds the claim, not the data: it reopens this check in a browser where the same files are loaded.</p>
          </div>
          <footer className="small-print" data-testid="claim-method">
            <h2>Method and sources</h2>
            <p>The claim's arithmetic: the average month of each period, months not reported and months the records cover only in part left out.
              What the data support: a segmented Poisson regression over every loaded month ({fit.result ? `${fit.result.nPre} before the launch, ${fit.result.nPost} from it` : 'none fitted'}), with a level and a
              slope change at the launch month and two seasonal harmonics{fit.result?.controlled ? ', and the comparison area as a control' : ''}; the change put on the launch is the model's
              expected count over the later period against the same with the launch's change switched off, divided by the same ratio for the earlier period,
              with a 95% interval from the larger of the Newey–West and quasi-Poisson standard errors (delta method). Verdicts: “larger than the data support” when the
              figure lies beyond that interval in its own direction; “not distinguishable from no change” when the interval includes no change; otherwise “supported”.
              Reasons are listed only when the data show them: a pre-launch trend whose interval excludes zero, a seasonal difference of at least 3% beyond chance,
              an earlier period beyond chance above the model, a chance interval of the claim's own figure at least 30 points wide.
              {' '}<LaunchNote program={program} /> Sources: {files.length ? files.join(', ') : 'none'}. Records never left the browser this was made in.</p>
          </footer>
        </>
      )}
    </article>
  );
}

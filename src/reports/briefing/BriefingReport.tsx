import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { latestComparison } from '../../analysis/rolling.ts';
import { CrimeTrendChart } from '../../charts/CrimeTrendChart.tsx';
import { PlacementsChart } from '../../charts/PlacementsChart.tsx';
import { TwelveMonthChart } from '../../charts/TwelveMonthChart.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { fmt } from '../../components/format.ts';
import { useData } from '../../state/DataContext.tsx';
import { useParamSetter } from '../../state/useParamSetter.ts';
import { programEvents } from '../../domain/programInfo.ts';
import { usePrintHeader } from '../printHeader.ts';
import { LaunchNote } from '../../components/LaunchNote.tsx';
import { ReportHeader } from '../ReportHeader.tsx';
import { useReportPeriod } from '../useReportPeriod.ts';
import { describeChange, formatFigure } from './change.ts';
import { ClaimSection } from './ClaimSection.tsx';
import { briefingParagraph } from './paragraph.ts';
import { CONTEXT_MONTHS, useBriefingData, type Headline } from './useBriefingData.ts';

const ym = (d: Date) => d.toISOString().slice(0, 7);

function HeadlineCard({ h, previous, lastYear }: { h: Headline; previous: string | null; lastYear: string | null }) {
  return (
    <div className="kpi headline" data-testid={`headline-${h.id}`}>
      <div className="kpi-label">{h.label}</div>
      <div className="kpi-value" data-testid="value">{formatFigure(h.kind, h.now)}</div>
      <div className="kpi-detail">{h.detail}</div>
      <dl className="changes">
        {previous && <><dt>vs {previous}</dt><dd data-testid="vs-previous">{describeChange(h.kind, h.now, h.previous)}</dd></>}
        {lastYear && <><dt>vs {lastYear}</dt><dd data-testid="vs-last-year">{describeChange(h.kind, h.now, h.lastYear)}</dd></>}
      </dl>
    </div>
  );
}

/** /reports/briefing: the town manager's one-page council briefing for a period. Headline figures
 *  against the previous period and the same period last year, three charts, a drafted paragraph,
 *  and sources and methods in small print. Prints on exactly one US Letter page. */
export function BriefingReport() {
  const { status, program, isSample } = useData();
  const { filters, ready } = useReportPeriod();
  const [generated] = useState(() => new Date());
  const period = filters.period;
  const [params, setParam] = useParamSetter();
  const data = useBriefingData(period, program.launchDate, { series: params.get('series'), local: params.get('local') });
  // Nothing is shown as final until the database holds the loaded files and the period is settled.
  const d = { ...data, loading: data.loading || status !== 'ready' || !ready };
  usePrintHeader(`${program.name} · Council briefing · ${period.label}`, '0.45in 0.5in');
  const events = programEvents(program);
  const prevLabel = d.previous ? shortLabel(d.previous.label) : null;
  // For a year or a fiscal year the previous period is the same period last year: say it once.
  const lyLabel = d.lastYear && d.lastYear.name !== d.previous?.name ? shortLabel(d.lastYear.label) : null;
  const overdoseLatest = useMemo(() => {
    if (!d.overdoses) return null;
    const c = latestComparison(d.overdoses.rows.map((r) => ({ month: ym(r.month), value: r.value })));
    return c && c.value != null ? { area: d.overdoses.label, monthLabel: fmt.month(new Date(`${c.month}-01T00:00:00Z`)), value: c.value, yearEarlier: c.yearEarlier } : null;
  }, [d.overdoses]);
  // The charts give up a little height for the optional claim section, so the page stays one page.
  const chartHeight = params.get('claim') ? 96 : 118;
  const notStarted = !!(period.to && program.launchDate && period.to <= program.launchDate);
  const launchWords = program.launchDate ? fmt.day(new Date(`${program.launchDate}T00:00:00Z`)) : '';
  const launchInside = !!(program.launchDate && period.from && period.to && period.from < program.launchDate && program.launchDate < period.to);
  const paragraph = d.loading ? '' : briefingParagraph({
    program: program.name, periodLabel: period.label, notStartedUntil: notStarted ? launchWords : null, previousLabel: prevLabel, lastYearLabel: lyLabel,
    headlines: d.headlines, crime: d.crime?.summary ?? [], overdoses: overdoseLatest,
  });
  return (
    <article className="report briefing" data-testid="briefing" aria-busy={d.loading}>
      <ReportHeader kind="Council briefing" program={program.name} period={period.label} generated={generated} synthetic={isSample} />
      {status === 'starting' && <p role="status" className="status">Starting the in-browser database and loading data…</p>}
      <div className="no-print">
        <FilterBar filters={filters} show={[]} />
        {(d.crimeChoices.length > 1 || d.localChoices.length > 1) && (
          <div className="row">
            {d.crimeChoices.length > 1 && (
              <label>Crime series{' '}
                <select data-testid="briefing-crime-series" value={d.crime ? d.crimeChoices.find((c) => c.label === d.crime!.label)?.value : ''}
                  onChange={(e) => setParam('series', e.target.value)}>
                  {d.crimeChoices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
                </select>
              </label>
            )}
            {d.localChoices.length > 1 && (
              <label>Overdose series{' '}
                <select data-testid="briefing-local" value={d.overdoses?.label ?? ''} onChange={(e) => setParam('local', e.target.value)}>
                  {d.localChoices.map((c) => <option key={c}>{c}</option>)}
                </select>
              </label>
            )}
          </div>
        )}
        <div className="report-actions">
          <button type="button" onClick={() => window.print()} disabled={d.loading}>Save as PDF (print)</button>
          <p className="hint">Prints on one US Letter page. In the print dialog choose “Save as PDF” and turn off the browser’s own headers and footers.</p>
          <p className="hint"><Link data-testid="briefing-claim-link" to={`/claim${d.crime ? `?${new URLSearchParams({ series: `crime:${d.crimeChoices.find((c) => c.label === d.crime!.label)?.value ?? ''}` })}` : ''}`}>Check a claim</Link> before it goes in the briefing: a before-and-after figure checked on these data, printable on its own page.</p>
        </div>
      </div>
      {d.error && <p role="alert" className="error">The briefing could not be computed: {d.error}</p>}
      {!d.loading && d.kpis && d.kpis.encounters === 0 && (
        <p className="notice" role="status" data-testid="report-empty">{notStarted
          ? <>The program had not started in {period.label} (launch {launchWords}): program figures are not shown; naloxone, crime and overdoses are shown as context.</>
          : d.coverage.missing ? <>{d.coverage.missing} Program figures are not shown.</>
          : <>No program encounters fall in {period.label}: the figures below are zero, and the comparisons show what the earlier periods had.</>}</p>
      )}
      {!d.loading && !notStarted && (d.coverage.partial || launchInside) && (
        <p className="notice" role="note" data-testid="report-partial">
          {launchInside && <>The program launched on {launchWords}, inside this period, so it ran for only part of it: comparisons with earlier periods are not like for like. </>}
          {d.coverage.partial}
        </p>
      )}
      {!d.loading && (
        <>
          <section className="headlines" aria-label="Headline figures">
            {d.headlines.map((h) => <HeadlineCard key={h.id} h={h} previous={prevLabel} lastYear={lyLabel} />)}
          </section>
          <section className="briefing-summary" aria-label="Summary">
            <p data-testid="briefing-paragraph">{paragraph}</p>
          </section>
          {params.get('claim') && <ClaimSection claim={params.get('claim')!} onRemove={() => setParam('claim', null)} />}
          <section className="briefing-charts" aria-label="Charts">
            <div className="wide"><PlacementsChart rows={d.monthly} events={events} height={chartHeight} /></div>
            {d.crime ? (
              <CrimeTrendChart rows={d.crime.rows} mainLabel={d.crime.label} measure="offenses per month" events={events} loading={false} height={chartHeight}
                definition="Offenses in the addiction-associated groups of the offense table on the Crime page. Gaps: months not reported." />
            ) : <p className="empty chart">No crime data are loaded.</p>}
            {d.overdoses ? (
              <TwelveMonthChart testId="chart-briefing-overdoses" rows={d.overdoses.rows} label="Overdoses" events={events} height={chartHeight}
                fileName="overdoses-12-month-ending" title={`Overdoses, 12 months ending each month: ${d.overdoses.label}`}
                description="Solid: overdoses over the 12 months to each month. Dashed: a year earlier."
                definition="All overdoses, fatal and nonfatal, from the local counts." />
            ) : <p className="empty chart">No local overdose counts are loaded.</p>}
          </section>
          <footer className="small-print" data-testid="small-print">
            <h2>Sources and methods</h2>
            <p>
              Program figures: the program’s own encounter export, cost ledger and naloxone log, counted by encounter date in {period.label}; people are
              distinct participant pseudonyms. Comparisons: {prevLabel ?? 'no earlier period'}{lyLabel ? ` and ${lyLabel}` : ''}, counted the same way; a
              percentage change is shown only when the earlier count is at least 20. Charts show the {CONTEXT_MONTHS} months up to the end of the period,
              with program events marked. Crime: {d.crime ? `${d.crime.label} (${d.crime.source === 'incidents' ? 'incident records' : 'monthly counts'})` : 'none loaded'};
              the impact estimate is a segmented Poisson regression with seasonality over every loaded month, with a 95% interval, and is not proof
              of cause. <LaunchNote program={program} /> Overdoses: {d.overdoses ? d.overdoses.label : 'none loaded'}, summed over 12 months to even out seasons. Definitions of every
              figure are on the dashboard’s Placements, Costs, Naloxone, Crime and Overdoses pages. Records never left the browser this was made in.
            </p>
          </footer>
        </>
      )}
    </article>
  );
}

/** "Q1 2025 (Jan–Mar)" as "Q1 2025": short enough for a comparison line. */
function shortLabel(label: string): string {
  return label.replace(/ \(.*\)$/, '');
}

import { useMemo, useState, type MouseEvent } from 'react';
import { Link } from 'react-router';
import { CrimeTrendChart, type TrendRow } from '../../charts/CrimeTrendChart.tsx';
import { MethodsPanel } from '../../components/MethodsPanel.tsx';
import { crimeSpans, partialMonthsBySeries } from '../../metrics/partialMonths.ts';
import { addictionGroups, crimeByMonth, crimeSeries, unassignedOffenses, type CrimeSeries, type Unassigned } from '../../metrics/crime.ts';
import { fmt } from '../../components/format.ts';
import { useData } from '../../state/DataContext.tsx';
import { programEvents } from '../../domain/programInfo.ts';
import { useParamSetter } from '../../state/useParamSetter.ts';
import { savePopulation, savedPopulations } from '../../state/populations.ts';
import { useSql } from '../../state/useSql.ts';
import { annualPlaces } from '../../metrics/crimeAnnual.ts';
import { AnnualCrimeSection } from './AnnualCrimeSection.tsx';
import { ImpactPanel } from './ImpactPanel.tsx';
import { OffenseTable, OFFENSE_TABLE_HEADING } from './OffenseTable.tsx';

const ym = (d: Date) => d.toISOString().slice(0, 7);

/** /crime: monthly addiction-associated offenses for a chosen agency, with a comparison area,
 *  counts or rates per 1,000 residents, the impact analysis around the program launch, and the
 *  offense table that decides what is counted. The choices live in the address. */
export function CrimePage() {
  const { status, program, isSample } = useData();
  const [params, set] = useParamSetter();
  const series = useSql(useMemo(() => crimeSeries(), []));
  const groups = useSql(useMemo(() => addictionGroups(), []));
  const annual = useSql(useMemo(() => annualPlaces(), []));
  const list = series.rows;
  const main = list.find((s) => s.series === params.get('series')) ?? list[0];
  const chosenComparison = list.find((s) => s.series === params.get('compare') && s.series !== main?.series);
  const group = groups.rows.find((g) => g.group === params.get('group'))?.group ?? null;
  // How much of each series no offense group takes: said above the chart when over a tenth, and a
  // series with nothing assigned is never drawn (it would be a flat line of zeros).
  const mainUn = useSql(useMemo(() => (main ? unassignedOffenses(main.series) : null), [main?.series])); // eslint-disable-line react-hooks/exhaustive-deps
  const compUn = useSql(useMemo(() => (chosenComparison ? unassignedOffenses(chosenComparison.series) : null), [chosenComparison?.series])); // eslint-disable-line react-hooks/exhaustive-deps
  const mainBlank = !mainUn.loading && nothingAssigned(mainUn.rows[0]);
  const compBlank = !!chosenComparison && !compUn.loading && nothingAssigned(compUn.rows[0]);
  const comparison = compBlank ? undefined : chosenComparison;
  const [populations, setPopulations] = useState(() => savedPopulations());
  // The sample town's population comes with the sample program.
  const popOf = (s: string | undefined) => (s ? populations[s] ?? (isSample && s === list[0]?.series ? program.population ?? undefined : undefined) : undefined);
  const mainPop = popOf(main?.series);
  const compPop = popOf(comparison?.series);
  const wantRate = params.get('per') === '1000';
  const rate = wantRate && !!mainPop && (!comparison || !!compPop);

  const mainQ = useSql(useMemo(() => (main ? crimeByMonth(main.series, group) : null), [main?.series, group])); // eslint-disable-line react-hooks/exhaustive-deps
  const compQ = useSql(useMemo(() => (comparison ? crimeByMonth(comparison.series, group) : null), [comparison?.series, group])); // eslint-disable-line react-hooks/exhaustive-deps
  // Months the incident records cover only in part: marked on the chart, left out of the impact model.
  const spans = useSql(useMemo(() => crimeSpans(), []));
  const partialAll = useMemo(() => partialMonthsBySeries(spans.rows), [spans.rows]);
  const mainPartial = main ? partialAll.get(main.series) : undefined;
  const compPartial = comparison ? partialAll.get(comparison.series) : undefined;
  const partial = useMemo(() => ({ main: mainPartial, comparison: compPartial }), [mainPartial, compPartial]);


  // Both series on the main series' months; the comparison's months outside them are not shown.
  const aligned = useMemo(() => {
    const comp = new Map(compQ.rows.map((r) => [ym(r.month), r.count]));
    return mainQ.rows.map((r) => ({ month: r.month, main: r.count, comparison: comparison ? comp.get(ym(r.month)) ?? null : undefined }));
  }, [mainQ.rows, compQ.rows, comparison]);
  const shown: TrendRow[] = useMemo(() => (rate
    ? aligned.map((r) => ({ month: r.month, main: r.main == null ? null : (r.main / mainPop!) * 1000,
      comparison: r.comparison == null ? r.comparison : (r.comparison / compPop!) * 1000 }))
    : aligned), [aligned, rate, mainPop, compPop]);

  const what = group ? `${group} offenses` : 'addiction-associated offenses';
  const measure = rate ? `${what} per 1,000 residents per month` : `${what} per month`;
  // Stable between renders, so the charts and the impact model are redrawn and refitted only when
  // their inputs change, not on every render of the page.
  const events = useMemo(() => programEvents(program), [program]);
  const months = useMemo(() => mainQ.rows.map((r) => ym(r.month)), [mainQ.rows]);
  const counts = useMemo(() => mainQ.rows.map((r) => r.count), [mainQ.rows]);
  const comparisonCounts = useMemo(() => (comparison ? aligned.map((r) => r.comparison ?? null) : undefined), [aligned, comparison]);
  const loading = mainQ.loading || (!!comparison && compQ.loading) || spans.loading;
  const notices = [
    ...(main && !mainUn.loading ? [{ s: main, u: mainUn.rows[0] }] : []),
    ...(chosenComparison && !compUn.loading ? [{ s: chosenComparison, u: compUn.rows[0], comparison: true }] : []),
  ].filter((n) => n.u && shareUnassigned(n.u) > 0.1);
  return (
    <>
      <header className="page-head">
        <h1>Crime trends</h1>
        <p className="hint">Offenses often linked to substance use, month by month, around the program's launch. A change in crime after a
          launch does not by itself show the program caused it; the impact analysis below says how much can be said.</p>
      </header>
      {status === 'starting' && <p role="status" className="status">Starting the in-browser database and loading data…</p>}
      {status === 'ready' && !series.loading && !annual.loading && list.length === 0 && (annual.rows.length === 0
        ? <p className="empty" data-testid="missing-table">No crime data is loaded. Add incident records or monthly agency counts on the <Link to="/data">Data page</Link>.</p>
        : <p className="empty" data-testid="annual-only">Only yearly crime figures are loaded: they are shown below. The monthly chart and the impact analysis need incident records or monthly counts (add them on the <Link to="/data">Data page</Link>).</p>)}
      {main && (
        <>
          <div className="filters" role="group" aria-label="What to show">
            <label>Agency{' '}
              <select data-testid="crime-series" value={main.series} onChange={(e) => set('series', e.target.value)}>
                {list.map((s) => <option key={s.series} value={s.series}>{s.label} ({s.source === 'incidents' ? 'incident records' : 'monthly counts'})</option>)}
              </select>
            </label>
            <label>Comparison area{' '}
              <select data-testid="crime-compare" value={chosenComparison?.series ?? ''} onChange={(e) => set('compare', e.target.value || null)}>
                <option value="">None</option>
                {list.filter((s) => s.series !== main.series).map((s) => <option key={s.series} value={s.series}>{s.label}</option>)}
              </select>
            </label>
            <label>Offenses{' '}
              <select data-testid="crime-group" value={group ?? ''} onChange={(e) => set('group', e.target.value || null)}>
                <option value="">All addiction-associated</option>
                {groups.rows.map((g) => <option key={g.group} value={g.group}>{g.group} ({g.codes})</option>)}
              </select>
            </label>
            <fieldset className="inline-fieldset">
              <legend>Show</legend>
              <label><input type="radio" name="per" checked={!wantRate} onChange={() => set('per', null)} /> Counts</label>{' '}
              <label><input type="radio" name="per" checked={wantRate} data-testid="crime-per-1000" onChange={() => set('per', '1000')} /> Per 1,000 residents</label>
            </fieldset>
            <PopulationInput key={main.series} label={`Residents served by ${main.label}`} value={mainPop} testId="population-main"
              onChange={(v) => setPopulations(savePopulation(main.series, v))} />
            {comparison && <PopulationInput key={comparison.series} label={`Residents served by ${comparison.label}`} value={compPop} testId="population-compare"
              onChange={(v) => setPopulations(savePopulation(comparison.series, v))} />}
            <p className="filter-links"><Link data-testid="crime-claim-link" to={claimLink(main.series, group, comparison?.series)}>Check a claim about these figures (such as “crime is down 40% since the program began”)</Link></p>
            <p className="filter-summary" role="status" data-testid="crime-summary">
              {measure}, {main.label}{comparison ? ` compared with ${comparison.label}` : ''}.
              {wantRate && !rate && ' Enter the population of every series shown to see rates; counts are shown until then.'}
            </p>
          </div>
          {notices.map((n) => <UnassignedNotice key={n.s.series} series={n.s} u={n.u!} comparison={!!n.comparison} />)}
          {!mainBlank && <div className="charts">
            <CrimeTrendChart rows={shown} loading={loading} mainLabel={main.label} comparisonLabel={comparison?.label} measure={measure} events={events} partial={partial}
              definition={`${group ? `Offenses whose NIBRS code is in the ${group} group` : 'Addiction-associated offenses: burglary (NIBRS 220), larceny (23A–23H, incl. shoplifting 23C and theft from motor vehicle 23F), motor vehicle theft (240), stolen property (280) and drug violations (35A/35B)'}, by month of the offense. Incident records count incidents; monthly counts are used as the agency reported them. Rates divide by the residents you entered, the same for every month. Offenses without a code are not counted (see the offense table).`} />
            {!loading && mainQ.rows.length > 0 && (
              <ImpactPanel months={months} counts={counts} partial={mainPartial} comparisonPartial={compPartial}
                comparison={comparisonCounts} comparisonLabel={comparison?.label}
                program={program} measure={`${what} in ${main.label}`} unit={`${what} per month`} />
            )}
          </div>}
          <MethodsPanel items={[
            { term: 'Addiction-associated', definition: 'Property and drug offenses that studies of deflection programs track because they often go with substance use: burglary, larceny, motor vehicle theft, stolen property and drug violations, by NIBRS code. Many other things move them too.' },
            { term: 'Months', definition: 'By the month of the offense date (incident records) or the month the agency reported (monthly counts). A month an agency did not report is a gap in the line, never a zero; in incident records a month with no matching incident is zero.' },
            { term: 'Partial months', definition: 'A month that an incident file covers only in part: its records start after the 1st or stop before the last day by more than the file\'s own pace explains. A file with records on nearly every day allows no empty day at its end; a quiet town\'s file with records on 4 days in 10 allows up to 5 (a run that long happens by chance at least 1 time in 20), so ending on the 29th is not partial but ending on the 12th is. A partial month is drawn hollow with a dotted line, marked in the data table, and left out of the impact analysis. Monthly counts are whole months.' },
            { term: '2021 break', definition: 'In 2021 the FBI stopped taking summary (SRS) reports and counts only NIBRS submissions, so agencies that had not switched vanish from national data and counts before and after 2021 can differ for reasons that have nothing to do with crime.' },
            { term: 'Rates', definition: 'Offenses per 1,000 residents: count ÷ residents × 1,000, with the residents you entered held fixed across months. The impact analysis uses counts; a fixed population does not change its percentages.' },
            { term: 'Comparison area', definition: 'Another agency loaded here, drawn on the same axes and, when chosen, used in the impact analysis as a control for changes that hit both places at once.' },
          ]} />
          <OffenseTable />
        </>
      )}
      {annual.rows.length > 0 && <AnnualCrimeSection places={annual.rows} params={params} set={set} program={program} />}
    </>
  );
}

/** The claim checker (/claim) on the same series, offense group and comparison area. */
function claimLink(series: string, group: string | null, comparison: string | undefined): string {
  const p = new URLSearchParams({ series: `crime:${series}` });
  if (group) p.set('group', group);
  if (comparison) p.set('compare', `crime:${comparison}`);
  return `/claim?${p}`;
}

/** Nothing in the series is assigned to an offense group: there is nothing to draw. */
function nothingAssigned(u: Unassigned | undefined): boolean {
  return !!u && Number(u.assignedRows) === 0;
}

function shareUnassigned(u: Unassigned): number {
  if (nothingAssigned(u)) return 1;
  return u.total > 0 ? Math.max(0, u.unassigned) / u.total : 0;
}

/** Said above the chart: how many of a series' offenses no offense group takes (they are counted
 *  nowhere), with the way to the offense table where they are assigned. */
function UnassignedNotice({ series, u, comparison }: { series: CrimeSeries; u: Unassigned; comparison: boolean }) {
  const noun = series.source === 'incidents' ? 'incidents' : 'offenses';
  const blank = nothingAssigned(u);
  const share = Math.min(1, shareUnassigned(u));
  const toTable = (e: MouseEvent<HTMLAnchorElement>) => {
    const h = document.getElementById(OFFENSE_TABLE_HEADING);
    if (!h) return;
    e.preventDefault();
    h.scrollIntoView({ block: 'start' });
    h.focus();
  };
  return (
    <div className="notice" role="note" data-testid={comparison ? 'unassigned-compare' : 'unassigned-main'}>
      <p>
        {blank
          ? <>None of the {fmt.int(u.total)} {noun} in {series.label} is assigned to an offense group (their offenses have no code), so nothing in it is counted{comparison ? ' and it is left out of the chart and the impact analysis' : ' and there is no chart to draw'}.</>
          : <>{fmt.int(u.unassigned)} of the {fmt.int(u.total)} {noun} in {series.label} ({fmt.pct(share)}) {u.unassigned === 1 ? 'is' : 'are'} not assigned to any offense group (their offense has no code), so {u.unassigned === 1 ? 'it is' : 'they are'} not counted{comparison ? ' in the comparison area' : ''}.</>}
        {' '}<a href={`#${OFFENSE_TABLE_HEADING}`} onClick={toTable} data-testid="to-offense-table">Assign offenses in the offense table</a>.
      </p>
    </div>
  );
}

function PopulationInput({ label, value, onChange, testId }: { label: string; value: number | undefined; onChange: (v: number | null) => void; testId: string }) {
  const [text, setText] = useState(value ? String(value) : '');
  const bad = text.trim() !== '' && !(Number(text.replace(/,/g, '')) > 0);
  return (
    <label>{label}{' '}
      <input type="text" inputMode="numeric" size={9} value={text} data-testid={testId} aria-invalid={bad || undefined}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value.replace(/,/g, ''));
          if (e.target.value.trim() === '') onChange(null);
          else if (n > 0 && Number.isFinite(n)) onChange(Math.round(n));
        }} />
      {bad && <span className="error" role="alert"> Enter a number of residents, such as 31200.</span>}
    </label>
  );
}

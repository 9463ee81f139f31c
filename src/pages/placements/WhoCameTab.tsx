import { useProgram } from '../../state/useProgram.ts';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { BreakdownChart } from '../../charts/BreakdownChart.tsx';
import { EncountersPeopleChart } from '../../charts/EncountersPeopleChart.tsx';
import { fmt } from '../../components/format.ts';
import { KpiCard } from '../../components/KpiCard.tsx';
import { MethodsPanel } from '../../components/MethodsPanel.tsx';
import { DIMENSIONS, encountersBy, repeatVisits, type Dimension } from '../../metrics/breakdowns.ts';
import { placementsByMonth, programKpis } from '../../metrics/placements.ts';
import { partialMonthsBySeries } from '../../metrics/partialMonths.ts';
import { encounterSpans } from '../../metrics/programCoverage.ts';
import { serviceReferrals } from '../../metrics/referrals.ts';
import { useData } from '../../state/DataContext.tsx';
import { programEvents } from '../../domain/programInfo.ts';
import type { Filters } from '../../state/useFilters.ts';
import { NoMatch } from '../program/ProgramPage.tsx';
import { useFilled } from './useFilled.ts';
import { AgencyComparison } from './AgencyComparison.tsx';
import { latestParams } from '../../state/latestParams.ts';
import { useLaterOffscreen } from '../../state/laterOffscreen.ts';

const ENC_SERIES = [{ key: 'encounters', label: 'Encounters', color: '#e08a2c' }, { key: 'people', label: 'People', color: '#6b4c9a' }];
const PLACED_SERIES = [{ key: 'placed', label: 'Placements', color: '#1f4e79' }, { key: 'peoplePlaced', label: 'People placed', color: '#6b4c9a' }];
const int = (v: number) => fmt.int(v);
const VISIT_SERIES = [{ key: 'people', label: 'People', color: '#6b4c9a' }];

function Breakdown({ dim, filters, placementsOnly }: { dim: Dimension; filters: Filters; placementsOnly?: boolean }) {
  const later = useLaterOffscreen(filters.filter);
  const q = useProgram(encountersBy, dim, later.shown);
  const label = DIMENSIONS[dim].label;
  // A placement has a treatment other than none, so those rows would always be zero.
  const rows = useMemo(() => (placementsOnly ? q.rows.filter((r) => r.value !== 'none' && (r.value !== '(not recorded)' || r.placed > 0)) : q.rows),
    [placementsOnly, q.rows]);
  return (
    <div ref={later.ref}><BreakdownChart testId={`chart-by-${dim}`} loading={q.loading || later.late} rows={rows} category="value"
      series={placementsOnly ? PLACED_SERIES : ENC_SERIES} format={int}
      title={placementsOnly ? `Placements by ${label.toLowerCase()}` : `Encounters and people by ${label.toLowerCase()}`}
      description={placementsOnly
        ? `Bars: placements, and the distinct people placed, for each ${label.toLowerCase()}.`
        : `Bars: encounters, and the distinct people behind them, for each ${label.toLowerCase()}.`}
      definition={`${placementsOnly ? 'Placed encounters' : 'Encounters'} in the period, by the ${label.toLowerCase()} recorded on the encounter. “(not recorded)” is a blank cell. A person whose encounters carry different values counts once under each, so people do not add up across rows; encounters do.${DIMENSIONS[dim].vocabulary ? ' Every standard value is listed, with zero where nothing happened.' : ''}`}
      columns={[{ key: 'value', label }, { key: 'encounters', label: 'Encounters', numeric: true }, { key: 'people', label: 'People', numeric: true },
        { key: 'placed', label: 'Placements', numeric: true }, { key: 'peoplePlaced', label: 'People placed', numeric: true }]}
      fileName={`${placementsOnly ? 'placements' : 'encounters'}-by-${dim.replace('_', '-')}`} /></div>
  );
}

/** Encounters, people and placements by month, with the export's partial months marked. */
function Monthly({ filter, events }: { filter: Filters['filter']; events: ReturnType<typeof programEvents> }) {
  const later = useLaterOffscreen(filter);
  const monthly = useProgram(placementsByMonth, later.shown);
  // Months the export covers only in part (e.g. taken mid-month), whatever the filter: marked on the chart.
  const spans = useProgram(encounterSpans);
  const partial = useMemo(() => partialMonthsBySeries(spans.rows).get('encounters'), [spans.rows]);
  return (
    <div ref={later.ref}>
      <EncountersPeopleChart rows={monthly.rows} events={events} loading={monthly.loading || spans.loading || later.late} partial={partial} />
    </div>
  );
}

export function WhoCameTab({ filters }: { filters: Filters }) {
  const { program } = useData();
  const f = filters.filter;
  const kpis = useProgram(programKpis, f);
  const visits = useProgram(repeatVisits, f);
  const referrals = useProgram(serviceReferrals, f);
  const r = referrals.rows[0];
  const filled = useFilled();
  const k = kpis.rows[0];
  const repeaters = visits.rows.filter((v) => v.visits !== '1').reduce((s, v) => s + v.people, 0);
  const events = useMemo(() => programEvents(program), [program]);
  const dims: Dimension[] = ['pathway', 'treatment_type', 'agency', 'residence', 'age_band', 'sex', 'race_ethnicity', 'primary_substance'];
  const shown = dims.filter((d) => !filled || filled[d]! > 0);
  const hidden = filled ? dims.filter((d) => filled[d] === 0) : [];
  // One breakdown at a time, chosen in the address (?by=), so a link opens the same one.
  const [params, setParams] = useSearchParams();
  const asked = params.get('by') as Dimension | null;
  const by: Dimension | undefined = asked && shown.includes(asked) ? asked : shown[0];
  if (k && k.encounters === 0) return <NoMatch filters={filters} what="encounters" />;
  return (
    <>
      {k && (
        <div className="kpis" aria-busy={kpis.loading}>
          <KpiCard testId="kpi-encounters" label="Encounters" value={fmt.int(k.encounters)}
            definition="Visits or contacts with the program whose encounter date falls in the period." />
          <KpiCard testId="kpi-people" label="People" value={fmt.int(k.people)}
            detail={`${fmt.num1(k.people ? k.encounters / k.people : null)} encounters per person`}
            definition="Distinct participant pseudonyms among those encounters." />
          <KpiCard testId="kpi-repeat" label="People with 2 or more encounters" value={fmt.int(repeaters)}
            detail={k.people ? `${fmt.pct(repeaters / k.people)} of people` : undefined}
            definition="People with at least two encounters in the period (earlier visits outside the period are not counted)." />
          <KpiCard testId="kpi-placed" label="Placements" value={fmt.int(k.placed)}
            detail={`${fmt.int(k.peoplePlaced)} people placed`}
            definition="Encounters with a placement date and a treatment type other than none." />
        </div>
      )}
      {r && (
        <div className="kpis" aria-busy={referrals.loading} aria-label="People referred, by service" role="group">
          <KpiCard testId="kpi-referred-treatment" label="People referred to treatment" value={fmt.int(r.peopleTreatment)}
            detail={`${fmt.int(r.placementsTreatment)} placements`}
            definition="Distinct people placed in substance use treatment (any type but recovery support; MOUD included)." />
          <KpiCard testId="kpi-referred-recovery" label="People referred to recovery support" value={fmt.int(r.peopleRecovery)}
            detail={`${fmt.int(r.placementsRecovery)} placements`}
            definition="Distinct people placed in recovery support services." />
          <KpiCard testId="kpi-moud" label="People starting MOUD" value={fmt.int(r.peopleMoud)}
            detail={`${fmt.int(r.placementsMoud)} placements`}
            definition="Distinct people placed in medication for opioid use disorder (methadone, buprenorphine, naltrexone)." />
        </div>
      )}
      <div className="charts">
        <Monthly filter={f} events={events} />
        {shown.length > 0 && (
          <label className="inline-field">Break down by{' '}
            <select value={by} data-testid="breakdown-by" onChange={(e) => setParams((prev) => {
              const next = latestParams(prev);
              next.set('by', e.target.value);
              return next;
            })}>
              {shown.map((d) => <option key={d} value={d}>{DIMENSIONS[d].label}</option>)}
            </select>
          </label>
        )}
        {by && <Breakdown dim={by} filters={filters} placementsOnly={by === 'treatment_type'} />}
        <BreakdownChart testId="chart-repeat" loading={visits.loading} rows={visits.rows} category="visits"
          series={VISIT_SERIES} format={int}
          title="Repeat visits: people by number of encounters"
          description="Bars: how many people came once, twice, three times, four times, or five or more times in the period."
          definition="Each person is counted once, in the row of their number of encounters in the period. The rows add up to all people, and their encounters to all encounters."
          columns={[{ key: 'visits', label: 'Encounters in the period' }, { key: 'people', label: 'People', numeric: true }, { key: 'encounters', label: 'Their encounters', numeric: true }]}
          fileName="repeat-visits" />
      </div>
      <AgencyComparison filter={f} />
      {hidden.length > 0 && (
        <p className="hint" data-testid="hidden-breakdowns">Not shown: {hidden.map((d) => DIMENSIONS[d].label.toLowerCase()).join(', ')}. No loaded encounter has a value in {hidden.length === 1 ? 'that column' : 'those columns'}; map a column to {hidden.length === 1 ? 'it' : 'them'} on the Data page to see {hidden.length === 1 ? 'it' : 'them'}.</p>
      )}
      <MethodsPanel items={[
        { term: 'Period', definition: `${filters.period.label}. An encounter belongs to the period of its encounter date; its placement may come later.` },
        { term: 'Encounter', definition: 'One row of the program export: a visit or contact. One person can have several.' },
        { term: 'People', definition: 'Distinct participant pseudonyms. Pseudonyms are taken as given: if the program gives one person two pseudonyms, they count as two people.' },
        { term: 'Placement', definition: 'An encounter with a placement date and a treatment type other than “none”. People placed counts distinct pseudonyms with at least one placement.' },
        { term: 'Filters', definition: 'Agency, pathway and treatment type narrow the encounters to those recorded with that value. Treatment type keeps only encounters placed in that treatment.' },
        { term: 'Excluded', definition: 'Nothing is dropped for missing fields: blank cells appear as “(not recorded)”. Rows the Data page refused (bad dates, duplicate IDs) are not loaded at all.' },
      ]} />
    </>
  );
}

import { useMemo } from 'react';
import { Link } from 'react-router';
import { MethodsPanel } from '../../components/MethodsPanel.tsx';
import { nonfatalPlaces } from '../../metrics/nonfatal.ts';
import { townPlaces } from '../../metrics/townDeaths.ts';
import { countyList, deathGroups, localOverdosesByMonth, vsrrIndicators, wonderCounties } from '../../metrics/overdoses.ts';
import { useData } from '../../state/DataContext.tsx';
import { programEvents } from '../../domain/programInfo.ts';
import { useParamSetter } from '../../state/useParamSetter.ts';
import { useSql } from '../../state/useSql.ts';
import { CountySection } from './CountySection.tsx';
import { DeathRecordsSection } from './DeathRecordsSection.tsx';
import { LocalSection } from './LocalSection.tsx';
import { NonfatalSection } from './NonfatalSection.tsx';
import { TownYearsSection } from './TownYearsSection.tsx';
import { StateSection } from './StateSection.tsx';
import { WonderSection } from './WonderSection.tsx';

/** /overdoses: the town's own overdose counts beside the county's and the state's provisional
 *  death counts, each read as 12-month-ending counts compared with a year earlier, and the
 *  officers' naloxone administrations beside the local counts. The choices live in the address. */
export function OverdosesPage() {
  const { status, program } = useData();
  const [params, set] = useParamSetter();
  const local = useSql(useMemo(() => localOverdosesByMonth(), []));
  const counties = useSql(useMemo(() => countyList(), []));
  const indicators = useSql(useMemo(() => vsrrIndicators(), []));
  const wonder = useSql(useMemo(() => wonderCounties(), []));
  const deaths = useSql(useMemo(() => deathGroups(), []));
  const nonfatal = useSql(useMemo(() => nonfatalPlaces(), []));
  const towns = useSql(useMemo(() => townPlaces(), []));
  const events = useMemo(() => programEvents(program), [program]);
  const loading = local.loading || counties.loading || indicators.loading;
  const hasWonder = wonder.rows.length > 0;
  const hasDeaths = deaths.rows.length > 0;
  const hasNonfatal = nonfatal.rows.length > 0;
  const hasTowns = towns.rows.length > 0;
  const nothing = !loading && local.rows.length === 0 && counties.rows.length === 0 && indicators.rows.length === 0 && !hasWonder && !hasDeaths && !hasNonfatal && !hasTowns;
  return (
    <>
      <header className="page-head">
        <h1>Overdoses</h1>
        <p className="hint">Overdoses in town, and provisional overdose deaths in the county and the state, read the way CDC publishes
          them: as counts over the 12 months ending in each month, compared with the same 12 months a year earlier.</p>
      </header>
      {status === 'starting' && <p role="status" className="status">Starting the in-browser database and loading data…</p>}
      {status === 'ready' && nothing && (
        <p className="empty" data-testid="missing-table">No overdose data is loaded. Add local overdose counts, ODIN-style incident records,
          CDC VSRR or county provisional counts, a CDC WONDER export, a medical examiner's death records, a state's table of deaths by
          town and year, or CDC DOSE nonfatal overdose files (SyS or DX) on the <Link to="/data">Data page</Link>.</p>
      )}
      {local.rows.length > 0 && <LocalSection rows={local.rows} events={events} chosen={params.get('local')} onChoose={(v) => set('local', v)} />}
      {counties.rows.length > 0 && <CountySection counties={counties.rows} events={events} chosen={params.get('county')} onChoose={(v) => set('county', v)} />}
      {hasDeaths && (
        <DeathRecordsSection by={params.get('deathsBy')} place={params.get('deathsPlace')}
          onBy={(v) => set('deathsBy', v)} onPlace={(v) => set('deathsPlace', v)} />
      )}
      {hasTowns && <TownYearsSection towns={towns.rows} chosen={params.get('town')} programName={program.name} onChoose={(v) => set('town', v)} />}
      {hasNonfatal && (
        <NonfatalSection places={nonfatal.rows} place={params.get('ed')} drug={params.get('edDrug')} homeState={program.state} events={events}
          onPlace={(v) => set('ed', v)} onDrug={(v) => set('edDrug', v)} />
      )}
      {hasWonder && <WonderSection counties={wonder.rows} chosen={params.get('wonder')} onChoose={(v) => set('wonder', v)} />}
      {indicators.rows.length > 0 && (
        <StateSection indicators={indicators.rows} events={events} state={params.get('state')} indicator={params.get('indicator')}
          onState={(v) => set('state', v)} onIndicator={(v) => set('indicator', v)} />
      )}
      {!nothing && !loading && (
        <MethodsPanel items={[
          { term: '12 months ending', definition: 'The count over the 12 months up to and including the month named. CDC publishes provisional deaths this way because single months are small and late reports fill in; a 12-month window also takes out the season.' },
          { term: 'Year over year', definition: 'Each 12-month-ending count is compared with the one 12 months earlier: two windows that do not overlap. Month-to-month changes of 12-month-ending counts share 11 months and are never shown as a change.' },
          { term: 'Suppressed', definition: 'CDC withholds small counts (county provisional: 1–9 deaths; WONDER: under 10, and marks rates from under 20 deaths unreliable). These are gaps with a note, never zeros.' },
          { term: 'Provisional', definition: 'VSRR and county counts are provisional: recent months rise as investigations close. Compare the percent pending where the file gives it.' },
          { term: 'Nonfatal overdoses (CDC DOSE)', definition: 'Overdoses people survived, from hospitals: DOSE-SyS gives emergency-department visits per 10,000 of all ED visits (a share of visits, not a count, by month); DOSE-DX gives counts and rates per 100,000 residents of ED visits and of hospital admissions, kept apart. Withheld figures are gaps, never zeros.' },
          { term: 'Local counts', definition: 'As the town\'s own file counts them: fatal and nonfatal overdoses (or, in incident records such as ODIN, one row per victim). In incident records a month with no incident is zero; in monthly counts a missing month is a gap.' },
        ]} />
      )}
    </>
  );
}

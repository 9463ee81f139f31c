import { useMemo } from 'react';
import { DxMonthChart } from '../../charts/DxMonthChart.tsx';
import { DxYearChart } from '../../charts/DxYearChart.tsx';
import { EdRateChart } from '../../charts/EdRateChart.tsx';
import type { Annotation } from '../../charts/marks.ts';
import { DOSE_DRUGS, type DoseDrug } from '../../ingest/kinds/doseFiles.ts';
import { dxMonths, dxYears, edRateMonths, nonfatalFigures, placeKey, type NonfatalPlace } from '../../metrics/nonfatal.ts';
import { useSql } from '../../state/useSql.ts';

const placeName = (p: NonfatalPlace) => (p.level === 'county' ? `${p.county ?? p.county_fips}, ${p.state}` : p.state);

/** Nonfatal overdoses treated in hospital (CDC DOSE), beside the deaths: for one state or county and
 *  one drug group, the ED visit rate of syndromic surveillance (DOSE-SyS) and the yearly ED visits
 *  and hospitalisations of discharge data (DOSE-DX), each with its own definition. The place
 *  (`state:MA`, `county:04013`) and the drug are in the address; the program's state is shown first,
 *  else the first place with figures. */
export function NonfatalSection({ places, place: placeParam, drug: drugParam, homeState, events, onPlace, onDrug }: {
  places: NonfatalPlace[]; place: string | null; drug: string | null; homeState: string | null | undefined; events: Annotation[];
  onPlace: (v: string | null) => void; onDrug: (v: string | null) => void;
}) {
  const chosen = places.find((p) => placeKey(p) === placeParam)
    ?? places.find((p) => p.level === 'state' && p.state === homeState?.toUpperCase())
    // Else the first place CDC gives figures for (a state that shares no data has none).
    ?? places.find((p) => p.reported > 0) ?? places[0]!;
  const drug: DoseDrug = (DOSE_DRUGS as readonly string[]).includes(drugParam ?? '') ? drugParam as DoseDrug : 'all drugs';
  const code = chosen.level === 'county' ? chosen.county_fips! : chosen.state;
  const figures = useSql(useMemo(() => nonfatalFigures(chosen.level, code, drug), [chosen.level, code, drug]));
  const months = useMemo(() => edRateMonths(figures.rows), [figures.rows]);
  const years = useMemo(() => dxYears(figures.rows), [figures.rows]);
  const dxByMonth = useMemo(() => dxMonths(figures.rows), [figures.rows]);
  const name = placeName(chosen);
  return (
    <section aria-labelledby="nonfatal-h" data-testid="overdoses-nonfatal">
      <h2 id="nonfatal-h">Nonfatal overdoses treated in hospital (CDC DOSE): {name}</h2>
      <div className="filters">
        {places.length > 1 && (
          <label className="inline-field">Place{' '}
            <select value={placeKey(chosen)} data-testid="nonfatal-place" onChange={(e) => onPlace(e.target.value)}>
              {places.map((p) => <option key={placeKey(p)} value={placeKey(p)}>{p.level === 'state' ? `${p.state} (state)` : placeName(p)}</option>)}
            </select>
          </label>
        )}{' '}
        <label className="inline-field">Drug{' '}
          <select value={drug} data-testid="nonfatal-drug" onChange={(e) => onDrug(e.target.value === 'all drugs' ? null : e.target.value)}>
            {DOSE_DRUGS.map((d) => <option key={d} value={d}>{d[0]!.toUpperCase() + d.slice(1)}</option>)}
          </select>
        </label>
      </div>
      <p className="hint">Overdoses people survived, seen in emergency departments or admitted to hospital: a different count from deaths,
        from different records. The drug groups overlap (fentanyl is among opioids) and are never added up. {chosen.sources} for this place.</p>
      {!figures.loading && months.length === 0 && years.length === 0 && dxByMonth.length === 0 && (
        <p className="empty" data-testid="nonfatal-none">The loaded DOSE files give no {drug} figures for {name}.</p>
      )}
      <div className="charts">
        {months.length > 0 && <EdRateChart rows={months} place={name} drug={drug} events={events} />}
        {years.length > 0 && <DxYearChart rows={years} place={name} drug={drug} />}
        {dxByMonth.length > 0 && <DxMonthChart rows={dxByMonth} place={name} drug={drug} events={events} />}
      </div>
    </section>
  );
}

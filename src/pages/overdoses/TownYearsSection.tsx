import { useMemo } from 'react';
import { YearBarsChart } from '../../charts/YearBarsChart.tsx';
import { fmt } from '../../components/format.ts';
import { townYearsOf, type TownPlace } from '../../metrics/townDeaths.ts';
import { useSql } from '../../state/useSql.ts';

const BASIS: Record<string, string> = { residence: 'by residence', death: 'by place of death' };
const nameOf = (t: TownPlace) => `${t.place}${t.basis ? ` (${BASIS[t.basis]})` : ''}`;

/** A state's overdose deaths by town and year (a state health department's table): the chosen
 *  town's deaths per year as yearly bars. The town is in the address; without one, the town the
 *  program's name names (Gloucester for "Gloucester ANGEL Program"), else the first. */
export function TownYearsSection({ towns, chosen: chosenParam, programName, onChoose }: {
  towns: TownPlace[]; chosen: string | null; programName: string | null | undefined; onChoose: (v: string | null) => void;
}) {
  const named = programName ? towns.find((t) => new RegExp(`\\b${t.place.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(programName)) : undefined;
  const chosen = towns.find((t) => t.key === chosenParam) ?? named ?? towns[0]!;
  const q = useSql(useMemo(() => townYearsOf(chosen.key), [chosen.key]));
  const rows = useMemo(() => q.rows.map((r) => ({ year: r.year, value: r.deaths, status: r.status })), [q.rows]);
  const basis = chosen.basis ? BASIS[chosen.basis] : 'as the table counts them (it does not say by residence or by place of death)';
  return (
    <section aria-labelledby="towns-h" data-testid="overdoses-towns">
      <h2 id="towns-h">Overdose deaths per year: {chosen.place}</h2>
      {towns.length > 1 && (
        <label className="inline-field">Town{' '}
          <select value={chosen.key} data-testid="town-years-place" onChange={(e) => onChoose(e.target.value)}>
            {towns.map((t) => <option key={t.key} value={t.key}>{nameOf(t)} ({fmt.int(t.deaths)})</option>)}
          </select>
        </label>
      )}
      <div className="charts">
        <YearBarsChart testId="chart-town-years" rows={rows} loading={q.loading} valueLabel="deaths"
          title={`Overdose deaths per year: ${nameOf(chosen)}`}
          description={`Bars: overdose deaths of each year in ${chosen.place}, ${basis}, from the state's table.`}
          definition="From a state health department's table of deaths by town and year, as published: yearly counts, never spread over months. The table's total row was checked against the sum of its towns when loaded and is not shown. Counts the state withholds (small numbers) have no bar and are named along the bottom; they are not zero. A town's yearly deaths are small numbers: read a change over several years, not one."
          fileName="overdose-deaths-by-year" />
      </div>
    </section>
  );
}

import { useMemo } from 'react';
import { YearBarsChart } from '../../charts/YearBarsChart.tsx';
import { fmt } from '../../components/format.ts';
import type { ProgramInfo } from '../../domain/programInfo.ts';
import { annualFigures, annualOffenses, type AnnualPlace } from '../../metrics/crimeAnnual.ts';
import { useSql } from '../../state/useSql.ts';

/** The fewest monthly points on each side of the launch the impact analysis asks for. */
const MONTHS_EACH_SIDE = 12;

/** Yearly crime figures (a state UCR table of counts and rates by town and year): one place's
 *  figures per year as bars, counts or rates (never both added), all addiction-associated
 *  offenses or one; and why no impact model is fitted to them. The choices live in the address. */
export function AnnualCrimeSection({ places, params, set, program }: {
  places: AnnualPlace[]; params: URLSearchParams; set: (k: string, v: string | null) => void; program: ProgramInfo;
}) {
  const named = program.name ? places.find((p) => new RegExp(`\\b${p.place.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(program.name!)) : undefined;
  const place = places.find((p) => p.place.toUpperCase() === (params.get('year_place') ?? '').toUpperCase()) ?? named ?? places[0]!;
  const measures = place.measures.split(',');
  const measure = (measures.includes(params.get('year_measure') ?? '') ? params.get('year_measure') : measures.includes('count') ? 'count' : 'rate') as 'count' | 'rate';
  const offenses = useSql(useMemo(() => annualOffenses(place.place), [place.place]));
  const offense = offenses.rows.find((o) => o.offense === params.get('year_offense'))?.offense ?? null;
  const q = useSql(useMemo(() => annualFigures(place.place, measure, offense), [place.place, measure, offense]));
  const rows = q.rows;
  const summed = offenses.rows.filter((o) => o.associated);
  const notSummed = offenses.rows.filter((o) => !o.associated);
  const per = place.per ? `per ${fmt.int(place.per)} residents` : 'as the file\'s rate (its base not stated)';
  const what = offense ?? 'addiction-associated offenses';
  const valueLabel = measure === 'count' ? `${what} per year` : `${what} ${per}`;
  const launchYear = program.launchDate ? Number(program.launchDate.slice(0, 4)) : null;
  const before = launchYear ? rows.filter((r) => r.year < launchYear && r.value != null).length : 0;
  const after = launchYear ? rows.filter((r) => r.year > launchYear && r.value != null).length : 0;
  return (
    <section aria-labelledby="annual-h" data-testid="crime-annual">
      <h2 id="annual-h">Yearly figures: {place.place}</h2>
      <div className="filters" role="group" aria-label="Which yearly figures">
        {places.length > 1 && (
          <label>Place{' '}
            <select value={place.place} data-testid="annual-place" onChange={(e) => set('year_place', e.target.value)}>
              {places.map((p) => <option key={p.place} value={p.place}>{p.place} ({p.first}–{p.last})</option>)}
            </select>
          </label>
        )}
        <label>Offenses{' '}
          <select value={offense ?? ''} data-testid="annual-offense" onChange={(e) => set('year_offense', e.target.value || null)}>
            <option value="">All addiction-associated ({summed.map((o) => o.offense).join(', ') || 'none named'})</option>
            {offenses.rows.map((o) => <option key={o.offense} value={o.offense}>{o.offense}{o.code ? ` (NIBRS ${o.code})` : ''}</option>)}
          </select>
        </label>
        {measures.length > 1 && (
          <fieldset className="inline-fieldset">
            <legend>Show</legend>
            <label><input type="radio" name="year-measure" checked={measure === 'count'} onChange={() => set('year_measure', null)} /> Counts</label>{' '}
            <label><input type="radio" name="year-measure" checked={measure === 'rate'} data-testid="annual-rate" onChange={() => set('year_measure', 'rate')} /> Rates ({per})</label>
          </fieldset>
        )}
      </div>
      <p className="notice" role="note" data-testid="annual-coarse">
        {launchYear
          ? <>These are yearly figures: {place.place} has {before} {before === 1 ? 'year' : 'years'} before the launch year ({launchYear}) and {after} after it. </>
          : <>These are yearly figures. </>}
        The impact analysis fits a model month by month (the trend, the seasons, a change at the launch) and needs monthly counts, at least
        {' '}{MONTHS_EACH_SIDE} months on each side of the launch. With one figure a year there are too few points to tell a change at the launch
        from the trend or from chance, so no model is fitted to them{launchYear ? `, and ${launchYear} mixes months before and after the launch` : ''}.
        Compare years with care; for the analysis, load monthly counts (an FBI NIBRS extract, or your agency's monthly report).
      </p>
      <div className="charts">
        <YearBarsChart testId="chart-crime-annual" rows={rows} loading={q.loading || offenses.loading} valueLabel={valueLabel}
          format={measure === 'count' ? fmt.int : fmt.num1}
          mark={launchYear ? { year: launchYear, label: 'launch' } : undefined}
          title={`${what[0]!.toUpperCase()}${what.slice(1)}, ${measure === 'count' ? 'count' : 'rate'} per year: ${place.place}`}
          description={`Bars: ${valueLabel} in ${place.place}, each year as the file gives it.`}
          definition={`Yearly figures as the file gives them, never spread over months. ${measure === 'count'
            ? 'Counts of offenses.'
            : `Rates as the file gives them (${per}); a sum of offense rates is the rate of their sum, the same residents dividing each.`} ${offense
            ? ''
            : `All addiction-associated: the sum of the offenses whose name the offense tables read as burglary, larceny, motor vehicle theft, stolen property or drug violations (here ${summed.map((o) => `${o.offense}${o.code ? ` (${o.code})` : ''}`).join(', ') || 'none'}); a year missing any of them has no bar.`} Not summed: ${notSummed.map((o) => o.offense).join(', ') || 'none'} (totals such as "Property Crime" are never added to the offenses they total). Counts and rates are never added together. Two files giving different figures for the same year show none.`}
          fileName="crime-per-year" />
      </div>
    </section>
  );
}

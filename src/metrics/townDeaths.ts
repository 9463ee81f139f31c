import { sqlString } from '../db/sql.ts';
import { query } from './query.ts';

/** A town of a state's table of overdose deaths by town and year (overdose_town_years), matched
 *  whatever its case: `key` is `residence:GLOUCESTER`, `death:GLOUCESTER` or `:GLOUCESTER` (the table
 *  does not say which). */
export interface TownPlace extends Record<string, unknown> {
  key: string;
  place: string;
  basis: 'residence' | 'death' | null;
  /** Deaths over the years the table gives (withheld years left out). */
  deaths: number;
  years: number;
}

export function townPlaces() {
  return query<TownPlace>(`SELECT coalesce(basis, '') || ':' || upper(trim(place)) AS key, min(trim(place)) AS place, basis,
      coalesce(sum(count), 0)::INTEGER AS deaths, count(DISTINCT year)::INTEGER AS years
    FROM overdose_town_years GROUP BY upper(trim(place)), basis ORDER BY upper(trim(place)), basis NULLS LAST`);
}

export interface TownYear extends Record<string, unknown> { year: number; deaths: number | null; status: string }

/** One town's deaths per year. Two loaded tables giving the same town and year are never added:
 *  their figure is shown when they agree, and none (status "tables differ") when they do not. */
export function townYearsOf(key: string) {
  const [basis, ...rest] = key.split(':');
  const place = rest.join(':');
  return query<TownYear>(`SELECT year, CASE WHEN count(DISTINCT count) = 1 THEN any_value(count) END AS deaths,
      CASE WHEN count(DISTINCT count) > 1 THEN 'tables differ' WHEN count(count) = 0 THEN min(status) ELSE 'reported' END AS status
    FROM overdose_town_years WHERE upper(trim(place)) = ${sqlString(place)} AND coalesce(basis, '') = ${sqlString(basis ?? '')}
    GROUP BY year ORDER BY year`);
}

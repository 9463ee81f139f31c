import { normaliseOffenseSql } from '../db/codes.ts';
import { sqlString } from '../db/sql.ts';
import { query } from './query.ts';

/** Yearly crime figures (crime_annual): counts and rates as the file gives them, each offense
 *  matched to a NIBRS code the way monthly data are (the user's assignment, then the shipped
 *  table), so "addiction-associated" means the same offenses on every crime chart. A year's
 *  figure is never spread over months, and counts and rates are never added together. */

/** Every row with the code and group its offense counts under (NULL: none, as for a total such as
 *  "Property Crime", which is never summed with the offenses it totals). */
const CODED = `(SELECT a.*, c.code, c.grp, coalesce(c.addiction_associated, false) AS associated
  FROM crime_annual a
  LEFT JOIN offense_user_aliases u ON u.alias = ${normaliseOffenseSql('a.offense')}
  LEFT JOIN offense_aliases s ON s.alias = ${normaliseOffenseSql('a.offense')}
  LEFT JOIN offense_codes c ON c.code = coalesce(u.code, s.code))`;

export interface AnnualPlace extends Record<string, unknown> {
  place: string;
  first: number;
  last: number;
  /** The measures the place has: 'count', 'rate' or both. */
  measures: string;
  /** The base of its rates (100000), when the file says. */
  per: number | null;
}

export function annualPlaces() {
  return query<AnnualPlace>(`SELECT min(trim(place)) AS place, min(year) AS first, max(year) AS last,
      string_agg(DISTINCT measure, ',' ORDER BY measure) AS measures, max(per) AS per
    FROM crime_annual WHERE place IS NOT NULL GROUP BY upper(trim(place)) ORDER BY upper(trim(place))`);
}

export interface AnnualOffense extends Record<string, unknown> { offense: string; code: string | null; group: string | null; associated: boolean }

/** The offenses a place's figures name, with the code and group each counts under. */
export function annualOffenses(place: string) {
  return query<AnnualOffense>(`SELECT min(offense) AS offense, any_value(code) AS code, any_value(grp) AS "group", bool_or(associated) AS associated
    FROM ${CODED} WHERE upper(trim(place)) = upper(${sqlString(place.trim())})
    GROUP BY ${normaliseOffenseSql('offense')} ORDER BY bool_or(associated) DESC, min(offense)`);
}

export interface AnnualFigure extends Record<string, unknown> { year: number; value: number | null; status: string }

/** One place's figure per year for one measure: one offense (`offense`), or the sum of its
 *  addiction-associated offenses (`offense` null). A year is given only when every offense of the
 *  sum has a figure that year (else "not every offense given"); two files giving one place, year,
 *  offense and measure are never added (their figure is shown when they agree, else "files differ"). */
export function annualFigures(place: string, measure: 'count' | 'rate', offense: string | null) {
  const which = offense == null ? 'associated' : `${normaliseOffenseSql('offense')} = ${normaliseOffenseSql(sqlString(offense))}`;
  return query<AnnualFigure>(`WITH x AS (SELECT year, ${normaliseOffenseSql('offense')} AS k,
        CASE WHEN count(DISTINCT value) = 1 THEN any_value(value) END AS value, count(DISTINCT value) > 1 AS differ
      FROM ${CODED} WHERE upper(trim(place)) = upper(${sqlString(place.trim())}) AND measure = ${sqlString(measure)} AND ${which}
      GROUP BY year, k),
    wanted AS (SELECT count(DISTINCT k) AS n FROM x),
    years AS (SELECT unnest(generate_series((SELECT min(year) FROM crime_annual WHERE upper(trim(place)) = upper(${sqlString(place.trim())})),
      (SELECT max(year) FROM crime_annual WHERE upper(trim(place)) = upper(${sqlString(place.trim())})))) AS year)
    SELECT years.year::INTEGER AS year,
      CASE WHEN bool_or(x.differ) OR count(x.value) < (SELECT n FROM wanted) THEN NULL ELSE sum(x.value) END AS value,
      CASE WHEN bool_or(x.differ) THEN 'files differ' WHEN count(x.k) = 0 THEN 'not given'
        WHEN count(x.value) < (SELECT n FROM wanted) THEN 'not every offense given' ELSE 'reported' END AS status
    FROM years LEFT JOIN x USING (year) GROUP BY years.year ORDER BY years.year`);
}

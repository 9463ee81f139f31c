/** Crime counts with the NIBRS code and offense group each is counted under, worked out once when
 *  crime data or the user's offense assignments change, so the crime page's queries read a small
 *  table instead of joining five code tables on every filter change. */

/** Every crime_facts row with the NIBRS code it is counted under, and where that code came from:
 *  - 'file': the file's own code column holds a NIBRS code;
 *  - 'yours': an assignment the user made in the offense table (this browser);
 *  - 'default': the shipped table of common descriptions and codes (data/codes);
 *  - 'unmapped': none of these; such rows are listed for the user and never counted.
 *  A user assignment of an offense text wins over a default, never over the file's own code. */
export const CODED_CRIME = `(
  SELECT f.*, coalesce(k.code, u1.code, u2.code, s1.code, s2.code) AS code,
    CASE WHEN k.code IS NOT NULL THEN 'file' WHEN coalesce(u1.code, u2.code) IS NOT NULL THEN 'yours'
      WHEN coalesce(s1.code, s2.code) IS NOT NULL THEN 'default' ELSE 'unmapped' END AS code_from
  FROM crime_facts f
  LEFT JOIN offense_codes k ON k.code = upper(f.code_key)
  LEFT JOIN offense_user_aliases u1 ON u1.alias = f.offense_key
  LEFT JOIN offense_user_aliases u2 ON u2.alias = f.code_key
  LEFT JOIN offense_aliases s1 ON s1.alias = f.offense_key
  LEFT JOIN offense_aliases s2 ON s2.alias = f.code_key)`;

/** crime_coded: one row per series, month and offense group with a known code: the count (NULL when
 *  any row of it was not reported) and how many source rows it sums. */
export const CRIME_CODED = 'crime_coded';

export function crimeCodedSql(): string {
  return `CREATE OR REPLACE TABLE ${CRIME_CODED} AS
    SELECT x.series, x.month, c.grp, c.addiction_associated,
      CASE WHEN count(x.count) = count(*) THEN sum(x.count) END AS count, count(*) AS n
    FROM ${CODED_CRIME} x JOIN offense_codes c ON c.code = x.code
    GROUP BY ALL ORDER BY x.series, x.month`;
}

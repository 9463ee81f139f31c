/** Crime counts with the NIBRS code and offense group each is counted under, worked out once when
 *  crime data or the user's offense assignments change, so the crime page's queries read a small
 *  table instead of joining five code tables on every filter change. */

/** The share of a series' offenses whose code the code tables know (a NIBRS code, or an FBI/UCR
 *  code or description in the default table) for its code column to be read as offense codes.
 *  A column of some other numbering (Boston's, Los Angeles', Philadelphia's UCR hundreds, Denver's
 *  four-digit codes) only meets a NIBRS code by accident ("520" is a Boston burglary and the NIBRS
 *  weapons code), so such a column is ignored and the offense text decides. */
export const CODE_COLUMN_MIN_KNOWN = 0.5;

/** Per series: whether its code column holds codes the tables know (see CODE_COLUMN_MIN_KNOWN).
 *  Weighted by offenses (a count of zero or a not-reported month weighs as one row). Only the
 *  3-character NIBRS codes count as NIBRS here: "23" is the app's own roll-up of the larceny
 *  codes, never written in a file, and as an FBI/UCR arrest code it means drunkenness. */
const CODE_COLUMNS = `(
  SELECT f.series, sum(coalesce(abs(f.count), 1)) FILTER (WHERE k.code IS NOT NULL OR s.code IS NOT NULL)
      >= ${CODE_COLUMN_MIN_KNOWN} * sum(coalesce(abs(f.count), 1)) AS trusted
  FROM crime_facts f
  LEFT JOIN offense_codes k ON length(k.code) = 3 AND k.code = upper(f.code_key)
  LEFT JOIN offense_aliases s ON s.alias = f.code_key
  WHERE f.code_key IS NOT NULL GROUP BY f.series)`;

/** Every crime_facts row with the NIBRS code it is counted under, and where that code came from,
 *  first match wins:
 *  1. 'file': the file's own code column holds a NIBRS code;
 *  2. 'yours': an assignment the user made in the offense table (this browser), of the code, then
 *     of the offense text;
 *  3. 'default': the shipped table (data/codes), for the code (an FBI/UCR code such as Chicago's
 *     "13", stolen property), then for the offense text;
 *  4. 'unmapped': none of these; such rows are listed for the user and never counted.
 *  So a code in the file wins over the default reading of its offense text (Chicago's FBI code 13
 *  beside the primary type "DECEPTIVE PRACTICE" is stolen property, not fraud), and the user's
 *  assignment of a text wins over any default, never over a NIBRS code in the file. A code column
 *  that does not hold known codes (CODE_COLUMNS) is not read as codes (1 and 3 are skipped). */
export const CODED_CRIME = `(
  SELECT f.*, coalesce(k.code, u2.code, u1.code, s2.code, s1.code) AS code,
    CASE WHEN k.code IS NOT NULL THEN 'file' WHEN coalesce(u2.code, u1.code) IS NOT NULL THEN 'yours'
      WHEN coalesce(s2.code, s1.code) IS NOT NULL THEN 'default' ELSE 'unmapped' END AS code_from
  FROM crime_facts f
  LEFT JOIN ${CODE_COLUMNS} t ON t.series = f.series
  LEFT JOIN offense_codes k ON t.trusted AND length(k.code) = 3 AND k.code = upper(f.code_key)
  LEFT JOIN offense_user_aliases u2 ON u2.alias = f.code_key
  LEFT JOIN offense_user_aliases u1 ON u1.alias = f.offense_key
  LEFT JOIN offense_aliases s2 ON t.trusted AND s2.alias = f.code_key
  LEFT JOIN offense_aliases s1 ON s1.alias = f.offense_key)`;

/** crime_coded: one row per series, month and offense group: the count (NULL when any row of it
 *  was not reported) and how many source rows it sums. Offenses assigned to no group (no code, or
 *  a code not in the code table) are kept in rows with a NULL group and NULL addiction_associated,
 *  so the share left out can be said; every group filter leaves them out. */
export const CRIME_CODED = 'crime_coded';

/** crime_coded with no crime data: the same columns and types, without working the empty
 *  derivation out (the database's start). */
export function emptyCrimeCodedSql(): string {
  return `CREATE OR REPLACE TABLE ${CRIME_CODED} (series VARCHAR, month DATE, grp VARCHAR, addiction_associated BOOLEAN, count DOUBLE, n BIGINT)`;
}

export function crimeCodedSql(): string {
  return `CREATE OR REPLACE TABLE ${CRIME_CODED} AS
    SELECT x.series, x.month, c.grp, c.addiction_associated,
      CASE WHEN count(x.count) = count(*) THEN sum(x.count) END AS count, count(*) AS n
    FROM ${CODED_CRIME} x LEFT JOIN offense_codes c ON c.code = x.code
    GROUP BY ALL ORDER BY x.series, x.month`;
}

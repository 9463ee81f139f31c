import { CRIME_FACTS } from '../db/derived.ts';
import { CODED_CRIME, CRIME_CODED } from '../db/crimeCoded.ts';
import { sqlString } from '../db/sql.ts';
import type { Period } from '../domain/filter.ts';
import { query } from './query.ts';

export { CODED_CRIME };

/** SQL condition that keeps rows whose `column` falls in the period (from inclusive, to exclusive). */
function periodCondition(column: string, p: Period): string {
  const parts: string[] = [];
  if (p.from) parts.push(`${column} >= CAST(${sqlString(p.from)} AS DATE)`);
  if (p.to) parts.push(`${column} < CAST(${sqlString(p.to)} AS DATE)`);
  return parts.length ? parts.join(' AND ') : 'true';
}

export interface CrimeSeries extends Record<string, unknown> {
  series: string;
  label: string;
  source: 'incidents' | 'monthly';
  first: Date;
  last: Date;
}

/** The crime series that can be charted: one per agency (or per agency-less incident file). */
export function crimeSeries() {
  return query<CrimeSeries>(`
    SELECT series, any_value(label) AS label, any_value(source) AS source, min(month) AS first, max(month) AS last
    FROM ${CRIME_FACTS} GROUP BY series ORDER BY source, label`);
}

export interface OffenseGroup extends Record<string, unknown> { group: string; codes: string }

/** The addiction-associated offense groups, with their NIBRS codes (from the shipped code table). */
export function addictionGroups() {
  return query<OffenseGroup>(`
    SELECT grp AS "group", string_agg(code, ', ' ORDER BY code) AS codes FROM offense_codes
    WHERE addiction_associated GROUP BY grp ORDER BY min(code)`);
}

export interface Unassigned extends Record<string, unknown> {
  /** Net offenses (incidents, or monthly counts) in the series, over all its months. */
  total: number;
  /** Of which not assigned to any offense group, so counted nowhere. */
  unassigned: number;
  /** Rows of the series assigned to an offense group (0: nothing in it is counted at all). */
  assignedRows: number;
}

/** How much of one series is assigned to no offense group (no code from the file, the user or the
 *  default table). Not-reported months (monthly counts) add nothing to either figure. */
export function unassignedOffenses(series: string) {
  return query<Unassigned>(`
    SELECT coalesce(sum(count), 0) AS total, coalesce(sum(count) FILTER (WHERE grp IS NULL), 0) AS unassigned,
      count(*) FILTER (WHERE grp IS NOT NULL) AS assignedRows
    FROM ${CRIME_CODED} WHERE series = ${sqlString(series)}`);
}

/** A series' first and last month (lo, hi): those of its rows, every one of which is in crime_coded
 *  (a row without an offense group too). Read there rather than from the crime_facts view, whose
 *  union of the files' tables took a few milliseconds more of each new view. */
function seriesSpan(series: string): string {
  return `SELECT min(month) AS lo, max(month) AS hi FROM ${CRIME_CODED} WHERE series = ${sqlString(series)}`;
}

export interface MonthlyCount extends Record<string, unknown> {
  month: Date;
  /** null: the source did not report that month (a gap, never a zero). */
  count: number | null;
}

/** Addiction-associated offenses per month for one series, all groups or one. Every month from the
 *  series' first to its last month appears. Incident records: a month without a matching incident
 *  is zero. Monthly counts: a month is reported only if every counted offense row of that month
 *  has a number; otherwise it is null. */
export function crimeByMonth(series: string, group: string | null, p: Period = {}) {
  const inGroup = group ? `c.grp = ${sqlString(group)}` : 'c.addiction_associated';
  return query<MonthlyCount>(`
    WITH s AS (${seriesSpan(series)}),
    spine AS (SELECT CAST(unnest(generate_series(lo, hi, INTERVAL 1 MONTH)) AS DATE) AS month FROM s),
    m AS (SELECT month, CASE WHEN count(count) = count(*) THEN sum(count) END AS count, sum(n) AS n
      FROM ${CRIME_CODED} c WHERE series = ${sqlString(series)} AND ${inGroup} GROUP BY month)
    SELECT spine.month,
      CASE WHEN m.n IS NULL THEN (CASE WHEN ${sqlString(series)} LIKE 'incidents:%' THEN 0 END) ELSE m.count END AS count
    FROM spine LEFT JOIN m USING (month)
    WHERE ${periodCondition('spine.month', p)}
    ORDER BY spine.month`);
}

export interface MonthlyGroupCount extends Record<string, unknown> { month: Date; group: string; count: number | null }

/** The same by group: one row per month and addiction-associated group present in the series. */
export function crimeByMonthAndGroup(series: string, p: Period = {}) {
  return query<MonthlyGroupCount>(`
    WITH s AS (${seriesSpan(series)}),
    spine AS (SELECT CAST(unnest(generate_series(lo, hi, INTERVAL 1 MONTH)) AS DATE) AS month FROM s),
    m AS (SELECT month, grp, count, n FROM ${CRIME_CODED} WHERE series = ${sqlString(series)} AND addiction_associated),
    groups AS (SELECT DISTINCT grp FROM m)
    SELECT spine.month, groups.grp AS "group",
      CASE WHEN m.n IS NULL THEN (CASE WHEN ${sqlString(series)} LIKE 'incidents:%' THEN 0 END) ELSE m.count END AS count
    FROM spine CROSS JOIN groups LEFT JOIN m ON m.month = spine.month AND m.grp = groups.grp
    WHERE ${periodCondition('spine.month', p)}
    ORDER BY spine.month, "group"`);
}

export interface OffenseValue extends Record<string, unknown> {
  offense: string | null;
  rawCode: string | null;
  /** The key an assignment is saved under: the offense text's normal form, or the code's. */
  key: string;
  rows: number;
  offenses: number | null;
  code: string | null;
  codeFrom: 'file' | 'yours' | 'default' | 'unmapped';
  group: string | null;
  addictionAssociated: boolean | null;
}

/** Every offense value in the loaded crime data with the code it is counted under. Unmapped values
 *  first (they are not counted anywhere until assigned), then by how many offenses they carry. */
export function offenseValues() {
  return query<OffenseValue>(`
    SELECT x.offense, x.raw_code AS rawCode, coalesce(x.offense_key, x.code_key) AS key,
      count(*) AS rows, sum(x.count) AS offenses, any_value(x.code) AS code, any_value(x.code_from) AS codeFrom,
      any_value(c.grp) AS "group", any_value(c.addiction_associated) AS addictionAssociated
    FROM ${CODED_CRIME} x LEFT JOIN offense_codes c ON c.code = x.code
    WHERE coalesce(x.offense_key, x.code_key) IS NOT NULL
    GROUP BY x.offense, x.raw_code, x.offense_key, x.code_key
    ORDER BY (any_value(x.code_from) = 'unmapped') DESC, offenses DESC NULLS LAST, x.offense`);
}

export interface OffenseCodeRow extends Record<string, unknown> { code: string; name: string; group: string; addictionAssociated: boolean }

/** The NIBRS codes an offense can be assigned to. */
export function offenseCodeList() {
  return query<OffenseCodeRow>(`SELECT code, name, grp AS "group", addiction_associated AS addictionAssociated FROM offense_codes ORDER BY code`);
}

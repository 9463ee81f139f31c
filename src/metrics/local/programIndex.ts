import { ENCOUNTER_FACTS } from '../../db/derived.ts';
import type { Connection } from '../../db/types.ts';

/** The program's three tables held in this page as typed arrays, one per column: what lets the
 *  program pages answer a filter change in a few milliseconds instead of sending queries to the
 *  database (whose fixed cost per query, and whose distinct counts over 100,000 rows, add up to
 *  more than the whole repaint may take). It is read from the database once per version of the
 *  data, with the SQL below, and the metrics computed from it are checked against the SQL
 *  builders row for row (tests/unit/metrics/local). Text becomes a code into a dictionary (0 is
 *  NULL); yes/no becomes 1/0 with -1 for NULL; a missing number is NaN. */
export interface ProgramIndex {
  encounters: EncounterColumns;
  costs: CostColumns;
  naloxone: NaloxoneColumns;
}

/** Text values by code: `values[code]`, where `values[0]` stands for NULL. */
export type Dictionary = readonly (string | null)[];

export interface EncounterColumns {
  n: number;
  /** participant_id as numbered in encounter_facts: 1 to `people`. */
  pid: Int32Array;
  people: number;
  /** encounter_date in milliseconds since 1970 (the timestamp read as UTC, as DuckDB compares it); NaN when blank. */
  date: Float64Array;
  /** Months since January 1970 of the encounter date (`month` of encounter_facts); NO_DATE when blank. */
  month: Int32Array;
  /** The first and last month of any encounter (first > last when no encounter is dated). */
  monthMin: number;
  monthMax: number;
  agency: Int32Array; pathway: Int32Array; treatment: Int32Array; residence: Int32Array; ageBand: Int32Array;
  sex: Int32Array; race: Int32Array; substance: Int32Array; ineligibleReason: Int32Array; engaged: Int32Array;
  dict: Record<EncounterText, Dictionary>;
  eligible: Int8Array; offered: Int8Array; placed: Int8Array; kit: Int8Array;
  /** 1 where placement_date is filled in. */
  hasPlacementDate: Int8Array;
  /** Hours from encounter to placement (NaN without a placement date). */
  hours: Float64Array;
}

export interface CostColumns {
  n: number;
  /** Days since 1970 of the entry's date; NO_DATE when blank. */
  day: Int32Array;
  amount: Float64Array;
  category: Int32Array; fundingSource: Int32Array;
  dict: Record<'category' | 'fundingSource', Dictionary>;
  /** 1 where the entry names an encounter. */
  linked: Int8Array;
  /** The first and last month of any entry (first > last without dated entries). */
  monthMin: number; monthMax: number;
}

export interface NaloxoneColumns {
  n: number;
  day: Int32Array;
  agency: Int32Array; outcome: Int32Array;
  dict: Record<'agency' | 'outcome', Dictionary>;
  /** Doses (NaN where blank). */
  doses: Float64Array;
  monthMin: number; monthMax: number;
}

/** The encounter text columns the index keeps, by the name of their encounter_facts column. */
export const ENCOUNTER_TEXT = {
  agency: 'agency', pathway: 'pathway', treatment: 'treatment_type', residence: 'residence', ageBand: 'age_band',
  sex: 'sex', race: 'race_ethnicity', substance: 'primary_substance', ineligibleReason: 'ineligible_reason', engaged: 'engaged_30d',
} as const;
export type EncounterText = keyof typeof ENCOUNTER_TEXT;

const BOOL = (c: string) => `CAST(CASE WHEN ${c} THEN 1 WHEN NOT ${c} THEN 0 ELSE -1 END AS TINYINT)`;
/** What a missing date becomes in a column of month or day numbers. */
export const NO_DATE = -2147483648;
const MONTHS = (d: string) => `coalesce(CAST(date_diff('month', DATE '1970-01-01', ${d}) AS INTEGER), ${NO_DATE})`;
const DAYS = (d: string) => `coalesce(CAST(date_diff('day', DATE '1970-01-01', ${d}) AS INTEGER), ${NO_DATE})`;

/** A table's text columns as dictionaries: `d_<key>(v, k)`, k from 1 in value order. */
function dictionaries(table: string, columns: Record<string, string>): string {
  return Object.entries(columns).map(([key, col]) => `d_${key} AS (SELECT v, CAST(row_number() OVER (ORDER BY v) AS INTEGER) AS k
      FROM (SELECT DISTINCT ${col} AS v FROM ${table} WHERE ${col} IS NOT NULL))`).join(',\n    ');
}
const joins = (alias: string, columns: Record<string, string>) =>
  Object.entries(columns).map(([key, col]) => `LEFT JOIN d_${key} ON d_${key}.v = ${alias}.${col}`).join(' ');
const codes = (columns: Record<string, string>) =>
  Object.keys(columns).map((key) => `coalesce(d_${key}.k, 0) AS ${key}`).join(', ');
const dictionaryRows = (columns: Record<string, string>) =>
  Object.keys(columns).map((key) => `SELECT '${key}' AS col, k, v FROM d_${key}`).join(' UNION ALL ');

const COST_TEXT = { category: 'category', fundingSource: 'funding_source' } as const;
const NALOXONE_TEXT = { agency: 'agency', outcome: 'outcome' } as const;

/** The SQL that reads each table: its rows as codes and numbers, and its dictionaries. */
export function programIndexSql() {
  const e = `WITH ${dictionaries(ENCOUNTER_FACTS, ENCOUNTER_TEXT)}`;
  const c = `WITH ${dictionaries('costs', COST_TEXT)}`;
  const x = `WITH ${dictionaries('naloxone', NALOXONE_TEXT)}`;
  return {
    encounters: `${e}
    SELECT e.participant_id AS pid, coalesce(CAST(epoch_ms(e.encounter_date) AS DOUBLE), CAST('NaN' AS DOUBLE)) AS date, ${MONTHS('e.month')} AS month,
      ${codes(ENCOUNTER_TEXT)},
      ${BOOL('e.eligible')} AS eligible, ${BOOL('e.placement_offered')} AS offered, ${BOOL('e.placed')} AS placed,
      ${BOOL('e.naloxone_kit_given')} AS kit, CAST(e.placement_date IS NOT NULL AS TINYINT) AS hasPlacementDate,
      coalesce(e.hours, CAST('NaN' AS DOUBLE)) AS hours
    FROM ${ENCOUNTER_FACTS} e ${joins('e', ENCOUNTER_TEXT)}`,
    encounterDictionaries: `${e} ${dictionaryRows(ENCOUNTER_TEXT)}`,
    costs: `${c}
    SELECT ${DAYS('c.date')} AS day, coalesce(c.amount, CAST('NaN' AS DOUBLE)) AS amount, ${codes(COST_TEXT)},
      CAST(c.encounter_id IS NOT NULL AS TINYINT) AS linked
    FROM costs c ${joins('c', COST_TEXT)}`,
    costDictionaries: `${c} ${dictionaryRows(COST_TEXT)}`,
    naloxone: `${x}
    SELECT ${DAYS('x.date')} AS day, ${codes(NALOXONE_TEXT)}, coalesce(CAST(x.doses AS DOUBLE), CAST('NaN' AS DOUBLE)) AS doses
    FROM naloxone x ${joins('x', NALOXONE_TEXT)}`,
    naloxoneDictionaries: `${x} ${dictionaryRows(NALOXONE_TEXT)}`,
  };
}

interface DictRow extends Record<string, unknown> { col: string; k: number; v: string }

function dictionaryOf<K extends string>(keys: readonly K[], rows: DictRow[]): Record<K, Dictionary> {
  const out = Object.fromEntries(keys.map((k) => [k, [null] as (string | null)[]])) as Record<K, (string | null)[]>;
  for (const r of rows) out[r.col as K]![r.k] = r.v;
  return out;
}

/** The first and last month among dated rows; [0, -1] (first > last) when none is dated. */
function range(xs: Int32Array, months: (v: number) => number): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] === NO_DATE) continue;
    const m = months(xs[i]!);
    if (m < lo) lo = m;
    if (m > hi) hi = m;
  }
  return lo === Infinity ? [0, -1] : [lo, hi];
}

/** Months since January 1970 of a day number. */
export function monthOfDay(day: number): number {
  const d = new Date(day * 86_400_000);
  return (d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth();
}

/** Reads the index from the database, in one transaction: a file loaded meanwhile (on another
 *  connection) is either wholly in it or wholly out, and the codes agree with their dictionaries. */
export async function readProgramIndex(conn: Connection): Promise<ProgramIndex> {
  await conn.run('BEGIN TRANSACTION');
  try {
    return await readTables(conn);
  } finally {
    await conn.run('COMMIT');
  }
}

async function readTables(conn: Connection): Promise<ProgramIndex> {
  const sql = programIndexSql();
  const e = await conn.columns(sql.encounters, {
    pid: 'int32', date: 'float64', month: 'int32',
    ...(Object.fromEntries(Object.keys(ENCOUNTER_TEXT).map((k) => [k, 'int32'])) as Record<EncounterText, 'int32'>),
    eligible: 'int8', offered: 'int8', placed: 'int8', kit: 'int8', hasPlacementDate: 'int8', hours: 'float64',
  });
  const eDict = dictionaryOf(Object.keys(ENCOUNTER_TEXT) as EncounterText[], await conn.query<DictRow>(sql.encounterDictionaries));
  let people = 0;
  for (let i = 0; i < e.pid.length; i++) if (e.pid[i]! > people) people = e.pid[i]!;
  const [monthMin, monthMax] = range(e.month, (m) => m);
  const c = await conn.columns(sql.costs, { day: 'int32', amount: 'float64', category: 'int32', fundingSource: 'int32', linked: 'int8' });
  const cDict = dictionaryOf(['category', 'fundingSource'] as const, await conn.query<DictRow>(sql.costDictionaries));
  const [cMin, cMax] = range(c.day, monthOfDay);
  const x = await conn.columns(sql.naloxone, { day: 'int32', agency: 'int32', outcome: 'int32', doses: 'float64' });
  const xDict = dictionaryOf(['agency', 'outcome'] as const, await conn.query<DictRow>(sql.naloxoneDictionaries));
  const [xMin, xMax] = range(x.day, monthOfDay);
  return {
    encounters: { ...e, n: e.pid.length, people, monthMin, monthMax, dict: eDict },
    costs: { ...c, n: c.day.length, dict: cDict, monthMin: cMin, monthMax: cMax },
    naloxone: { ...x, n: x.day.length, dict: xDict, monthMin: xMin, monthMax: xMax },
  };
}

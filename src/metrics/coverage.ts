import { ENCOUNTER_FACTS } from '../db/derived.ts';
import { sqlIdent, sqlString } from '../db/sql.ts';
import { query } from './query.ts';

export interface TableCounts extends Record<string, unknown> { encounters: number; costs: number; naloxone: number }

/** How many rows each program table holds (unfiltered): a page hides what no loaded file feeds. */
export function programTableCounts() {
  return query<TableCounts>(`SELECT (SELECT count(*) FROM ${ENCOUNTER_FACTS}) AS encounters, (SELECT count(*) FROM costs) AS costs,
    (SELECT count(*) FROM naloxone) AS naloxone`);
}

export interface ColumnPresence extends Record<string, unknown> { column: string; filled: number }

/** How many encounters have a value in each optional column: a column nobody filled in (or that
 *  the export does not have) is hidden from the pages, with the reason. */
export function encounterColumnsFilled() {
  const cols = ['agency', 'pathway', 'age_band', 'sex', 'race_ethnicity', 'residence', 'primary_substance', 'eligible', 'ineligible_reason',
    'placement_offered', 'placement_date', 'treatment_type', 'engaged_30d', 'naloxone_kit_given'];
  return query<ColumnPresence>(`
    SELECT unnest([${cols.map(sqlString).join(', ')}]) AS "column",
      unnest([${cols.map((c) => `count(${sqlIdent(c)})`).join(', ')}]) AS filled
    FROM ${ENCOUNTER_FACTS}`);
}


export interface TableRanges extends Record<string, unknown> {
  encountersFirst: Date | null; encountersLast: Date | null;
  naloxoneFirst: Date | null; naloxoneLast: Date | null;
  costsFirst: Date | null; costsLast: Date | null;
}

/** The first and last dates each program table covers (unfiltered): a report says "no records
 *  loaded" for a period outside them, rather than reporting zeros nobody counted. */
export function tableRanges() {
  return query<TableRanges>(`SELECT
    (SELECT CAST(min(encounter_date) AS DATE) FROM ${ENCOUNTER_FACTS}) AS encountersFirst,
    (SELECT CAST(max(encounter_date) AS DATE) FROM ${ENCOUNTER_FACTS}) AS encountersLast,
    (SELECT min(date) FROM naloxone) AS naloxoneFirst, (SELECT max(date) FROM naloxone) AS naloxoneLast,
    (SELECT min(date) FROM costs) AS costsFirst, (SELECT max(date) FROM costs) AS costsLast`);
}

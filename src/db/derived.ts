/** Tables derived from the canonical ones, for speed. They are rebuilt inside the same transaction
 *  that changes their source, so they never disagree with it.
 *
 *  encounter_facts: the encounters, sorted by date (so a period filter skips whole row groups),
 *  with the participant pseudonym replaced by a number (counting distinct people on integers is
 *  several times faster than on text). Every metric reads encounters from here. */
export const ENCOUNTER_FACTS = 'encounter_facts';

const FACT_COLUMNS = `encounter_date, agency, pathway, age_band, sex, race_ethnicity, residence, primary_substance, eligible,
  ineligible_reason, placement_offered, placement_date, treatment_type, provider, engaged_30d, naloxone_kit_given`;

export function encounterFactsSql(): string {
  return `CREATE OR REPLACE TABLE ${ENCOUNTER_FACTS} AS
    SELECT CAST(dense_rank() OVER (ORDER BY participant_id) AS INTEGER) AS participant_id, ${FACT_COLUMNS}
    FROM encounters ORDER BY encounter_date`;
}

/** The derived tables that depend on a canonical table. */
export function derivedSqlFor(table: string): string[] {
  return table === 'encounters' ? [encounterFactsSql()] : [];
}

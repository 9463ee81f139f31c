import type { Connection, Row } from '../db/database.ts';
import { hoursToPlacement, isPlaced } from '../domain/placement.ts';

/** The program's records, held in the page as plain rows: every program metric (metrics/*.ts but
 *  crime and overdoses) is a TypeScript function of these and a filter. A program's exports are
 *  small (the largest networks report about 12,000 connections in seven years), so a pass over
 *  them takes a millisecond or two; they are read from the database once each time a program file
 *  is loaded or removed (held by state/DataContext.tsx, read by views through state/useProgram.ts;
 *  `readProgram` in Node). Field names are the
 *  canonical columns (db/schema.ts). */
export interface ProgramData {
  /** In order of encounter date, undated last (encountersIn relies on it). */
  encounters: readonly Encounter[];
  costs: readonly CostEntry[];
  naloxone: readonly NaloxoneEntry[];
}

export interface Encounter {
  participant_id: string;
  encounter_date: Date | null;
  agency: string | null;
  pathway: string | null;
  age_band: string | null;
  sex: string | null;
  race_ethnicity: string | null;
  residence: string | null;
  primary_substance: string | null;
  eligible: boolean | null;
  ineligible_reason: string | null;
  placement_offered: boolean | null;
  placement_date: Date | null;
  treatment_type: string | null;
  engaged_30d: string | null;
  naloxone_kit_given: boolean | null;
  /** Worked out once when read: the participant as a number (1, 2, ... in order of first
   *  encounter; counting distinct numbers is quicker than distinct text), `isPlaced` and
   *  `hoursToPlacement` (domain/placement.ts). */
  person: number;
  placed: boolean;
  hours: number | null;
}

export interface CostEntry {
  date: Date | null;
  amount: number | null;
  category: string | null;
  funding_source: string | null;
  /** True when the entry names an encounter. */
  linked: boolean;
}

export interface NaloxoneEntry {
  date: Date | null;
  agency: string | null;
  doses: number | null;
  outcome: string | null;
}

/** No program data: what the pages get when no program file is loaded (nothing is asked of the database). */
export const NO_PROGRAM: ProgramData = { encounters: [], costs: [], naloxone: [] };

/** The day of the program's first dated encounter ('YYYY-MM-DD'), or null: the encounters are in
 *  date order with the undated last (readProgram), so it is the first one's. The first day the
 *  Data page proposes for a workspace's name. */
export function firstEncounterDay(p: ProgramData): string | null {
  return p.encounters[0]?.encounter_date?.toISOString().slice(0, 10) ?? null;
}

/** The encounter columns read (every canonical column but the encounter ID and the provider). */
export const ENCOUNTER_COLUMNS = ['participant_id', 'encounter_date', 'agency', 'pathway', 'age_band', 'sex', 'race_ethnicity', 'residence',
  'primary_substance', 'eligible', 'ineligible_reason', 'placement_offered', 'placement_date', 'treatment_type', 'engaged_30d',
  'naloxone_kit_given'] as const;

/** Reads the program's three tables in one transaction: a file loaded meanwhile (on another
 *  connection) is either wholly in or wholly out. */
export async function readProgram(conn: Connection): Promise<ProgramData> {
  await conn.run('BEGIN TRANSACTION');
  try {
    const encounters = await conn.query<Omit<Encounter, 'placed' | 'hours'>>(
      `SELECT ${ENCOUNTER_COLUMNS.join(', ')} FROM encounters ORDER BY encounter_date NULLS LAST, participant_id`);
    const costs = await conn.query<CostEntry & Row>(
      'SELECT date, amount, category, funding_source, encounter_id IS NOT NULL AS linked FROM costs ORDER BY date NULLS LAST');
    const naloxone = await conn.query<NaloxoneEntry & Row>(
      'SELECT date, agency, CAST(doses AS DOUBLE) AS doses, outcome FROM naloxone ORDER BY date NULLS LAST');
    const persons = new Map<string, number>();
    return {
      // Rows built with one literal shape each, so that every metric's pass over them is quick.
      encounters: encounters.map((e): Encounter => ({
        person: persons.get(e.participant_id) ?? persons.set(e.participant_id, persons.size + 1).size,
        participant_id: e.participant_id, encounter_date: e.encounter_date, agency: e.agency, pathway: e.pathway, age_band: e.age_band,
        sex: e.sex, race_ethnicity: e.race_ethnicity, residence: e.residence, primary_substance: e.primary_substance, eligible: e.eligible,
        ineligible_reason: e.ineligible_reason, placement_offered: e.placement_offered, placement_date: e.placement_date,
        treatment_type: e.treatment_type, engaged_30d: e.engaged_30d, naloxone_kit_given: e.naloxone_kit_given,
        placed: isPlaced(e), hours: hoursToPlacement(e),
      })),
      costs: costs.map((c): CostEntry => ({ date: c.date, amount: c.amount, category: c.category, funding_source: c.funding_source, linked: c.linked })),
      naloxone: naloxone.map((x): NaloxoneEntry => ({ date: x.date, agency: x.agency, doses: x.doses, outcome: x.outcome })),
    };
  } finally {
    await conn.run('COMMIT');
  }
}

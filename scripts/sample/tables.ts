// Turns generated records into the string tables that are written as CSV.
// The self-check and the README totals read these same tables, so they describe the files.

import { formatDay, formatMinute, formatMonth } from './calendar.ts';
import { formatCents } from './costs.ts';
import type { CostRow } from './costs.ts';
import type { Incident } from './crime.ts';
import { yesNo } from './csv.ts';
import type { Encounter } from './encounters.ts';
import type { NaloxoneRow } from './naloxone.ts';
import type { OverdoseMonth } from './overdoses.ts';

export type Table = { file: string; header: readonly string[]; rows: string[][] };

export const ENCOUNTER_HEADER = [
  'encounter_id', 'participant_id', 'encounter_date', 'agency', 'pathway', 'age_band', 'sex',
  'race_ethnicity', 'residence', 'primary_substance', 'eligible', 'ineligible_reason',
  'placement_offered', 'placement_date', 'treatment_type', 'provider', 'engaged_30d',
  'naloxone_kit_given',
] as const;
export const COST_HEADER = ['date', 'amount', 'category', 'funding_source', 'encounter_id'] as const;
export const NALOXONE_HEADER = ['date', 'agency', 'doses', 'outcome'] as const;
export const CRIME_HEADER = ['incident_id', 'date', 'offense', 'nibrs_code', 'agency'] as const;
export const OVERDOSE_HEADER = ['month', 'area', 'fatal', 'nonfatal'] as const;

export function encounterTable(encounters: readonly Encounter[]): Table {
  return {
    file: 'encounters.csv',
    header: ENCOUNTER_HEADER,
    rows: encounters.map((e) => [
      e.encounterId,
      e.person.participantId,
      formatMinute(e.at),
      e.agency,
      e.pathway,
      e.person.ageBand,
      e.person.sex,
      e.person.raceEthnicity,
      e.person.residence,
      e.person.primarySubstance,
      yesNo(e.eligible),
      e.ineligibleReason,
      e.placementOffered === null ? '' : yesNo(e.placementOffered),
      e.placedAt === null ? '' : formatMinute(e.placedAt),
      e.treatmentType,
      e.provider,
      e.engaged30d,
      yesNo(e.naloxoneKitGiven),
    ]),
  };
}

export function costTable(costs: readonly CostRow[]): Table {
  return {
    file: 'costs.csv',
    header: COST_HEADER,
    rows: costs.map((c) => [formatDay(c.day), formatCents(c.cents), c.category, c.fundingSource, c.encounterId]),
  };
}

export function naloxoneTable(rows: readonly NaloxoneRow[]): Table {
  return {
    file: 'naloxone.csv',
    header: NALOXONE_HEADER,
    rows: rows.map((r) => [formatDay(r.day), r.agency, String(r.doses), r.outcome]),
  };
}

export function crimeTable(incidents: readonly Incident[]): Table {
  return {
    file: 'crime_incidents.csv',
    header: CRIME_HEADER,
    rows: incidents.map((i) => [i.incidentId, formatDay(i.day), i.offense, i.nibrsCode, i.agency]),
  };
}

export function overdoseTable(months: readonly OverdoseMonth[]): Table {
  return {
    file: 'overdoses_monthly.csv',
    header: OVERDOSE_HEADER,
    rows: months.map((m) => [formatMonth(m.month), m.area, String(m.fatal), String(m.nonfatal)]),
  };
}

/** Rows as objects keyed by column name, for checks and summaries. */
export function records(table: Table): Record<string, string>[] {
  return table.rows.map((row) => {
    const out: Record<string, string> = {};
    table.header.forEach((name, i) => {
      out[name] = row[i] ?? '';
    });
    return out;
  });
}

// Key totals, computed from the tables exactly as written (for the README and the console).

import { quantile as d3quantile } from 'd3-array';
import { hoursToPlacement, isPlaced } from '../../src/domain/placement.ts';
import { monthDiff, parseDay, MINUTES_PER_DAY } from './calendar.ts';
import { CONTEXT_START_MONTH, END_MONTH, LAUNCH_DATE, LAUNCH_MONTH } from './config.ts';
import { ADDICTION_CODES } from './crime.ts';
import { records } from './tables.ts';
import type { Table } from './tables.ts';

export function parseMinute(text: string): number {
  const [date, time] = text.split(' ');
  const [h, m] = (time ?? '').split(':').map(Number);
  if (!date || h === undefined || m === undefined || Number.isNaN(h) || Number.isNaN(m)) {
    throw new Error(`not a datetime: ${text}`);
  }
  return parseDay(date) * MINUTES_PER_DAY + h * 60 + m;
}

/** Quantile by linear interpolation between order statistics (R-7, as the app and DuckDB quantile_cont). */
export function quantile(values: readonly number[], q: number): number {
  return d3quantile(values, q) ?? Number.NaN;
}

function countBy(rows: readonly Record<string, string>[], key: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) out.set(r[key] ?? '', (out.get(r[key] ?? '') ?? 0) + 1);
  return out;
}

function cents(amount: string): number {
  const [whole, frac] = amount.split('.');
  return Number(whole) * 100 + Number(frac);
}

export const MONTHS_BEFORE = monthDiff(CONTEXT_START_MONTH, LAUNCH_MONTH);
export const MONTHS_AFTER = monthDiff(LAUNCH_MONTH, END_MONTH) + 1;

export type Summary = ReturnType<typeof summarise>;

export function summarise(t: { encounters: Table; costs: Table; crime: Table; naloxone: Table; overdoses: Table }) {
  const enc = records(t.encounters);
  const eligible = enc.filter((e) => e.eligible === 'yes');
  const offered = eligible.filter((e) => e.placement_offered === 'yes');
  // What a placement is, and the hours to it, as the app defines them (src/domain/placement.ts).
  const placement = (e: Record<string, string>) => ({
    encounter_date: e.encounter_date ? new Date(parseMinute(e.encounter_date) * 60_000) : null,
    placement_date: e.placement_date ? new Date(parseMinute(e.placement_date) * 60_000) : null,
    treatment_type: e.treatment_type || null,
  });
  const placed = enc.filter((e) => isPlaced(placement(e)));
  const hours = placed.map((e) => hoursToPlacement(placement(e))!);
  const costRows = records(t.costs);
  const totalCents = costRows.reduce((s, c) => s + cents(c.amount ?? '0'), 0);
  const centsBy = (key: string): Map<string, number> => {
    const m = new Map<string, number>();
    for (const c of costRows) m.set(c[key] ?? '', (m.get(c[key] ?? '') ?? 0) + cents(c.amount ?? '0'));
    return m;
  };
  const placedPeople = new Set(placed.map((e) => e.participant_id)).size;

  const launch = parseDay(LAUNCH_DATE);
  const crime = records(t.crime);
  const crimeMonths = (addiction: boolean, before: boolean): number => {
    const n = crime.filter((c) => ADDICTION_CODES.has(c.nibrs_code ?? '') === addiction)
      .filter((c) => (parseDay(c.date ?? '') < launch) === before).length;
    return n / (before ? MONTHS_BEFORE : MONTHS_AFTER);
  };
  const od = records(t.overdoses);
  const monthly = countBy(enc.map((e) => ({ m: (e.encounter_date ?? '').slice(0, 7) })), 'm');

  return {
    encounters: enc.length,
    people: new Set(enc.map((e) => e.participant_id)).size,
    eligible: eligible.length,
    ineligible: enc.length - eligible.length,
    offered: offered.length,
    placed: placed.length,
    placedPeople,
    pathways: countBy(enc, 'pathway'),
    agencies: countBy(enc, 'agency'),
    treatmentTypes: countBy(placed, 'treatment_type'),
    engaged: countBy(placed, 'engaged_30d'),
    kits: enc.filter((e) => e.naloxone_kit_given === 'yes').length,
    monthlyEncounters: monthly,
    medianHours: quantile(hours, 0.5),
    p90Hours: quantile(hours, 0.9),
    maxHours: Math.max(...hours),
    totalCents,
    centsByCategory: centsBy('category'),
    centsByFunding: centsBy('funding_source'),
    centsPerPersonPlaced: Math.round(totalCents / placedPeople),
    centsPerPlacement: Math.round(totalCents / placed.length),
    costRows: costRows.length,
    addictionBefore: crimeMonths(true, true),
    addictionAfter: crimeMonths(true, false),
    otherBefore: crimeMonths(false, true),
    otherAfter: crimeMonths(false, false),
    crimeRows: crime.length,
    naloxoneRows: t.naloxone.rows.length,
    fatal: od.reduce((s, r) => s + Number(r.fatal), 0),
    nonfatal: od.reduce((s, r) => s + Number(r.nonfatal), 0),
  };
}

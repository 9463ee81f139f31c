// Self-check of the tables as written. Throws on the first broken rule.

import { formatDay, MINUTES_PER_DAY } from './calendar.ts';
import {
  AGE_BANDS, CONTEXT_START_DATE, DATA_END_DATE, DATA_END_DAY, LAUNCH_DATE, PATHWAYS, TREATMENT_TYPES,
} from './config.ts';
import { OFFENSES } from './crime.ts';
import { parseMinute } from './summary.ts';
import { records } from './tables.ts';
import type { Table } from './tables.ts';

const ENCOUNTER_VALUES: Record<string, readonly string[]> = {
  agency: ['Harbor Point PD', 'Bay County Sheriff'],
  pathway: PATHWAYS,
  age_band: ['', ...AGE_BANDS],
  sex: ['female', 'male', 'unknown'],
  race_ethnicity: ['White', 'Black', 'Hispanic', 'Asian', 'Other', 'Unknown'],
  primary_substance: ['opioids', 'alcohol', 'stimulants', 'benzodiazepines', 'cannabis', 'other'],
  eligible: ['yes', 'no'],
  ineligible_reason: ['', 'outstanding warrant', 'under 18', 'medical emergency', 'declined screening',
    'not a substance use disorder'],
  placement_offered: ['', 'yes', 'no'],
  treatment_type: [...TREATMENT_TYPES, 'none'],
  engaged_30d: ['', 'yes', 'no', 'unknown'],
  naloxone_kit_given: ['yes', 'no'],
};
const PERSON_FIELDS = ['age_band', 'sex', 'race_ethnicity', 'residence', 'primary_substance'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

function must(ok: boolean, message: string): void {
  if (!ok) throw new Error(`sample self-check failed: ${message}`);
}

function inRange(date: string, from: string, to: string, what: string): void {
  must(DATE.test(date) && date >= from && date <= to, `${what}: date ${date} outside ${from}..${to}`);
}

function checkEncounters(t: Table): Set<string> {
  const rows = records(t);
  const ids = new Set<string>();
  const people = new Map<string, string>();
  const placed = new Set<string>();
  const lastObservable = (DATA_END_DAY - 30) * MINUTES_PER_DAY;
  let previous = '';
  for (const r of rows) {
    const id = r.encounter_id ?? '';
    const at = r.encounter_date ?? '';
    must(/^E\d{5}$/.test(id) && !ids.has(id), `encounter_id ${id} malformed or repeated`);
    ids.add(id);
    must(/^P-[0-9A-F]{6}$/.test(r.participant_id ?? ''), `${id}: participant_id ${r.participant_id}`);
    must(DATETIME.test(at) && at >= previous, `${id}: encounter_date ${at} malformed or out of order`);
    previous = at;
    inRange(at.slice(0, 10), LAUNCH_DATE, DATA_END_DATE, id);
    for (const [col, allowed] of Object.entries(ENCOUNTER_VALUES)) {
      must(allowed.includes(r[col] ?? ''), `${id}: ${col} = '${r[col]}'`);
    }
    const person = PERSON_FIELDS.map((f) => r[f]).join('|');
    const known = people.get(r.participant_id ?? '');
    must(known === undefined || known === person, `${id}: person attributes change between visits`);
    people.set(r.participant_id ?? '', person);

    const isPlaced = r.placement_date !== '';
    if (r.eligible === 'no') {
      must(r.ineligible_reason !== '' && r.placement_offered === '' && !isPlaced, `${id}: ineligible but offered/placed`);
    } else {
      must(r.ineligible_reason === '' && r.placement_offered !== '', `${id}: eligible row needs an offer answer`);
    }
    must(!isPlaced || r.placement_offered === 'yes', `${id}: placed without an offer`);
    must((r.treatment_type === 'none') === !isPlaced, `${id}: treatment_type 'none' iff not placed`);
    must((r.provider !== '') === isPlaced && (r.engaged_30d !== '') === isPlaced, `${id}: provider/engagement vs placement`);
    if (isPlaced) {
      const placedAt = r.placement_date ?? '';
      must(DATETIME.test(placedAt) && placedAt >= at, `${id}: placement_date ${placedAt} before encounter`);
      must(placedAt.slice(0, 10) <= DATA_END_DATE, `${id}: placement after the end of data`);
      must(parseMinute(placedAt) <= lastObservable || r.engaged_30d === 'unknown', `${id}: engagement not yet observable`);
      placed.add(id);
    }
  }
  must(rows.length >= 1400 && rows.length <= 1600, `${rows.length} encounters, expected 1400-1600`);
  must(people.size >= 1000 && people.size <= 1200, `${people.size} people, expected 1000-1200`);
  for (const p of PATHWAYS) {
    const n = rows.filter((r) => r.pathway === p).length;
    must(n >= rows.length * 0.03, `pathway ${p} has ${n} encounters (< 3%)`);
  }
  const sheriff = rows.filter((r) => r.agency === 'Bay County Sheriff').length / rows.length;
  must(sheriff > 0.1 && sheriff < 0.2, `Bay County Sheriff share ${sheriff}`);
  return placed;
}

function checkCosts(t: Table, placed: Set<string>): void {
  for (const r of records(t)) {
    inRange(r.date ?? '', LAUNCH_DATE, DATA_END_DATE, 'costs');
    must(/^\d+\.\d{2}$/.test(r.amount ?? ''), `costs: amount ${r.amount}`);
    must(['treatment', 'transport', 'naloxone', 'staff', 'other'].includes(r.category ?? ''), `costs: category ${r.category}`);
    must(['BJA COSSUP grant', 'State opioid settlement', 'Town general fund', 'Harbor Foundation']
      .includes(r.funding_source ?? ''), `costs: funding_source ${r.funding_source}`);
    const link = r.encounter_id ?? '';
    must(link === '' || placed.has(link), `costs: encounter_id ${link} is not a placed encounter`);
  }
}

function checkContext(crime: Table, naloxone: Table, overdoses: Table): void {
  const codes = new Map(OFFENSES.map((o) => [o.offense, o.nibrsCode]));
  let previous = '';
  for (const r of records(crime)) {
    inRange(r.date ?? '', CONTEXT_START_DATE, DATA_END_DATE, 'crime');
    must(codes.get(r.offense ?? '') === r.nibrs_code, `crime: ${r.offense} / ${r.nibrs_code}`);
    const key = `${r.date} ${r.incident_id}`;
    must(key > previous, `crime: ${key} out of order`);
    previous = key;
  }
  for (const r of records(naloxone)) {
    inRange(r.date ?? '', CONTEXT_START_DATE, DATA_END_DATE, 'naloxone');
    must(['survived', 'transported', 'died', 'unknown'].includes(r.outcome ?? ''), `naloxone: outcome ${r.outcome}`);
    must(/^[1-9]$/.test(r.doses ?? ''), `naloxone: doses ${r.doses}`);
  }
  const months = records(overdoses).map((r) => r.month ?? '');
  must(months.length === 78 && months[0] === CONTEXT_START_DATE && months[77] === '2025-06-01', 'overdoses: 78 months 2019-01..2025-06');
  must(records(overdoses).every((r) => Number(r.fatal) <= 3), 'overdoses: fatal above 3');
  must(formatDay(DATA_END_DAY) === DATA_END_DATE, 'calendar round trip');
}

export function selfCheck(t: { encounters: Table; costs: Table; crime: Table; naloxone: Table; overdoses: Table }): void {
  const placed = checkEncounters(t.encounters);
  checkCosts(t.costs, placed);
  checkContext(t.crime, t.naloxone, t.overdoses);
}

import { beforeAll, describe, expect, it } from 'vitest';
import { applySavedMapping } from '../../../src/ingest/mapping.ts';
import { kindById } from '../../../src/ingest/kinds/index.ts';
import { notReadyProblem, prepare, type Prepared } from '../../../src/ingest/prepare.ts';
import { withValue } from '../../../src/ingest/recode.ts';
import { sniffBytes } from '../../../src/ingest/sniff.ts';
import { loadPath, tempFile, testDb, type TestDb } from '../../helpers/node.ts';

/** Recognition by content: files that name their columns like another kind are told apart by what
 *  their first rows hold; program exports in their own words map themselves; values are recoded. */

function prep(name: string, text: string): Extract<Prepared, { ok: true }> {
  const b = new TextEncoder().encode(text);
  const p = prepare(name, b.length, sniffBytes(name, b, b.length));
  if (!p.ok) throw new Error(p.problem.message);
  return p;
}
const day = (i: number) => new Date(Date.UTC(2023, 0, 1 + i)).toISOString().slice(0, 10);
const lines = (header: string, n: number, row: (i: number) => string) => `${header}\n${Array.from({ length: n }, (_, i) => row(i)).join('\n')}\n`;
const month = (i: number) => `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

describe('a kind is recognised by what the rows hold, not only by the headers', () => {
  it('an incident export with a Count column is incidents, not monthly counts', () => {
    const p = prep('incidents.csv', lines('Incident Number,Date Occurred,Offense,Count', 80,
      (i) => `I${i},${day(i)},${['Burglary', 'Shoplifting', 'Robbery'][i % 3]},1`));
    expect(p.plan.kind.id).toBe('crime_incidents');
    expect(p.confident).toBe(true);
    const monthly = p.candidates.find((c) => c.kind.id === 'crime_monthly_long')!;
    expect(monthly.reasons).toContain("no column for Month");
  });

  it('generic headers "Date,Offense,Count" with daily dates and counts of 1 and -1 are incidents', () => {
    const p = prep('generic.csv', lines('Date,Offense,Count', 80, (i) => `${day(i)},${['Burglary', 'Shoplifting'][i % 2]},${i % 9 ? 1 : -1}`));
    expect(p.plan.kind.id).toBe('crime_incidents');
    expect(p.confident).toBe(true);
    const monthly = p.candidates.find((c) => c.kind.id === 'crime_monthly_long')!;
    expect(monthly.contentScore).toBeLessThan(0.2);
    expect(monthly.reasons).toContain('"Date" does not hold months (2024-03, or the first day of each month) for month (it has "2023-01-02")');
  });

  it('monthly counts dated on the first of each month stay monthly counts, and are no incident file', () => {
    const p = prep('monthly.csv', lines('Month,Offense,Count', 24, (i) => `${month(i)}-01,Burglary,${10 + i}`));
    expect(p.plan.kind.id).toBe('crime_monthly_long');
    expect(p.confident).toBe(true);
    expect(p.candidates.find((c) => c.kind.id === 'crime_incidents')!.reasons).toContain('no column for Date');
    // Named "Date", the same column is still no incident date: every value is the first of a month.
    const dated = prep('monthly-dated.csv', lines('Date,Offense,Count', 24, (i) => `${month(i)}-01,Burglary,${10 + i}`));
    expect(dated.plan.kind.id).toBe('crime_monthly_long');
    expect(dated.candidates.find((c) => c.kind.id === 'crime_incidents')!.reasons)
      .toContain('every date in "Date" is the first of a month: counts per month rather than one row per event');
  });

  it('a state rate table is not taken for local overdose counts: its "counts" have decimals', () => {
    const p = prep('rates.csv', lines('Month,State,Overdose Rate per 100k,Total', 24, (i) => `${month(i)},MA,${(2 + i / 10).toFixed(1)},${(30.5 + i).toFixed(1)}`));
    expect(p.confident).toBe(false);
    expect(notReadyProblem(p)!.message).toContain('"Total" does not hold counts (whole numbers) for all overdoses (it has "30.5")');
  });

  it('an annual agency table is read as yearly figures, and a town-by-year table is not loaded as monthly or program data', () => {
    const annual = prep('annual.csv', lines('Year,Agency,Burglary,Motor Vehicle Theft,Aggravated Assault,Robbery', 20,
      (i) => `${2004 + i},Gloucester PD,${100 + i},${20 + i},${30 + i},${10 + i}`));
    // Yearly bars, never spread over months (ingest/kinds/annualFiles.ts).
    expect(annual.plan.kind.id).toBe('crime_annual_wide');
    expect(annual.plan.kind.table).toBe('crime_annual');
    const towns = prep('towns.csv', lines('Town,Year,Encounters,Placements', 30, (i) => `Town ${i % 6},${2018 + Math.floor(i / 6)},${20 + i},${10 + i}`));
    expect(towns.confident).toBe(false);
    expect(towns.plan.kind.id).not.toBe('encounters');
  });

  it('medical-examiner death records are not loaded as anything without asking', () => {
    const p = prep('deaths.csv', lines('Case Number,Date of Death,Age,Sex,Race,Cause of Death,Manner of Death,County,Deaths', 60,
      (i) => `ME-${i},${day(i)},${20 + (i % 40)},${i % 2 ? 'Male' : 'Female'},White,Acute fentanyl toxicity,Accident,Essex,1`));
    expect(p.confident).toBe(false);
  });

  it('a program export with a County column is program encounters, not CDC WONDER', () => {
    const p = prep('intake.csv', lines('Client ID,Intake Date,County,Referral Source,Level of Care', 40, (i) => `C${i},${day(i)},Essex,Self,Detox`));
    expect(p.plan.kind.id).toBe('encounters');
    expect(p.confident).toBe(true);
  });
});

describe('program exports in their own words map themselves', () => {
  it('one row per participant: the participant ID serves as the encounter ID too', () => {
    const p = prep('people.csv', lines('Client ID,Intake Date,Placement Date,Level of Care', 40,
      (i) => `C${i},${day(i)},${day(i + 1)},Detox`));
    expect(p.plan.mapping.columns).toMatchObject({ participant_id: 'Client ID', encounter_id: 'Client ID',
      encounter_date: 'Intake Date', placement_date: 'Placement Date', treatment_type: 'Level of Care' });
    expect(notReadyProblem(p)).toBeNull();
  });

  it('headers no list knows: IDs, dates and vocabularies are found from the values', () => {
    const p = prep('own-words.csv', lines('Ref,Who,Seen,Placed,Care,Route', 40, (i) =>
      `R${i},W${i % 13},${day(i)},${day(i + (i % 3))},${['Inpatient detox', 'Bup/Nx', 'IOP', 'Vivitrol'][i % 4]},${['Self', 'Walk-in', 'Self'][i % 3]}`));
    expect(p.plan.kind.id).toBe('encounters');
    // Nothing in the headers says so: the guess and its mapping wait for one look and a click.
    expect(p.confident).toBe(false);
    expect(p.candidates[0]!.reasons.join('; ')).toContain('found from the values, not the headers: encounter id ("Ref")');
    expect(p.plan.mapping.columns).toMatchObject({ encounter_id: 'Ref', participant_id: 'Who', encounter_date: 'Seen',
      placement_date: 'Placed', treatment_type: 'Care', pathway: 'Route' });
  });

  it('a date of birth is never the encounter date, though it is the earliest', () => {
    const p = prep('dob.csv', lines('Ref,Who,DOB,Seen,Care', 30, (i) => `R${i},W${i % 9},1980-0${1 + (i % 9)}-1${i % 9},${day(i)},Detox`));
    expect(p.plan.mapping.columns.encounter_date).toBe('Seen');
  });
});

describe('values recoded once', () => {
  let t: TestDb;
  const CARE = ['Inpatient detox', 'Bup/Nx', 'IOP', 'Vivitrol', 'Methadone', 'Residential', 'None'];
  const text = lines('Contact No.,Participant Code,Date Seen,Referral Source,Level of Care,Date Placed,Gender', 70, (i) =>
    `C-${1000 + i},PC${(i * 7) % 45},${day(i * 3)},${['Self', 'Walk-in', 'Outreach'][i % 3]},${CARE[i % 7]},${CARE[i % 7] === 'None' ? '' : day(i * 3 + (i % 2))},${i % 2 ? 'M' : 'F'}`);
  beforeAll(async () => {
    t = await testDb();
  });

  it('loads with plain values counted as their standard value, and the rest shown, not dropped', async () => {
    const r = await loadPath(t, tempFile('intake.csv', text));
    expect(r.ok).toBe(true);
    expect(r.rowsLoaded).toBe(70);
    const types = await t.conn.query<{ t: string | null; n: number }>(
      "SELECT treatment_type AS t, count(*)::INT AS n FROM encounters WHERE source_file = 'intake.csv' GROUP BY 1 ORDER BY 1");
    // 70 rows, 10 of each of the seven values; "Residential" (short or long term?) is kept as written.
    expect(types).toEqual([{ t: 'MOUD buprenorphine', n: 10 }, { t: 'MOUD methadone', n: 10 }, { t: 'MOUD naltrexone', n: 10 },
      { t: 'Residential', n: 10 }, { t: 'detox', n: 10 }, { t: 'intensive outpatient', n: 10 }, { t: 'none', n: 10 }]);
    const sexes = await t.conn.query<{ s: string; n: number }>("SELECT sex AS s, count(*)::INT AS n FROM encounters WHERE source_file = 'intake.csv' GROUP BY 1 ORDER BY 1");
    expect(sexes).toEqual([{ s: 'female', n: 35 }, { s: 'male', n: 35 }]);
    const care = r.values.treatment_type!;
    expect(care.find((v) => v.value === 'Bup/Nx')).toMatchObject({ n: 10, canonical: 'MOUD buprenorphine', source: 'suggested' });
    expect(care.find((v) => v.value === 'Residential')).toMatchObject({ n: 10, canonical: null, source: 'unmapped' });
    expect(r.problems.find((p) => p.code === 'values-unmapped' && p.column === 'Level of Care')?.message)
      .toBe('Values kept as written, so they count under no treatment type in breakdowns and funder measures: "Residential" (10).');
    // "Outreach" could be active outreach or a post-overdose visit: not guessed.
    expect(r.values.pathway!.find((v) => v.value === 'Outreach')?.canonical).toBeNull();
  });

  it('an answer in the mapping recodes the value on reload, and travels to the next export of the layout', async () => {
    const first = prep('intake.csv', text);
    const answered = withValue(first.plan.mapping, 'treatment_type', 'residential', 'residential long-term');
    const r = await loadPath(t, tempFile('intake.csv', text), { kind: 'encounters', mapping: answered });
    expect(r.values.treatment_type!.find((v) => v.value === 'Residential')).toMatchObject({ canonical: 'residential long-term', source: 'yours' });
    const [n] = await t.conn.query<{ n: number }>("SELECT count(*)::INT AS n FROM encounters WHERE source_file = 'intake.csv' AND treatment_type = 'residential long-term'");
    expect(n?.n).toBe(10);
    const later = applySavedMapping(kindById('encounters'), answered, first.plan.sniffed.header);
    expect(later.values?.treatment_type).toEqual({ residential: 'residential long-term' });
  });
});

describe('five-digit codes are not dates', () => {
  it('a county FIPS column is never taken for an encounter date', () => {
    const p = prep('counties.csv', lines('Ref,County Code,Population,Care', 20, (i) => `R${i},${47001 + 2 * i},${1000 + i},Detox`));
    expect(p.candidates.find((c) => c.kind.id === 'encounters')!.mapping.columns.encounter_date).toBeNull();
  });
});

describe('yes/no values recoded once', () => {
  it('a file that writes 1 for yes and 2 for no is refused until "2" is answered, then loads with it', async () => {
    const t = await testDb();
    const text = lines('Contact No.,Participant Code,Date Seen,Engaged at 30 days', 20, (i) => `C${i},P${i % 7},${day(i)},${i % 4 ? 1 : 2}`);
    const path = tempFile('teds-like.csv', text);
    const first = await loadPath(t, path);
    expect(first.ok).toBe(false);
    expect(first.problems.find((p) => p.column === 'Engaged at 30 days')).toMatchObject({
      message: '5 values are not yes, no or unknown. First: row 2: "2", row 6: "2", row 10: "2", row 14: "2", row 18: "2".',
      fix: 'Say what each such value means in the value table for engaged at 30 days on this card (for example 2 → no), then load again; the answer is kept for later files.' });
    const p = prep('teds-like.csv', text);
    const answered = withValue(p.plan.mapping, 'engaged_30d', '2', 'no');
    const r = await loadPath(t, path, { kind: 'encounters', mapping: answered });
    expect(r.ok).toBe(true);
    const rows = await t.conn.query<{ e: string; n: number }>("SELECT engaged_30d AS e, count(*)::INT AS n FROM encounters WHERE source_file = 'teds-like.csv' GROUP BY 1 ORDER BY 1");
    expect(rows).toEqual([{ e: 'no', n: 5 }, { e: 'yes', n: 15 }]);
    expect(r.values.engaged_30d).toEqual([
      { value: '1', key: '1', n: 15, canonical: 'yes', source: 'standard' },
      { value: '2', key: '2', n: 5, canonical: 'no', source: 'yours' },
    ]);
  });
});

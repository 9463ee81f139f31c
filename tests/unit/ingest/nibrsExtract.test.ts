import { openAsBlob } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { countsFileName, extractCountsCsv, extractFileOf, groupExtract, readExtract, type ExtractFile, type ExtractSummary } from '../../../src/ingest/nibrs/extract.ts';
import { nibrsPart } from '../../../src/ingest/nibrs/parts.ts';
import { crimeByMonth, crimeSeries } from '../../../src/metrics/crime.ts';
import { runQuery } from '../../../src/metrics/query.ts';
import { AGENCIES, nibrsExtract, type Extract } from '../../helpers/nibrsExtract.ts';
import { loadPath, prepareFile, tempFile, testDb, type TestDb } from '../../helpers/node.ts';

/** Writes an extract's files to a new folder; returns them as the loader is given them. */
async function onDisk(x: Extract): Promise<ExtractFile[]> {
  const dir = mkdtempSync(join(tmpdir(), 'dd-nibrs-'));
  const out: ExtractFile[] = [];
  for (const [name, text] of Object.entries(x.files)) {
    const path = join(dir, name);
    writeFileSync(path, text);
    const f = await extractFileOf(name, await openAsBlob(path), path);
    if (f) out.push(f);
  }
  return out;
}

const ADDICTION = new Set(['35A', '35B', '23C', '23F', '23H', '220', '240']);

/** What the dashboard should chart for one agency: addiction-associated offenses per month of the
 *  year, null where the agency did not report, worked out from the generated offenses. */
function expectedMonths(x: Extract, ori: string): (number | null)[] {
  return [...Array(12).keys()].map((i) => {
    if (!x.reported.get(ori)!.has(i + 1)) return null;
    let s = 0;
    for (const [k, v] of x.counts) {
      const [o, m, code] = k.split('|');
      if (o === ori && m === `${x.year}-${String(i + 1).padStart(2, '0')}` && ADDICTION.has(code!)) s += v;
    }
    return s;
  });
}

describe.each([
  { year: 2019, fileCase: 'published' as const },
  { year: 2022, fileCase: 'lower' as const },
])('an FBI NIBRS state extract of $year (file names $fileCase)', ({ year, fileCase }) => {
  const x = nibrsExtract({ year, fileCase, seed: year });
  let t: TestDb;
  let files: ExtractFile[];
  let summary: ExtractSummary;
  let csv: string;
  beforeAll(async () => {
    t = await testDb();
    files = await onDisk(x);
    summary = await readExtract(t.db, t.conn, groupExtract(files));
    const chosen = summary.agencies.filter((a) => a.ori !== 'MA0050200');
    csv = await extractCountsCsv(t.conn, summary.prefix, chosen.map((a) => a.id));
    const r = await loadPath(t, tempFile(countsFileName(summary, chosen), csv));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
  });

  it('recognises each table by its columns, whatever the case, and leaves the others', () => {
    const roles = Object.fromEntries(files.map((f) => [f.name.toLowerCase(), f.part.role]));
    expect(roles).toEqual({ 'agencies.csv': 'agencies', 'nibrs_incident.csv': 'incident', 'nibrs_offense.csv': 'offense',
      'nibrs_offense_type.csv': 'offense_type', 'nibrs_month.csv': 'month', 'nibrs_victim.csv': 'other' });
    expect(files.find((f) => f.part.role === 'offense')!.part).toEqual({ role: 'offense', layout: year < 2021 ? 'offense_type_id' : 'offense_code' });
    const g = groupExtract(files);
    expect(g.missing).toEqual([]);
    expect(g.ignored.map((s) => s.toLowerCase())).toEqual(['nibrs_victim.csv']);
    // A city's own incident export is not an extract table.
    expect(nibrsPart('incidents.csv', ['Incident ID', 'Offense', 'Date'])).toBeNull();
  });

  it('lists every agency with its name, offenses and months reported', () => {
    expect(summary.years).toEqual([year]);
    expect(summary.state).toBe('MA');
    const byOri = Object.fromEntries(summary.agencies.map((a) => [a.ori, a]));
    for (const a of AGENCIES) {
      const offenses = [...x.counts].filter(([k]) => k.startsWith(`${a.ori}|`)).reduce((s, [, v]) => s + v, 0);
      expect(byOri[a.ori]).toMatchObject({ offenses, reported: x.reported.get(a.ori)!.size, months: 12 });
    }
    expect(byOri.MAMSP0100!.name).toBe('State Police: Troop A, Danvers');
    expect(byOri.MA0050900!.name).toBe('Gloucester');
    expect(summary.tallies.before).toBe(x.before);
    expect(summary.tallies.offenses).toBe(x.offenses);
    expect(summary.tallies.noCode + summary.tallies.noDate + summary.tallies.noIncident + summary.tallies.unreported).toBe(0);
    expect(summary.notes.map((n) => n.message).join(' ')).toContain(`${x.before} offenses are dated outside the extract's year (${year})`);
  });

  it('makes a monthly-counts file, recognised as one, its codes kept', () => {
    expect(csv.split('\n')[0]).toBe('month,ori,agency_name,state_abbr,offense_code,offense,count');
    const p = prepareFile(tempFile('counts.csv', csv));
    if (!p.ok) throw new Error(p.problem.message);
    expect(p.plan.kind.id).toBe('crime_monthly_long');
    expect(p.confident).toBe(true);
    expect(p.plan.mapping.columns).toMatchObject({ month: 'month', agency: 'ori', agency_name: 'agency_name', state: 'state_abbr',
      nibrs_code: 'offense_code', offense: 'offense', count: 'count' });
  });

  it('charts each chosen agency: addiction-associated offenses per month, the months not reported as gaps', async () => {
    const series = await runQuery(t.conn, crimeSeries());
    expect(series.map((s) => s.label).sort()).toEqual(['Essex, MA', 'Gloucester, MA', 'Holyoke, MA', 'State Police: Troop A, Danvers, MA']);
    for (const a of AGENCIES.filter((a) => a.ori !== 'MA0050200')) {
      const rows = await runQuery(t.conn, crimeByMonth(`monthly:${a.ori}`, null));
      expect(rows.map((r) => r.count), a.ori).toEqual(expectedMonths(x, a.ori));
    }
    // Essex did not report March to May; Holyoke reported from July; the State Police unit filed a
    // zero report in February, which is a zero, not a gap.
    const essex = expectedMonths(x, 'MA0050400');
    expect(essex.slice(2, 5)).toEqual([null, null, null]);
    expect(expectedMonths(x, 'MAMSP0100')[1]).toBe(0);
  });
});

describe('an extract with tables missing or repeated', () => {
  it('says which tables it needs, by their published names', async () => {
    const x = nibrsExtract({ year: 2019, incidents: 50 });
    const files = await onDisk(x);
    const g = groupExtract(files.filter((f) => f.part.role !== 'offense_type' && f.part.role !== 'incident'));
    expect(g.missing).toEqual(['incident', 'offense_type']);
    const y = nibrsExtract({ year: 2022, incidents: 50 });
    const g2 = groupExtract(files.concat(await onDisk(y)));
    expect(g2.repeated.sort()).toEqual(['agencies', 'incident', 'month', 'offense', 'offense_type']);
  });

  it('without NIBRS_month, a month with no offense at all is a gap, and the report says so', async () => {
    const t = await testDb();
    const x = nibrsExtract({ year: 2022, withMonthFile: false, seed: 3 });
    const s = await readExtract(t.db, t.conn, groupExtract(await onDisk(x)));
    expect(s.notes[0]!.message).toMatch(/NIBRS_month\.csv was not added/);
    const holyoke = s.agencies.find((a) => a.ori === 'MA0130500')!;
    expect(holyoke.reported).toBe(6);
  });
});

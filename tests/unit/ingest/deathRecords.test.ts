import { beforeAll, describe, expect, it } from 'vitest';
import { detectPersonalData } from '../../../src/ingest/personalData.ts';
import { isConfident, recognise } from '../../../src/ingest/recognise.ts';
import { notReadyProblem } from '../../../src/ingest/prepare.ts';
import type { LoadReport } from '../../../src/ingest/load.ts';
import { deathGroups, deathPlaces, deathsByMonth } from '../../../src/metrics/overdoses.ts';
import { runQuery } from '../../../src/metrics/query.ts';
import { CT_2012_2018_HEADER, ctExport, deaths, expected, TOWNS, type Group } from '../../helpers/deathRecords.ts';
import { loadPath, prepareFile, tempFile, testDb, type TestDb } from '../../helpers/node.ts';

/** Death records, one row per death (a medical examiner's export such as Connecticut's "Accidental
 *  Drug Related Deaths"): recognised by their headers, substance flags read by name, rows without a
 *  date reported and not counted, ages kept only as bands. */

const CT_2012_2021_HEADER = ['Date', 'Date Type', 'Age', 'Sex', 'Race', 'Ethnicity', 'Residence City', 'Residence County', 'Residence State',
  'Injury City', 'Injury County', 'Injury State', 'Injury Place', 'Description of Injury', 'Death City', 'Death County', 'Death State',
  'Location', 'Location if Other', 'Cause of Death', 'Manner of Death', 'Other Significant Conditions ', 'Heroin',
  'Heroin death certificate (DC)', 'Cocaine', 'Fentanyl', 'Fentanyl Analogue', 'Oxycodone', 'Oxymorphone', 'Ethanol', 'Hydrocodone',
  'Benzodiazepine', 'Methadone', 'Meth/Amphetamine', 'Amphet', 'Tramad', 'Hydromorphone', 'Morphine (Not Heroin)', 'Xylazine',
  'Gabapentin', 'Opiate NOS', 'Heroin/Morph/Codeine', 'Other Opioid', 'Any Opioid', 'Other', 'ResidenceCityGeo', 'InjuryCityGeo',
  'DeathCityGeo', 'Injury_Latitude', 'Injury_Longitude', 'InjuryCity_Revised', 'Injury_County_Revised'];

const GROUPS: Group[] = ['opioid', 'fentanyl', 'heroin', 'cocaine', 'methamphetamine', 'benzodiazepine', 'alcohol', 'other'];

describe('recognition of death records', () => {
  it.each([
    ['Connecticut 2012-2018', CT_2012_2018_HEADER, { residence_city: 'ResidenceCity', death_city: 'DeathCity', death_county: 'DeathCounty' },
      { AnyOpioid: 'opioid', FentanylAnalogue: 'fentanyl', Amphet: 'methamphetamine', Ethanol: 'alcohol', Morphine_NotHeroin: 'opioid' }],
    ['Connecticut 2012-2021', CT_2012_2021_HEADER, { residence_city: 'Residence City', death_city: 'Death City', death_county: 'Death County' },
      { 'Any Opioid': 'opioid', 'Fentanyl Analogue': 'fentanyl', 'Meth/Amphetamine': 'methamphetamine', Xylazine: 'other', 'Heroin/Morph/Codeine': 'opioid' }],
  ])('%s headers are death records, their substance columns flags', (_name, header, columns, flags) => {
    const [best, second] = recognise(header);
    expect(best!.kind.id).toBe('death_records');
    expect(best!.missing).toEqual([]);
    expect(best!.score - second!.score).toBeGreaterThan(0.5);
    expect(best!.mapping.columns).toMatchObject({ date: 'Date', age: 'Age', sex: 'Sex', race: 'Race', ...columns });
    expect(best!.mapping.flagColumns).toMatchObject(flags);
    // Free text (cause of death, description of injury) is never mapped.
    const used = [...Object.values(best!.mapping.columns), ...Object.keys(best!.mapping.flagColumns ?? {})];
    const text = ['COD', 'Cause of Death', 'DescriptionofInjury', 'Description of Injury', 'OtherSignifican', 'Other Significant Conditions ', 'LocationifOther', 'Location if Other'];
    expect(used.filter((c) => c != null && text.includes(c))).toEqual([]);
  });

  it('a generic export names its columns in words', () => {
    const [best] = recognise(['Case Number', 'Date of Death', 'Age', 'Gender', 'Race', 'City of Residence', 'County of Residence',
      'Injury City', 'Injury County', 'Fentanyl', 'Heroin', 'Cocaine', 'Methamphetamine', 'Alcohol', 'Benzodiazepines']);
    expect(best!.kind.id).toBe('death_records');
    expect(best!.mapping.columns).toMatchObject({ date: 'Date of Death', sex: 'Gender', residence_city: 'City of Residence',
      death_city: 'Injury City', death_county: 'Injury County' });
    expect(Object.keys(best!.mapping.flagColumns ?? {})).toHaveLength(6);
  });

  it('the generated export is recognised confidently from its headers and values, and not held back', () => {
    const path = tempFile('ct_deaths.csv', ctExport());
    const p = prepareFile(path);
    if (!p.ok) throw new Error(p.problem.message);
    expect(p.plan.kind.id).toBe('death_records');
    expect(p.confident).toBe(true);
    expect(isConfident(recognise(p.plan.sniffed.header, p.plan.sniffed.sample))).toBe(true);
    expect(notReadyProblem(p)).toBeNull();
    // The cause of death looks like free-text notes: found, and not loaded because it is not mapped.
    expect(detectPersonalData(p.plan.sniffed.header, p.plan.sniffed.sample).map((f) => f.column)).toContain('COD');
    expect(p.plan.sniffed.warnings.map((w) => w.message).join(' ')).toContain('"COD"');
  });
});

describe('loading death records', () => {
  let t: TestDb;
  let report: LoadReport;
  beforeAll(async () => {
    t = await testDb();
    report = await loadPath(t, tempFile('ct_deaths.csv', ctExport()));
  });

  it('loads the 60 deaths with a date; the 3 without one are listed and not counted', async () => {
    expect(report.ok).toBe(true);
    expect(report.rowsLoaded).toBe(60);
    const blank = report.problems.find((p) => p.column === 'Date');
    expect(blank?.severity).toBe('warning');
    expect(blank?.count).toBe(3);
    // Data rows 61-63 are file rows 62-64 (the header is row 1).
    expect(blank?.rows).toEqual([62, 63, 64]);
    expect(blank?.message).toContain('not loaded and are not counted');
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('keeps ages as 10-year bands, never the exact age', async () => {
    const cols = (await t.conn.query<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE overdose_deaths)`)).map((c) => c.column_name);
    expect(cols).not.toContain('age');
    const bands = await t.conn.query<{ age_band: string; n: number }>(`SELECT age_band, count(*)::INTEGER AS n FROM overdose_deaths GROUP BY 1 ORDER BY 1`);
    const want = new Map<string, number>();
    for (const d of deaths().filter((x) => x.month != null)) {
      const b = d.age >= 80 ? '80+' : `${Math.floor(d.age / 10) * 10}-${Math.floor(d.age / 10) * 10 + 9}`;
      want.set(b, (want.get(b) ?? 0) + 1);
    }
    expect(bands).toEqual([...want].sort().map(([age_band, n]) => ({ age_band, n })));
  });

  it('Harbor City residents: 20 deaths, per month and per substance group as worked out from the rows', async () => {
    const rows = await runQuery(t.conn, deathsByMonth('residence', 'city', 'Harbor City'));
    expect(rows.map((r) => r.month.toISOString().slice(0, 7))).toEqual(['2017-01', '2017-02', '2017-03', '2017-04', '2017-05', '2017-06']);
    expect(rows.map((r) => r.deaths)).toEqual(expected(0, 'residence'));
    expect(rows.reduce((a, r) => a + r.deaths, 0)).toBe(20);
    for (const g of GROUPS) expect(rows.map((r) => r[g]), g).toEqual(expected(0, 'residence', g));
  });

  it('deaths in Harbor City by place of death differ from its residents', async () => {
    const rows = await runQuery(t.conn, deathsByMonth('death', 'city', 'HARBOR CITY'));
    expect(rows.map((r) => r.deaths)).toEqual(expected(0, 'death'));
    expect(rows.map((r) => r.deaths)).not.toEqual(expected(0, 'residence'));
    for (const g of GROUPS) expect(rows.map((r) => r[g]), g).toEqual(expected(0, 'death', g));
  });

  it('hand-checked: "Y-A" counts as fentanyl, a blank AnyOpioid beside a named opioid still counts as an opioid', async () => {
    // Rows 0 and 28 write "Y-A"; rows 0, 26 and 52 (i % 13 = 0 with an opioid) leave AnyOpioid blank.
    const all = await t.conn.query<{ f: number; o: number }>(`SELECT count(*) FILTER (WHERE fentanyl)::INTEGER AS f, count(*) FILTER (WHERE opioid)::INTEGER AS o FROM overdose_deaths`);
    const d = deaths().filter((x) => x.month != null);
    expect(all[0]).toEqual({ f: d.filter((x) => x.fentanyl || x.analogue).length, o: d.filter((x) => x.heroin || x.fentanyl || x.analogue || x.oxycodone || x.anyOpioid).length });
    // 30 even rows (fentanyl) and the odd multiples of 7 below 60 (7, 21, 35, 49): 34.
    expect(all[0]!.f).toBe(34);
  });

  it('lists places by residence and by place of death, and the groups the file has', async () => {
    const res = await runQuery(t.conn, deathPlaces('residence'));
    expect(res.filter((p) => p.level === 'city').map((p) => p.deaths).reduce((a, b) => a + b, 0)).toBe(60);
    expect(res.map((p) => `${p.level}:${p.place}`)).toEqual(expect.arrayContaining(TOWNS.map((x) => `city:${x.city}`)));
    const death = await runQuery(t.conn, deathPlaces('death'));
    expect(death.find((p) => p.place === 'HARBOR CITY')?.deaths).toBe(expected(0, 'death').reduce((a, b) => a + b, 0));
    expect((await runQuery(t.conn, deathGroups())).map((g) => g.grp).sort()).toEqual([...GROUPS].sort());
  });
});

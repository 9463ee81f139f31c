import { describe, expect, it } from 'vitest';
import { notReadyProblem } from '../../../src/ingest/prepare.ts';
import { loadPath, prepareFile, tempFile, testDb } from '../../helpers/node.ts';

/** Quirks of real portal exports that must not cost the user the whole file. */
describe('portal quirks', () => {
  it('an incident whose offense the portal left blank is loaded, counted under no offense group, and said', async () => {
    const t = await testDb();
    const rows = Array.from({ length: 12 }, (_, i) => `${1000 + i},2023-03-${String(1 + i).padStart(2, '0')},${i === 7 ? '' : i % 2 ? 'BURGLARY' : 'PETIT LARCENY'},NYPD`);
    const r = await loadPath(t, tempFile('complaints.csv', `CMPLNT_NUM,Date Occurred,OFNS_DESC,Agency\n${rows.join('\n')}\n`));
    expect(r.ok).toBe(true);
    expect(r.rowsLoaded).toBe(12);
    const blank = r.problems.find((p) => p.column === 'OFNS_DESC');
    expect(blank).toMatchObject({ severity: 'warning', row: 9 });
    expect(blank?.message).toBe('Offense is blank; it was loaded, and counts in an offense group only where an offense code says which.');
    const [n] = await t.conn.query<{ n: number }>('SELECT sum(count)::INT AS n FROM crime_facts WHERE offense IS NULL');
    expect(n?.n).toBe(1);
  });

  it('a WONDER export with no Year column says to export it again grouped by Year', () => {
    const p = prepareFile(tempFile('wonder-combined.txt', '"Notes"\t"County"\t"County Code"\tDeaths\tPopulation\tCrude Rate\n'
      + '\t"Autauga County, AL"\t"01001"\t12\t385000\t3.1\n\t"Baldwin County, AL"\t"01003"\t40\t1290000\t3.1\n"---"\n"Dataset: Multiple Cause of Death, 1999-2012"\n'));
    if (!p.ok) throw new Error(p.problem.message);
    expect(p.plan.kind.id).toBe('cdc_wonder');
    expect(notReadyProblem(p)?.fix).toBe('A WONDER export without a Year column adds several years together, which no chart can place: request it again with "Group Results By" including Year, then load that file.');
  });
});

describe('rows that repeat an incident', () => {
  it('are loaded, and the report says the charts count offenses', async () => {
    const t = await testDb();
    const rows = ['I1,2023-03-01,burglary-residence,Denver PD', 'I1,2023-03-01,theft-items-from-vehicle,Denver PD', 'I2,2023-03-02,burglary-residence,Denver PD',
      'I3,2023-03-03,drug-possession,Denver PD', 'I3,2023-03-03,drug-paraphernalia,Denver PD', 'I3,2023-03-03,weapon-carrying,Denver PD'];
    const r = await loadPath(t, tempFile('denver.csv', `incident_id,Date Occurred,Offense,Agency\n${rows.join('\n')}\n`));
    expect(r.rowsLoaded).toBe(6);
    expect(r.problems.find((p) => p.column === 'incident_id')?.message)
      .toBe('2 incident ids appear on more than one row (5 rows; the first is "I1"): the file writes one row per offense of an incident, so the crime charts count offenses, not incidents.');
  });
});

describe('a CRLF export whose last line ends in a lone CR', () => {
  it('is not taken for a file cut short inside a quoted value', async () => {
    const { sniffBytes, SNIFF_BYTES, TAIL_BYTES } = await import('../../../src/ingest/sniff.ts');
    const row = (i: number) => `"${i}","2018-07-07 19:52:00","burglary-residence","9700 E ILIFF AVE, APT ${i}","1"`;
    const text = `"INCIDENT_ID","REPORTED_DATE","OFFENSE_TYPE_ID","INCIDENT_ADDRESS","IS_CRIME"\r\n${Array.from({ length: 6000 }, (_, i) => row(i)).join('\r\n')}\r`;
    const u = new TextEncoder().encode(text);
    expect(u.length).toBeGreaterThan(SNIFF_BYTES);
    const r = sniffBytes('denver.csv', u.subarray(0, SNIFF_BYTES), u.length, u.subarray(u.length - TAIL_BYTES));
    expect(r.ok && r.sniffed.warnings.map((w) => w.code)).toEqual([]);
    expect(r.ok && r.sniffed.tail?.openQuote).toBe(false);
  });
});

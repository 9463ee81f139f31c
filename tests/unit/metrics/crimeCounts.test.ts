import { describe, expect, it } from 'vitest';
import { crimeByMonth, offenseValues, unassignedOffenses } from '../../../src/metrics/crime.ts';
import { runQuery } from '../../../src/metrics/query.ts';
import { loadPath, prepareFile, tempFile, testDb } from '../../helpers/node.ts';

/** Incident exports with a count (weight) column: 1 a counted incident, -1 one later unfounded or
 *  deleted. The monthly counts are net. */
const SIGNED = [
  'incident number,date,offense,count',
  // January: 3 burglaries counted, 1 unfounded -> 2; one assault (not addiction-associated).
  '1,2024-01-03,Burglary,1', '2,2024-01-09,Burglary,1', '3,2024-01-15,Burglary,1', '3,2024-01-20,Burglary,-1',
  '4,2024-01-21,Simple Assault,1',
  // February: 2 shopliftings, both unfounded -> 0; 1 drug violation -> 1.
  '5,2024-02-02,Shoplifting,1', '6,2024-02-03,Shoplifting,1', '5,2024-02-10,Shoplifting,-1', '6,2024-02-11,Shoplifting,-1',
  '7,2024-02-12,Drug/Narcotic Violations,1',
  // March: 1 counted, and a row with a blank count, which counts once -> 2.
  '8,2024-03-05,Motor Vehicle Theft,1', '9,2024-03-06,Motor Vehicle Theft,',
].join('\n');

describe('signed incident counts', () => {
  it('an incident file with a Count column is read as incidents, not as monthly counts', () => {
    const p = prepareFile(tempFile('signed.csv', SIGNED));
    if (!p.ok) throw new Error(p.problem.message);
    expect(p.candidates[0]!.kind.id).toBe('crime_incidents');
    expect(p.candidates[0]!.mapping.columns.count).toBe('count');
  });

  it('sums the count column per month: 1 counts, -1 takes one off (net counts)', async () => {
    const t = await testDb();
    const r = await loadPath(t, tempFile('signed.csv', SIGNED), { kind: 'crime_incidents' });
    expect(r.ok).toBe(true);
    expect(r.rowsLoaded).toBe(12);
    const rows = await runQuery(t.conn, crimeByMonth('incidents:signed.csv', null));
    expect(rows.map((x) => [x.month.toISOString().slice(0, 7), x.count])).toEqual([['2024-01', 2], ['2024-02', 1], ['2024-03', 2]]);
    expect((await runQuery(t.conn, crimeByMonth('incidents:signed.csv', 'larceny'))).map((x) => x.count)).toEqual([0, 0, 0]);
    // The offense table shows net offenses per value too.
    const v = await runQuery(t.conn, offenseValues());
    expect(v.find((x) => x.offense === 'Burglary')?.offenses).toBe(2);
    expect(v.find((x) => x.offense === 'Shoplifting')?.offenses).toBe(0);
    expect(await runQuery(t.conn, unassignedOffenses('incidents:signed.csv'))).toEqual([{ total: 6, unassigned: 0, assignedRows: expect.any(Number) }]);

    // The load report warns about the -1 rows: how many, and that each takes one incident off.
    const w = r.problems.filter((p) => p.severity === 'warning' && p.column === 'count');
    expect(w).toHaveLength(1);
    expect(w[0]!.count).toBe(3);
    expect(w[0]!.rows).toEqual([5, 9, 10]);
    expect(w[0]!.message).toMatch(/^The count is -1, which marks an unfounded or deleted incident: .*lower by one incident per row\. \(3 rows\)/);
  });

  it('without a count column every row counts once', async () => {
    const t = await testDb();
    await loadPath(t, tempFile('plain.csv', ['incident number,date,offense', '1,2024-01-03,Burglary', '2,2024-01-04,Burglary'].join('\n')));
    expect((await runQuery(t.conn, crimeByMonth('incidents:plain.csv', null))).map((x) => x.count)).toEqual([2]);
    expect((await t.conn.query<{ c: number }>(`SELECT sum(count) AS c FROM crime_incidents`))[0]!.c).toBe(2);
  });

  it('a "Weight" column is never taken for the count; a count that is not a whole number is refused, and counts above 1 are said', async () => {
    const t = await testDb();
    // A drug weight in grams beside the offense: not mapped at all, so each row is one incident.
    const weights = await loadPath(t, tempFile('weights.csv', ['case number,date,offense,weight', '1,2024-01-03,Narcotics,3.5', '2,2024-01-04,Narcotics,1'].join('\n')),
      { kind: 'crime_incidents' });
    expect(weights.ok).toBe(true);
    expect(weights.ignored).toContain('weight');
    expect((await runQuery(t.conn, crimeByMonth('incidents:weights.csv', null))).map((x) => x.count)).toEqual([2]);
    const bad = await loadPath(t, tempFile('halves.csv', ['case number,date,offense,count', '1,2024-01-03,Narcotics,3.5', '2,2024-01-04,Narcotics,1'].join('\n')),
      { kind: 'crime_incidents' });
    expect(bad.ok).toBe(false);
    expect(bad.problems.find((p) => p.severity === 'error')?.message).toMatch(/^The count is not a whole number/);
    const many = await loadPath(t, tempFile('many.csv', ['case number,date,offense,count', '1,2024-01-03,Narcotics,2', '2,2024-01-04,Narcotics,1'].join('\n')),
      { kind: 'crime_incidents' });
    expect(many.ok).toBe(true);
    expect(many.problems.map((p) => [p.severity, p.message])).toEqual([['warning', 'The count is more than 1: each such row counts as that many incidents. Found "2".']]);
    expect((await runQuery(t.conn, crimeByMonth('incidents:many.csv', null))).map((x) => x.count)).toEqual([3]);
  });
});

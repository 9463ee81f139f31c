import { statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFile, removeLoadedFile } from '../../../src/ingest/load.ts';
import { notReadyProblem, prepare } from '../../../src/ingest/prepare.ts';
import { problemText } from '../../../src/ingest/problems.ts';
import { loadPath, prepareFile, tempFile, testDb, type TestDb } from '../../helpers/node.ts';

/** Crime files that cannot load as they are, and the long monthly layout keyed by agency.
 *  Every file here is constructed. */
const GOOD = 'date,offense,agency\n2024-01-03,Shoplifting,Town PD\n2024-01-09,Burglary,Town PD\n';
const FIX = 'Choose the right kind of file, or pick the column for each missing field, then load.';

describe('a crime file without a recognisable date or offense column', () => {
  let t: TestDb;
  const snapshot = async () => ({
    incidents: await t.conn.query('SELECT * FROM crime_incidents ORDER BY ALL'),
    loads: await t.conn.query('SELECT source_file, rows FROM _loads ORDER BY ALL'),
  });
  beforeAll(async () => {
    t = await testDb();
    expect((await loadPath(t, tempFile('town.csv', GOOD))).rowsLoaded).toBe(2);
  });

  /** Prepares a file, checks the message, then forces a load as if "Load" were pressed anyway. */
  async function refused(name: string, text: string, message: string, kind?: 'crime_incidents' | 'crime_monthly_long') {
    const before = await snapshot();
    const path = tempFile(name, text);
    const p = prepareFile(path, kind ? { kind } : undefined);
    if (!p.ok) throw new Error(p.problem.message);
    expect(p.plan.kind.id).toBe(kind ?? 'crime_incidents');
    expect(problemText(notReadyProblem(p)!)).toBe(`${name}, row 1: ${message} ${FIX}`);
    const r = await loadFile(t.db, t.conn, path, p.plan);
    expect(r.ok).toBe(false);
    expect(r.rowsLoaded).toBe(0);
    expect(problemText(r.problems[0]!)).toBe(`${name}, row 1: ${message} ${FIX}`);
    expect(await snapshot()).toEqual(before);
  }

  it('neither: both missing fields named, and the columns the file has', () => refused('incidents.csv',
    'Incident Number,Location,Officer\n24-0001,Main St,Badge 12\n',
    'Read as "Crime incidents", but no column was found for: Date, Offense. The file\'s columns are: "Incident Number", "Location", "Officer".'));

  it('a date but no offense', () => refused('no-offense.csv',
    'Report Date,Location,Beat\n2024-01-05,Main St,3\n',
    'Read as "Crime incidents", but no column was found for: Offense. The file\'s columns are: "Report Date", "Location", "Beat".'));

  it('an offense but a date column under a name nobody knows ("happened")', () => refused('no-date.csv',
    'case number,happened,description\n24-0002,2024-01-06,Shoplifting\n',
    'Read as "Crime incidents", but no column was found for: Date. The file\'s columns are: "case number", "happened", "description".'));

  it('no column matches at all, read as crime incidents because the user chose it', () => refused('odd.csv',
    'when,what,where\n2024-01-07,theft,Main St\n',
    'Read as "Crime incidents", but no column was found for: Date, Offense. The file\'s columns are: "when", "what", "where".',
    'crime_incidents'));

  it('monthly counts without a count column', () => refused('monthly.csv',
    'month,agency,offense\n2024-01,Town PD,burglary\n',
    'Read as "Crime monthly counts (one row per offense)", but no column was found for: Count. The file\'s columns are: "month", "agency", "offense".',
    'crime_monthly_long'));

  it('a long header list is cut after 25 names', () => {
    const header = ['Location', ...Array.from({ length: 29 }, (_, i) => `extra ${i + 1}`)];
    const p = prepareFile(tempFile('wide.csv', `${header.join(',')}\n${header.map(() => 'x').join(',')}\n`), { kind: 'crime_incidents' });
    if (!p.ok) throw new Error();
    expect(notReadyProblem(p)!.message).toMatch(/"extra 23", "extra 24" and 5 more\.$/);
  });

  it('once the user picks the date column it loads, and the old message is gone', async () => {
    const text = 'case number,happened,description\n24-0003,2024-02-01,Burglary\n24-0004,2024-02-02,Shoplifting\n';
    const path = tempFile('picked.csv', text);
    const first = prepareFile(path);
    if (!first.ok) throw new Error();
    expect(notReadyProblem(first)?.code).toBe('missing-columns');
    // As the app does: prepare again from the plan's sniff, with the user's mapping.
    const mapping = { ...first.plan.mapping, columns: { ...first.plan.mapping.columns, date: 'happened' } };
    const again = prepare('picked.csv', statSync(path).size, { ok: true, sniffed: first.plan.sniffed }, { kind: 'crime_incidents', mapping });
    if (!again.ok) throw new Error();
    expect(again.plan.sniffed.warnings).toEqual([]);
    expect(notReadyProblem(again)).toBeNull();
    const r = await loadFile(t.db, t.conn, path, again.plan);
    expect([r.ok, r.rowsLoaded, r.problems]).toEqual([true, 2, []]);
    await removeLoadedFile(t.conn, 'picked.csv');
  });
});

describe('crime monthly counts, long layout: two agencies with one name', () => {
  // Two "Medford" police departments (Massachusetts and Oregon), keyed by constructed ORI-style codes.
  const LONG = [
    'month,ori,agency_name,state,offense,count',
    '2023-01,MA0000001,Medford,MA,burglary,12',
    '2023-01,OR0000001,Medford,OR,burglary,7',
    '2023-02,MA0000001,Medford,MA,burglary,9',
    '2023-02,OR0000001,Medford,OR,burglary,11',
    '2023-01,MA0000001,Medford,MA,shoplifting,20',
    '2023-01,OR0000001,Medford,OR,shoplifting,15',
  ].join('\n') + '\n';
  const byAgency = (t: TestDb) => t.conn.query(`SELECT agency, offense, sum(count) AS n FROM crime_monthly GROUP BY ALL ORDER BY ALL`);

  it('keyed by the unique agency code, they stay separate', async () => {
    const t = await testDb();
    const mapping = { kind: 'crime_monthly_long' as const, columns: { month: 'month', agency: 'ori', offense: 'offense', count: 'count' } };
    const r = await loadPath(t, tempFile('medford.csv', LONG), { kind: 'crime_monthly_long', mapping });
    expect([r.ok, r.rowsLoaded]).toEqual([true, 6]);
    expect(await byAgency(t)).toEqual([
      { agency: 'MA0000001', offense: 'burglary', n: 21 }, { agency: 'MA0000001', offense: 'shoplifting', n: 20 },
      { agency: 'OR0000001', offense: 'burglary', n: 18 }, { agency: 'OR0000001', offense: 'shoplifting', n: 15 },
    ]);
  });

  // The long layout prefers a unique key (ori) to the agency's name, as the wide layout does.
  it('recognised without help, the unique code is the key', async () => {
    const t = await testDb();
    const path = tempFile('medford.csv', LONG);
    const p = prepareFile(path);
    expect(p.ok && p.plan.mapping.columns.agency).toBe('ori');
    await loadPath(t, path);
    expect((await t.conn.query(`SELECT count(DISTINCT agency) AS n FROM crime_monthly`))[0]!.n).toBe(2);
  });
});

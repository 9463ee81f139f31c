import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { notReadyProblem } from '../../../src/ingest/prepare.ts';
import { loadPath, prepareFile, PUBLIC, tempFile, testDb, type TestDb } from '../../helpers/node.ts';

/** A CDC WONDER export whose notes block was removed, and with it the last line break, is whole:
 *  it loads, with a warning that its completeness cannot be confirmed and that names the last value.
 *  A last row that is short or inside an open quote is still refused (overdoseFiles.test.ts). */

const WONDER = PUBLIC + 'cdc_wonder_nc_drug_poisoning_deaths_by_county_2006-2017.tsv';
const NOTES = ['---', 'Dataset: Multiple Cause of Death, 1999-2017', 'Query Parameters:', 'States: North Carolina (37)',
  'Group By: County; Year', '---'].map((n) => `"${n}"\r\n`).join('');

/** The export with a notes block, as WONDER writes it, and the same text with the block and the
 *  final line break taken off again. */
function withoutNotes(): string {
  const exported = readFileSync(WONDER, 'latin1').replace(/(\r\n)*$/, '\r\n') + NOTES;
  const notesAt = exported.search(/^"---"/m);
  expect(notesAt).toBeGreaterThan(0);
  return exported.slice(0, notesAt).replace(/(\r\n|\n|\r)+$/, '');
}

/** Rows and the sum of reported deaths, worked out from the text alone. */
function counted(text: string): { rows: number; deaths: number; suppressed: number } {
  const [header, ...rows] = Papa.parse<string[]>(text, { delimiter: '\t', skipEmptyLines: true }).data;
  const d = header!.indexOf('Deaths');
  const numbers = rows.map((r) => r[d]!).filter((v) => /^\d+$/.test(v)).map(Number);
  return { rows: rows.length, deaths: numbers.reduce((a, b) => a + b, 0), suppressed: rows.filter((r) => r[d] === 'Suppressed').length };
}

describe('CDC WONDER export without its notes block and without a final line break', () => {
  let t: TestDb;
  let text: string;
  beforeAll(async () => {
    t = await testDb();
    text = withoutNotes();
  });

  it('ends with the last value of the last row, no line break', () => {
    expect(text.endsWith('\t"Yancey County, NC"\t"37199"\t"2017"\t"2017"\tSuppressed\t17744\tSuppressed\tSuppressed\tSuppressed\tSuppressed')).toBe(true);
    // Worked out from the text: 1,200 rows, 744 suppressed, 11,168 deaths in the other 456.
    expect(counted(text)).toEqual({ rows: 1200, deaths: 11168, suppressed: 744 });
  });

  it('is ready to load, with a warning naming row 1201 and its last value', () => {
    const p = prepareFile(tempFile('wonder.tsv', text));
    if (!p.ok) throw new Error(p.problem.message);
    expect(notReadyProblem(p)).toBeNull();
    expect(p.plan.sniffed.warnings).toEqual([expect.objectContaining({ severity: 'warning', code: 'notes-missing-no-line-break', row: 1201 })]);
    const w = p.plan.sniffed.warnings[0]!;
    expect(w.message).toContain('the last row has no line break after it');
    expect(w.message).toContain('the last row has all 11 values, but its last value ("Suppressed") may have been cut');
    expect(w.fix).toBe('If you removed the notes yourself, check that the last value of row 1201 is whole and ignore this. Otherwise export again.');
  });

  it('loads every row; the deaths add up to the total counted from the text', async () => {
    const r = await loadPath(t, tempFile('wonder.tsv', text), undefined, 'wonder_no_notes.tsv');
    expect(r.ok).toBe(true);
    const expected = counted(text);
    expect(r.rowsLoaded).toBe(expected.rows);
    expect(r.problems.map((p) => p.code)).toEqual(['notes-missing-no-line-break']);
    const [s] = await t.conn.query<{ n: number; deaths: number; suppressed: number; yancey: string | null }>(`
      SELECT count(*) AS n, sum(deaths) AS deaths, count(*) FILTER (WHERE deaths_status = 'suppressed') AS suppressed,
        max(deaths_status) FILTER (WHERE county_fips = '37199' AND year = 2017) AS yancey
      FROM overdose_wonder WHERE source_file = 'wonder_no_notes.tsv'`);
    expect(s).toEqual({ n: expected.rows, deaths: expected.deaths, suppressed: expected.suppressed, yancey: 'suppressed' });
    expect(s!.deaths).toBe(11168);
  });

  it('the same rows with a final line break load with the plain notes-missing warning', async () => {
    const r = await loadPath(t, tempFile('wonder.tsv', `${text}\r\n`), undefined, 'wonder_no_notes_crlf.tsv');
    expect(r.rowsLoaded).toBe(1200);
    expect(r.problems.map((p) => [p.code, p.row])).toEqual([['notes-missing', 1201]]);
  });

  it('a last row short of values, without a line break, is still refused', () => {
    const p = prepareFile(tempFile('wonder.tsv', text.replace(/\tSuppressed\tSuppressed$/, '')));
    if (!p.ok) throw new Error(p.problem.message);
    expect(notReadyProblem(p)).toMatchObject({ severity: 'error', code: 'cut-short', row: 1201 });
    expect(notReadyProblem(p)!.message).toContain('its last row has 9 of the 11 values');
  });
});

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { openAsBlob } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../../../scripts/aggregate.ts';
import { extractCountsCsv, extractFileOf, groupExtract, readExtract, type ExtractFile } from '../../../src/ingest/nibrs/extract.ts';
import { crimeByMonth, crimeSeries } from '../../../src/metrics/crime.ts';
import { runQuery } from '../../../src/metrics/query.ts';
import { nibrsExtract, type Extract } from '../../helpers/nibrsExtract.ts';
import { loadPath, tempFile, testDb } from '../../helpers/node.ts';

function folder(root: string, name: string, x: Extract): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(x.files)) writeFileSync(join(dir, f), text);
  return dir;
}

/** What the browser makes of one extract with every agency chosen: the same functions the Data
 *  page runs (state/useExtracts.ts), here on native DuckDB. */
async function browserCsv(dir: string, x: Extract): Promise<string> {
  const t = await testDb();
  const files: ExtractFile[] = [];
  for (const name of Object.keys(x.files)) {
    const f = await extractFileOf(name, await openAsBlob(join(dir, name)), join(dir, name));
    if (f) files.push(f);
  }
  const s = await readExtract(t.db, t.conn, groupExtract(files));
  return extractCountsCsv(t.conn, s.prefix, s.agencies.map((a) => a.id));
}

describe('npm run aggregate', () => {
  const root = mkdtempSync(join(tmpdir(), 'dd-aggregate-test-'));
  const x19 = nibrsExtract({ year: 2019, seed: 5, incidents: 800 });
  const x22 = nibrsExtract({ year: 2022, seed: 6, incidents: 800, fileCase: 'upper' });
  const d19 = folder(root, 'MA-2019', x19);
  const d22 = folder(root, 'MA-2022', x22);
  const outDir = mkdtempSync(join(tmpdir(), 'dd-aggregate-out-'));

  it('writes, for one extract, exactly the file the Data page makes from it', async () => {
    const out = join(outDir, 'one.csv');
    const lines: string[] = [];
    const r = await aggregate([d19], out, { threads: 2, log: (l) => lines.push(l) });
    expect(readFileSync(out, 'utf8')).toBe(await browserCsv(d19, x19));
    expect(r.sources).toHaveLength(1);
    expect(lines.join('\n')).toMatch(/MA-2019: reading the NIBRS extract/);
    expect(lines.join('\n')).toMatch(/offenses of 5 agencies \(2019\)/);
  });

  it('reads the zip as the Crime Data Explorer gives it, the same as its folder', async () => {
    const zip = join(outDir, 'MA-2019.zip');
    writeFileSync(zip, zipSync(Object.fromEntries(Object.entries(x19.files).map(([n, t]) => [`MA/${n}`, strToU8(t)]))));
    const lines: string[] = [];
    await aggregate([zip], join(outDir, 'zip.csv'), { threads: 2, log: (l) => lines.push(l) });
    expect(readFileSync(join(outDir, 'zip.csv'), 'utf8')).toBe(await browserCsv(d19, x19));
    expect(lines[0]).toBe('MA-2019.zip: unpacking…');
  });

  it('several years (one folder each) in one file, which the Data page loads and charts as each year alone', async () => {
    const out = join(outDir, 'both.csv');
    await aggregate([root], out, { threads: 2, agencies: ['MA0050900', 'MA0050400'] });
    const t = await testDb();
    const r = await loadPath(t, out);
    expect(r.ok).toBe(true);
    expect((await runQuery(t.conn, crimeSeries())).map((s) => s.label)).toEqual(['Essex, MA', 'Gloucester, MA']);
    const months = await runQuery(t.conn, crimeByMonth('monthly:MA0050400', null));
    // 2019 and 2022, and the two years between them, which no extract covers, as gaps.
    expect(months).toHaveLength(48);
    expect(months.slice(12, 36).every((m) => m.count == null)).toBe(true);
    const alone = await testDb();
    await loadPath(alone, tempFile('2022.csv', await browserCsv(d22, x22)));
    const only22 = await runQuery(alone.conn, crimeByMonth('monthly:MA0050400', null));
    expect(months.slice(36).map((m) => m.count)).toEqual(only22.map((m) => m.count));
  });

  it('a city\'s incident records become monthly counts that chart exactly as the incidents do', async () => {
    const rows = ['Incident Number,Date Occurred,Offense,NIBRS Code'];
    const offenses = [['Shoplifting', '23C'], ['Burglary', '220'], ['Simple Assault', '13B'], ['', '35A']];
    for (let i = 0; i < 600; i++) {
      const [o, c] = offenses[(i * 7) % 4]!;
      // March 2023 has no incident at all: a zero month, not a gap.
      const month = 1 + ((i * 5) % 14);
      if (month === 3) continue;
      const y = month > 12 ? 2024 : 2023;
      rows.push(`C${i},${String(month > 12 ? month - 12 : month).padStart(2, '0')}/${String(1 + (i % 27)).padStart(2, '0')}/${y},${o},${c}`);
    }
    const file = join(root, 'city', 'incidents.csv');
    mkdirSync(join(root, 'city'), { recursive: true });
    writeFileSync(file, rows.join('\n') + '\n');
    const out = join(outDir, 'city.csv');
    await aggregate([file], out, { threads: 2 });
    const direct = await testDb();
    await loadPath(direct, file);
    const counts = await testDb();
    await loadPath(counts, out);
    for (const group of [null, 'larceny', 'burglary', 'drug violations']) {
      const a = await runQuery(direct.conn, crimeByMonth('incidents:incidents.csv', group));
      const b = await runQuery(counts.conn, crimeByMonth('monthly:incidents.csv', group));
      expect(b.map((m) => m.count), String(group)).toEqual(a.map((m) => m.count));
    }
    expect((await runQuery(counts.conn, crimeByMonth('monthly:incidents.csv', null)))[2]!.count).toBe(0);
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeStoredSample, type StoredFile } from '../../../scripts/sample-stored.ts';
import { tableColumns, type TableName } from '../../../src/db/schema.ts';
import { hasDerived, restoreDerivedFirst, restoreRowsSlice, restoreStored, storedFormOf, type StoredLoad } from '../../../src/ingest/restore.ts';
import { removeLoadedFile } from '../../../src/ingest/load.ts';
import { FILE_DERIVED_VERSION } from '../../../src/db/derived.ts';
import { rederive } from '../../../src/ingest/tableChanges.ts';
import { SAMPLE_PREFIX } from '../../../src/state/sampleNames.ts';
import { loadPath, SAMPLE, testDb } from '../../helpers/node.ts';

const STORED = join(SAMPLE, 'stored');
const manifest = JSON.parse(readFileSync(join(STORED, 'manifest.json'), 'utf8')) as StoredFile[];
const loadsOf = (dir: string, m: StoredFile[] = manifest): StoredLoad[] => m.map(({ file, ...l }) => ({ ...l, data: join(dir, file) }));

/** The sample's stored form (data/sample/stored/), which the app restores at start instead of
 *  loading the CSVs: it must be exactly what loading the CSVs gives, now. */
describe('the stored sample', () => {
  it('is what scripts/sample-stored.ts writes from the sample today (else: npm run sample)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-stored-'));
    const fresh = await writeStoredSample(dir);
    expect(fresh).toEqual(manifest);
    for (const f of manifest) expect(readFileSync(join(dir, f.file), 'utf8'), f.file).toBe(readFileSync(join(STORED, f.file), 'utf8'));
  }, 60_000);

  it('restored, the tables hold exactly what loading the CSVs gives, NULLs and empty texts apart', async () => {
    const restored = await testDb();
    await restoreStored(restored.db, restored.conn, loadsOf(STORED));
    const loaded = await testDb();
    for (const f of manifest) await loadPath(loaded, join(SAMPLE, f.source_file.slice(SAMPLE_PREFIX.length)), undefined, f.source_file);
    for (const t of new Set(manifest.map((f) => f.table_name))) {
      const cols = [...tableColumns(t as TableName), 'source_file'].join(', ');
      const dump = async (c: typeof restored) => (await c.conn.query(`SELECT ${cols} FROM ${t} ORDER BY ALL`)).map((r) => JSON.stringify(r));
      expect(await dump(restored), t).toEqual(await dump(loaded));
    }
    const loads = async (c: typeof restored) => c.conn.query('SELECT source_file, kind, table_name, rows, bytes, mapping FROM _loads ORDER BY source_file');
    expect(await loads(restored)).toEqual(await loads(loaded));
    // The derived crime tables too.
    const facts = async (c: typeof restored) => (await c.conn.query('SELECT * FROM crime_coded ORDER BY ALL')).map((r) => JSON.stringify(r));
    expect(await facts(restored)).toEqual(await facts(loaded));
  }, 60_000);

  it('a stored form whose columns are not the table\'s changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-stored-bad-'));
    const enc = manifest.find((f) => f.table_name === 'encounters')!;
    const text = readFileSync(join(STORED, enc.file), 'utf8');
    // The first two columns swapped in the header: an older table's order.
    writeFileSync(join(dir, enc.file), text.replace(/^encounter_id,participant_id/, 'participant_id,encounter_id'));
    const t = await testDb();
    const good = manifest.find((f) => f.table_name === 'costs')!;
    await expect(restoreStored(t.db, t.conn, [...loadsOf(STORED, [good]), ...loadsOf(dir, [enc])])).rejects.toThrow(/stored columns are not the table's/);
    expect(await t.conn.query('SELECT count(*)::INTEGER AS n FROM _loads')).toEqual([{ n: 0 }]);
    expect(await t.conn.query('SELECT count(*)::INTEGER AS n FROM costs')).toEqual([{ n: 0 }]);
  });
});

describe('a loaded file\'s rows, kept to restore it', () => {
  it('restore the same rows, load record and derived tables as loading the file again', async () => {
    const a = await testDb();
    const files = ['crime_incidents.csv', 'encounters.csv', 'naloxone.csv'];
    for (const f of files) await loadPath(a, join(SAMPLE, f), undefined, f);
    const forms = [];
    for (const f of files) forms.push((await storedFormOf(a.db, a.conn, f))!);
    const b = await testDb();
    const tables = new Set<string>();
    for (const form of forms) for (const t of await restoreStored(b.db, b.conn, [form], { derive: false })) tables.add(t);
    await rederive(b.conn, [...tables]);
    for (const t of ['crime_incidents', 'encounters', 'naloxone', 'crime_coded']) {
      const dump = async (c: typeof a) => (await c.conn.query(`SELECT * FROM ${t} ORDER BY ALL`)).map((r) => JSON.stringify(r));
      expect(await dump(b), t).toEqual(await dump(a));
    }
    expect(forms.map((f) => f.rows)).toEqual([10556, 1513, 288]);
  }, 60_000);

  it('are written a slice at a time, in the table\'s order, also after another file\'s rows came between', async () => {
    const a = await testDb();
    // The incidents loaded, then other files, then the incidents again: their rows now sit after
    // the others', with the first load's positions left empty.
    for (const f of ['crime_incidents.csv', 'naloxone.csv', 'crime_incidents.csv']) await loadPath(a, join(SAMPLE, f), undefined, f);
    const whole = (await storedFormOf(a.db, a.conn, 'crime_incidents.csv', 1e9))!;
    const sliced = (await storedFormOf(a.db, a.conn, 'crime_incidents.csv', 1_000))!;
    // Each slice a CSV of its own, the first with the header: together, the whole.
    expect(sliced.more).toHaveLength(10);
    expect(whole.more).toHaveLength(0);
    const text = (await Promise.all([sliced.data, ...sliced.more!].map((b) => (b as Blob).text()))).join('');
    expect(text).toBe(await (whole.data as Blob).text());
    expect(text.split('\n').filter(Boolean)).toHaveLength(10556 + 1);
    const b = await testDb();
    await restoreStored(b.db, b.conn, [sliced]);
    const dump = async (c: typeof a) => (await c.conn.query('SELECT * FROM crime_incidents ORDER BY ALL')).map((r) => JSON.stringify(r));
    expect(await dump(b)).toEqual(await dump(a));
  }, 60_000);

  it('derived first: the figures back before any row, then the rows a slice at a time; the same as loading the file', async () => {
    const a = await testDb();
    await loadPath(a, join(SAMPLE, 'crime_incidents.csv'), undefined, 'crime_incidents.csv');
    const form = (await storedFormOf(a.db, a.conn, 'crime_incidents.csv', 2_000))!;
    expect(hasDerived(form)).toBe(true);
    const b = await testDb();
    const { tables, pending } = await restoreDerivedFirst(b.db, b.conn, [form]);
    await rederive(b.conn, tables);
    const dump = async (c: typeof a, sql: string) => (await c.conn.query(sql)).map((r) => JSON.stringify(r));
    for (const t of ['crime_facts', 'crime_spans', 'crime_coded']) {
      expect(await dump(b, `SELECT * FROM ${t} ORDER BY ALL`), t).toEqual(await dump(a, `SELECT * FROM ${t} ORDER BY ALL`));
    }
    expect(await dump(b, 'SELECT source_file, rows FROM _loads')).toEqual(await dump(a, 'SELECT source_file, rows FROM _loads'));
    // No row yet; then six slices (10,556 rows, 2,000 a slice).
    expect(await b.conn.query('SELECT count(*)::INTEGER AS n FROM crime_incidents')).toEqual([{ n: 0 }]);
    expect(pending[0]!.slices).toHaveLength(6);
    for (const i of pending[0]!.slices.keys()) expect(await restoreRowsSlice(b.db, b.conn, pending[0]!, i)).toBe(true);
    expect(await dump(b, 'SELECT * FROM crime_incidents ORDER BY ALL')).toEqual(await dump(a, 'SELECT * FROM crime_incidents ORDER BY ALL'));
  }, 60_000);

  it('derived first: a file removed or loaded again before its rows came back is left as it is', async () => {
    const a = await testDb();
    await loadPath(a, join(SAMPLE, 'crime_incidents.csv'), undefined, 'crime_incidents.csv');
    const form = (await storedFormOf(a.db, a.conn, 'crime_incidents.csv', 5_000))!;
    const b = await testDb();
    const { pending } = await restoreDerivedFirst(b.db, b.conn, [form]);
    await removeLoadedFile(b.conn, 'crime_incidents.csv');
    expect(await restoreRowsSlice(b.db, b.conn, pending[0]!, 0)).toBe(false);
    await loadPath(b, join(SAMPLE, 'crime_incidents.csv'), undefined, 'crime_incidents.csv');
    expect(await restoreRowsSlice(b.db, b.conn, pending[0]!, 1)).toBe(false);
    expect(await b.conn.query('SELECT count(*)::INTEGER AS n FROM crime_incidents')).toEqual([{ n: 10556 }]);
  }, 60_000);

  it('derived tables of another version, or none, are not used (such a file\'s rows are restored whole and derived again)', async () => {
    const a = await testDb();
    await loadPath(a, join(SAMPLE, 'crime_incidents.csv'), undefined, 'crime_incidents.csv');
    const form = (await storedFormOf(a.db, a.conn, 'crime_incidents.csv'))!;
    expect(hasDerived({ ...form, derived: { ...form.derived!, version: FILE_DERIVED_VERSION - 1 } })).toBe(false);
    expect(hasDerived({ ...form, derived: undefined })).toBe(false);
    // Program files have none.
    await loadPath(a, join(SAMPLE, 'naloxone.csv'), undefined, 'naloxone.csv');
    const naloxone = (await storedFormOf(a.db, a.conn, 'naloxone.csv'))!;
    expect(naloxone.derived).toBeUndefined();
    expect(hasDerived(naloxone)).toBe(false);
  }, 60_000);
});

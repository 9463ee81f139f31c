/** Writes data/sample/stored/: the bundled sample as the app's own tables hold it once loaded, one
 *  CSV per sample file (its rows in its canonical table, with the table's column names (its `source_file`
 *  is the manifest's), NULL written \N so that it differs from an empty text) and
 *  manifest.json (each file's kind, table, rows, bytes and mapping, as `_loads` records them). The
 *  app restores the sample from these at start instead of parsing and checking its CSVs again
 *  (state/sampleStored.ts): the same rows, in a fraction of the time. Each CSV is loaded by the
 *  app's own loader on native DuckDB, under the name the app gives it; a unit test checks the stored
 *  rows still equal a fresh load, so they cannot go stale. Run by `npm run sample`. */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeDatabase } from '../src/db/nativeDatabase.ts';
import { sqlString } from '../src/db/sql.ts';
import { loadPath } from '../src/ingest/loadPath.ts';
import { SAMPLE_PREFIX } from '../src/state/sampleNames.ts';

export interface StoredFile { file: string; source_file: string; kind: string; table_name: string; rows: number; bytes: number; mapping: string }

const DIR = 'data/sample/stored';

export async function writeStoredSample(dir = DIR): Promise<StoredFile[]> {
  const db = await nodeDatabase();
  const conn = await db.connect();
  mkdirSync(dir, { recursive: true });
  const out: StoredFile[] = [];
  for (const csv of readdirSync('data/sample').filter((f) => f.endsWith('.csv')).sort()) {
    const source = SAMPLE_PREFIX + csv;
    const r = await loadPath({ db, conn }, join('data/sample', csv), undefined, source);
    if (!r.ok) throw new Error(`${csv}: ${r.problems.map((p) => p.message).join('; ')}`);
    const [load] = await conn.query<Omit<StoredFile, 'file'>>(`SELECT source_file, kind, table_name, rows::INTEGER AS rows, bytes::INTEGER AS bytes, mapping
      FROM _loads WHERE source_file = ${sqlString(source)}`);
    const file = csv;
    await conn.run(`COPY (SELECT * EXCLUDE (source_file) FROM ${load!.table_name} WHERE source_file = ${sqlString(source)} ORDER BY ALL)
      TO ${sqlString(join(dir, file))} (FORMAT csv, HEADER true, DELIMITER ',', NULLSTR '\\N')`);
    out.push({ file, ...load! });
  }
  await conn.close();
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(out, null, 1)}\n`);
  return out;
}

if (process.argv[1]?.endsWith('sample-stored.ts')) {
  const files = await writeStoredSample();
  console.log(`wrote ${DIR}: ${files.map((f) => `${f.file} (${f.rows} rows)`).join(', ')}`);
}

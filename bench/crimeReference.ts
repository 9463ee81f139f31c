import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';

/** The two references the browser's load is compared with, on the same file in the same run. Each
 *  loads the incident file and counts incidents by agency, month and offense (what the crime page
 *  needs from it). Both return the time and the aggregate's size, so the runs can be checked to agree. */
export interface Reference { ms: number; groups: number; rows: number }

/** Native DuckDB (@duckdb/node-api, its default threads: every core): read the CSV with explicit
 *  types into a table, then aggregate. Median of `runs`. */
export async function nativeDuckDb(path: string, runs = 3): Promise<Reference> {
  const out: Reference[] = [];
  for (let i = 0; i < runs; i++) {
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    const t0 = performance.now();
    await c.run(`CREATE TABLE incidents AS SELECT * FROM read_csv('${path.replace(/'/g, "''")}', header = true, auto_detect = false,
      columns = {'incident_number': 'VARCHAR', 'date_occurred': 'TIMESTAMP', 'offense': 'VARCHAR', 'nibrs_code': 'VARCHAR', 'agency': 'VARCHAR', 'district': 'VARCHAR'})`);
    const r = await c.runAndReadAll(`SELECT agency, date_trunc('month', date_occurred) AS month, offense, count(*) AS n FROM incidents GROUP BY ALL`);
    const ms = performance.now() - t0;
    const rows = r.getRowObjectsJS().reduce((s, x) => s + Number(x.n), 0);
    out.push({ ms, groups: r.currentRowCount, rows });
    c.closeSync();
    instance.closeSync();
  }
  return out.sort((a, b) => a.ms - b.ms)[Math.floor(out.length / 2)]!;
}

/** A plain PapaParse pipeline, as a web page without a database would do it: stream the file
 *  through Papa.parse with a header row, parse each date, and count in a Map. */
export function papaParse(path: string): Promise<Reference> {
  const t0 = performance.now();
  const counts = new Map<string, number>();
  let rows = 0;
  return new Promise((resolve, reject) => {
    Papa.parse<Record<string, string>>(createReadStream(path), {
      header: true, skipEmptyLines: true,
      chunk: (res) => {
        for (const r of res.data) {
          const d = new Date(r.date_occurred!.replace(' ', 'T') + 'Z');
          if (Number.isNaN(d.getTime())) continue;
          const key = `${r.agency}|${d.getUTCFullYear()}-${d.getUTCMonth() + 1}|${r.offense}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
          rows++;
        }
      },
      complete: () => resolve({ ms: performance.now() - t0, groups: counts.size, rows }),
      error: reject,
    });
  });
}

/** One side of the aggregate benchmark (bench/aggregate.ts), in a process of its own so that its
 *  peak memory is its own: `bare <dir>` (native DuckDB, a bare read_csv and GROUP BY) or
 *  `aggregate <dir> <out>` (npm run aggregate's function). Prints one line of JSON. */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { aggregate } from '../scripts/aggregate.ts';

const [mode, dir, out] = process.argv.slice(2) as [string, string, string];
const peakMb = () => process.resourceUsage().maxRSS / 1024;
const lit = (p: string) => `'${p.replace(/'/g, "''")}'`;

if (mode === 'bare') {
  const c = await (await DuckDBInstance.create(':memory:')).connect();
  const t0 = performance.now();
  await c.run(`CREATE TABLE counts AS SELECT i.agency_id, date_trunc('month', i.incident_date) AS month, o.offense_code, count(*) AS n
    FROM read_csv(${lit(join(dir, 'NIBRS_OFFENSE.csv'))}) o JOIN read_csv(${lit(join(dir, 'NIBRS_incident.csv'))}) i ON o.incident_id = i.incident_id
    GROUP BY ALL`);
  const ms = performance.now() - t0;
  const g = (await c.runAndReadAll('SELECT count(*)::INTEGER AS groups, sum(n)::BIGINT AS offenses FROM counts')).getRowObjectsJS()[0]!;
  const n = (await c.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_csv(${lit(join(dir, 'NIBRS_incident.csv'))})`)).getRowObjectsJS()[0]!;
  console.log(JSON.stringify({ ms, peakMb: peakMb(), groups: g.groups, offenses: Number(g.offenses), incidents: n.n }));
} else {
  const r = await aggregate([dir], out, { log: (l) => console.error(l) });
  console.log(JSON.stringify({ ms: r.ms, peakMb: peakMb(), rows: r.rows }));
}

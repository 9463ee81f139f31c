/** Writes data/sample/summary.json: the sample program's headline figures (programKpis over all
 *  loaded data), computed from the sample CSVs loaded into native DuckDB. The overview shows them the
 *  moment the page opens, while DuckDB-wasm starts and the sample loads (a unit test checks they
 *  equal what the app computes, so they cannot go stale). Run by `npm run sample`. */
import { writeFileSync } from 'node:fs';
import { nodeDatabase } from '../src/db/nativeDatabase.ts';
import { NO_FILTER } from '../src/domain/filter.ts';
import { loadPath } from '../src/ingest/loadPath.ts';
import { programKpis } from '../src/metrics/placements.ts';
import { readProgram } from '../src/metrics/records.ts';

const db = await nodeDatabase();
const conn = await db.connect();
for (const f of ['encounters.csv', 'costs.csv']) await loadPath({ db, conn }, `data/sample/${f}`);
const [k] = programKpis(await readProgram(conn), NO_FILTER);
writeFileSync('data/sample/summary.json', `${JSON.stringify(k, null, 1)}\n`);
await conn.close();
console.log('wrote data/sample/summary.json');

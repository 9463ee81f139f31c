/** `npm run aggregate` on a generated FBI NIBRS extract of 20 million offenses (BENCH_AGGREGATE_OFFENSES
 *  sets another number), beside native DuckDB reading the same files with a bare `read_csv` and
 *  `GROUP BY` (offenses joined to their incidents, counted by agency, month and code) in the same
 *  run. Each runs in its own Node process, so its peak memory (the process's maximum resident set)
 *  is its own; both use every core. */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../scripts/sample/prng.ts';

export interface AggregateRun {
  offenses: number;
  incidents: number;
  agencies: number;
  bytes: number;
  /** `npm run aggregate` (scripts/aggregate.ts), the whole command. */
  aggregate: { ms: number; peakMb: number; rows: number };
  /** The bare query on native DuckDB. */
  bare: { ms: number; peakMb: number; groups: number };
  ratio: number;
}

const CODES = ['35A', '35B', '23C', '23F', '23H', '220', '240', '13B', '290', '90Z', '120', '13A', '26A', '23D', '280'];
const AGENCIES = 400;
const YEAR = 2022;

/** Writes the extract (2021-on layout: lower-case headers, ISO dates) once; reused by later runs. */
export async function bigExtract(offenses: number): Promise<{ dir: string; bytes: number }> {
  const dir = join(tmpdir(), `bench-nibrs-${offenses}`);
  const files = ['agencies.csv', 'NIBRS_incident.csv', 'NIBRS_OFFENSE.csv', 'NIBRS_OFFENSE_TYPE.csv', 'NIBRS_month.csv'];
  const size = () => files.reduce((s, f) => s + statSync(join(dir, f)).size, 0);
  if (files.every((f) => existsSync(join(dir, f)))) return { dir, bytes: size() };
  const part = `${dir}.part`;
  mkdirSync(part, { recursive: true });
  const rng = createRng(20);
  const write = async (name: string, header: string, rows: (emit: (line: string) => Promise<void>) => Promise<void>) => {
    const out = createWriteStream(join(part, name));
    let buf: string[] = [header];
    const emit = async (line: string) => {
      buf.push(line);
      if (buf.length >= 20_000) {
        if (!out.write(buf.join('\n') + '\n')) await once(out, 'drain');
        buf = [];
      }
    };
    await rows(emit);
    out.end(buf.join('\n') + (buf.length ? '\n' : ''));
    await once(out, 'finish');
  };
  await write('agencies.csv', 'yearly_agency_id,agency_id,data_year,ori,pub_agency_name,state_abbr,state_postal_abbr,county_name,agency_type_name,population', async (emit) => {
    for (let a = 1; a <= AGENCIES; a++) await emit(`${a}${YEAR},${a},${YEAR},ZZ${String(a).padStart(5, '0')}00,Town ${a},ZZ,ZZ,COUNTY ${a % 40},City,${1000 + a * 97}`);
  });
  await write('NIBRS_OFFENSE_TYPE.csv', 'offense_code,offense_name,crime_against,ct_flag,hc_flag,hc_code,offense_category_name,offense_group', async (emit) => {
    for (const c of CODES) await emit(`${c},Offense ${c},Property,N,Y,,Offenses,A`);
  });
  await write('NIBRS_month.csv', 'data_year,nibrs_month_id,agency_id,month_num,inc_data_year,reported_status,report_date,update_flag,orig_format,data_home,ddocname,did,month_pub_status', async (emit) => {
    for (let a = 1; a <= AGENCIES; a++) for (let m = 1; m <= 12; m++) {
      // One agency in twenty misses a month.
      if ((a * 31 + m) % 20 === 0) continue;
      await emit(`${YEAR},${a * 100 + m},${a},${m},${YEAR},I,,Y,F,C,${YEAR}_${m}_ZZ${a}_NIBRS,1,0`);
    }
  });
  // Offenses and incidents together: about 1.45 offenses per incident.
  const inc = createWriteStream(join(part, 'NIBRS_incident.csv'));
  const off = createWriteStream(join(part, 'NIBRS_OFFENSE.csv'));
  let ib = ['data_year,agency_id,incident_id,nibrs_month_id,cargo_theft_flag,submission_date,incident_date,report_date_flag,incident_hour,cleared_except_id,cleared_except_date,incident_status,data_home,orig_format,did'];
  let ob = ['data_year,offense_id,incident_id,offense_code,attempt_complete_flag,location_id,num_premises_entered,method_entry_code'];
  let written = 0;
  let incidents = 0;
  const flush = async (force = false) => {
    if (force || ib.length >= 20_000) {
      if (!inc.write(ib.join('\n') + '\n')) await once(inc, 'drain');
      ib = [];
    }
    if (force || ob.length >= 20_000) {
      if (!off.write(ob.join('\n') + '\n')) await once(off, 'drain');
      ob = [];
    }
  };
  while (written < offenses) {
    const id = 100_000_000 + incidents++;
    const a = 1 + Math.floor(rng.next() * rng.next() * AGENCIES);
    const m = 1 + Math.floor(rng.next() * 12);
    const d = 1 + Math.floor(rng.next() * 28);
    const date = `${YEAR}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    ib.push(`${YEAR},${a},${id},${a * 100 + m},,${date},${date},,${Math.floor(rng.next() * 24)},6,,0,C,F,${id}`);
    const n = Math.min(offenses - written, rng.next() < 0.6 ? 1 : rng.next() < 0.8 ? 2 : 3);
    const first = Math.floor(rng.next() * CODES.length);
    for (let k = 0; k < n; k++) ob.push(`${YEAR},${200_000_000 + written + k},${id},${CODES[(first + k * 4) % CODES.length]},C,${1 + (id % 25)},,`);
    written += n;
    await flush();
  }
  await flush(true);
  inc.end();
  off.end();
  await Promise.all([once(inc, 'finish'), once(off, 'finish')]);
  renameSync(part, dir);
  return { dir, bytes: size() };
}

/** Runs one side in its own process (bench/aggregateChild.ts); returns the JSON it printed last. */
function child(...args: string[]): Record<string, number> {
  const script = new URL('./aggregateChild.ts', import.meta.url).pathname;
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}

export async function benchAggregate(offenses = 20_000_000): Promise<AggregateRun> {
  const t0 = performance.now();
  const x = await bigExtract(offenses);
  console.log(`NIBRS extract of ${offenses.toLocaleString('en-US')} offenses (${(x.bytes / 1e6).toFixed(0)} MB) ready in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${x.dir}`);
  const out = join(tmpdir(), `bench-nibrs-${offenses}-counts.csv`);
  const bare = child('bare', x.dir);
  if (bare.offenses !== offenses) throw new Error(`the bare query counted ${bare.offenses} offenses, not ${offenses}`);
  const agg = child('aggregate', x.dir, out);
  const incidents = bare.incidents!;
  const run: AggregateRun = {
    offenses, incidents, agencies: AGENCIES, bytes: x.bytes,
    aggregate: { ms: agg.ms!, peakMb: agg.peakMb!, rows: agg.rows! },
    bare: { ms: bare.ms!, peakMb: bare.peakMb!, groups: bare.groups! },
    ratio: agg.ms! / bare.ms!,
  };
  console.log(`npm run aggregate, ${offenses.toLocaleString('en-US')} offenses (${(x.bytes / 1e6).toFixed(0)} MB): ${(run.aggregate.ms / 1000).toFixed(1)} s, `
    + `${Math.round(offenses / (run.aggregate.ms / 1000)).toLocaleString('en-US')} offenses/s, peak ${run.aggregate.peakMb.toFixed(0)} MB | bare read_csv + GROUP BY `
    + `${(run.bare.ms / 1000).toFixed(1)} s, peak ${run.bare.peakMb.toFixed(0)} MB | ×${run.ratio.toFixed(2)} (goal ≤ 1.5)`);
  return run;
}

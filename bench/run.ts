/**
 * npm run bench: the performance benchmark, on the built app in headless Chromium.
 *
 *  - Cold start of the overview (fresh profiles).
 *  - Crime incident files of 100k, 1M and 5M rows (seeded, about 94 bytes a row) through the real
 *    user path: Data page file input, recognised, checked, loaded, the crime page's first chart;
 *    the longest main-thread task and the browser's peak memory; 50 filter changes on the crime
 *    page. In the same run, native DuckDB and a plain PapaParse pipeline load and aggregate the
 *    same files (bench/crimeReference.ts).
 *  - The program pages with 20,000 and 100,000 encounters: filter change to repaint, beside native DuckDB
 *    running the same queries.
 *
 * Writes bench/results.json and the results table in bench/README.md.
 *  - Lighthouse's performance score of the public page, the median of BENCH_LIGHTHOUSE_RUNS (5)
 *    runs: the score moves by several points between runs of the same build, so `npm test` checks
 *    only what is deterministic (accessibility, bytes and requests) and the score lives here.
 *
 * The browser is the one scripts/chromium.ts picks (CHROMIUM_PATH, a system one, or the bundled one).
 *  - npm run aggregate on a generated FBI NIBRS extract of 20 million offenses, beside native DuckDB
 *    reading the same files with a bare read_csv and GROUP BY (bench/aggregate.ts).
 * BENCH_PART=cold,lighthouse,crime,program,aggregate picks parts; BENCH_AGGREGATE_OFFENSES sets the extract's size; BENCH_CRIME_ROWS=100000,1000000 picks sizes;
 * BENCH_ROWS sets the encounters; BENCH_PORT the preview server's port.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { coldStart, type ColdStart } from './coldStart.ts';
import { benchCrimeLoad, type CrimeRun } from './crimeLoad.ts';
import { benchAggregate, type AggregateRun } from './aggregate.ts';
import { benchProgramRepaint, type ProgramRepaint } from './programRepaint.ts';
import { writeReadme } from './readme.ts';
import { lighthouseMedians, type LighthouseMedian } from './lighthouse.ts';
import { describeBrowser, findChromium, launchOptions } from '../scripts/chromium.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4181);
const PARTS = new Set((process.env.BENCH_PART ?? 'cold,lighthouse,crime,program,aggregate').split(','));
const AGGREGATE_OFFENSES = Number(process.env.BENCH_AGGREGATE_OFFENSES ?? 20_000_000);
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5);
const CRIME_ROWS = (process.env.BENCH_CRIME_ROWS ?? '100000,1000000,5000000').split(',').map(Number);
/** The program sizes: a large network's seven years (the goal of a frame), and five times that. */
const ENCOUNTERS = (process.env.BENCH_ROWS ?? '20000,100000').split(',').map(Number);

export interface Results {
  date: string;
  machine: { cpus: number; model: string; node: string; browser?: string };
  /** Lighthouse (mobile) on the public page: the median performance score of several runs. */
  lighthouse?: LighthouseMedian[];
  coldStart?: ColdStart;
  crime: CrimeRun[];
  /** One run per size (an older results file has one, as `program`). */
  program?: ProgramRepaint | ProgramRepaint[];
  /** npm run aggregate on a generated NIBRS extract, beside a bare native query. */
  aggregate?: AggregateRun;
  /** When each part was last run, where a run of some parts keeps the others' figures from before. */
  partDates?: Partial<Record<string, string>>;
}

/** The results of this run over those of the last: a part not run keeps its figures and date. */
function merged(now: Results, parts: ReadonlySet<string>): Results {
  if (!existsSync('bench/results.json')) return now;
  const before = JSON.parse(readFileSync('bench/results.json', 'utf8')) as Results;
  const out: Results = { ...now, partDates: { ...before.partDates } };
  const keys: Record<string, keyof Results> = { cold: 'coldStart', lighthouse: 'lighthouse', crime: 'crime', program: 'program', aggregate: 'aggregate' };
  for (const [part, key] of Object.entries(keys)) {
    if (parts.has(part)) out.partDates![part] = now.date;
    else if (before[key] !== undefined) {
      (out as unknown as Record<string, unknown>)[key] = before[key];
      out.partDates![part] = before.partDates?.[part] ?? before.date;
    }
  }
  return out;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: npm run bench builds it first.');
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${PORT}`;
  const browser = await findChromium();
  const launch = launchOptions(browser);
  console.log(`Driving ${describeBrowser(browser)}.`);
  const results: Results = { date: new Date().toISOString(), machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', node: process.version, browser: browser.version }, crime: [] };
  try {
    for (let i = 0; ; i++) {
      try { if ((await fetch(base)).ok) break; } catch { /* starting */ }
      if (i > 150) throw new Error('vite preview did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    if (PARTS.has('cold')) {
      const cold = results.coldStart = await coldStart(base, launch);
      console.log(`Cold start of the overview (median of 5 fresh profiles): first figures ${cold.firstFigures.toFixed(0)} ms (goal: within 1,000 ms), the database's figures ${cold.databaseFigures.toFixed(0)} ms, first chart ${cold.firstChart.toFixed(0)} ms.`);
    }
    if (PARTS.has('crime')) {
      for (const rows of CRIME_ROWS) {
        const r = await benchCrimeLoad(base, launch, rows);
        results.crime.push(r);
        console.log(`Crime incidents, ${rows.toLocaleString('en-US')} rows (${(r.bytes / 1e6).toFixed(0)} MB): first chart ${s(r.firstChartMs)} `
          + `(recognised ${s(r.recognisedMs)}, checked ${s(r.validatedMs)}, loaded ${s(r.loadedMs)}) | native DuckDB ${s(r.native.ms)} (×${r.ratioToNative.toFixed(1)}) `
          + `| PapaParse ${s(r.papa.ms)} (${r.fasterThanPapa.toFixed(2)}× as fast) | longest task ${r.longestTaskMs.toFixed(0)} ms while loading, ${r.longestChartTaskMs.toFixed(0)} ms while the chart draws `
          + `| memory ${r.memoryBeforeMb.toFixed(0)} → peak ${r.memoryPeakMb.toFixed(0)} MB | repaint p50 ${r.repaint.p50.toFixed(1)} ms, p95 ${r.repaint.p95.toFixed(1)} ms (first views: ${r.repaint.firstViews}, p95 ${r.repaint.firstP95.toFixed(1)} ms: ${(r.repaint.firstMs ?? []).map((t) => t.toFixed(0)).join(', ')})`);
        console.log(`  after a reload: rows ${r.reload.rowsKept ? `kept (written in ${s(r.reload.rowsWrittenMs ?? 0)})` : 'not kept: read again'}, database ${s(r.reload.databaseMs)}, `
          + `restored ${r.reload.restoreMs == null ? '—' : s(r.reload.restoreMs)}${r.reload.derivedFirst ? ' (derived first)' : ''}, derived ${r.reload.deriveMs == null ? '—' : s(r.reload.deriveMs)}, `
          + `crime chart ${s(r.reload.firstChartMs)}${r.reload.rowsBackMs == null ? '' : `, all rows back ${s(r.reload.rowsBackMs)}`}`);
      }
    }
    if (PARTS.has('lighthouse')) {
      results.lighthouse = await lighthouseMedians([`${base}/public/`, `${base}/public/?lang=es`], browser, LIGHTHOUSE_RUNS);
      for (const l of results.lighthouse) console.log(`Lighthouse ${l.url}: performance median ${l.median} of ${l.scores.length} runs (${l.scores.join(', ')}; goal ≥ 95).`);
    }
    if (PARTS.has('program')) {
      const runs: ProgramRepaint[] = [];
      for (const n of ENCOUNTERS) runs.push(await benchProgramRepaint(base, launch, n));
      results.program = runs;
    }
    if (PARTS.has('aggregate')) results.aggregate = await benchAggregate(AGGREGATE_OFFENSES);
  } finally {
    server.kill();
  }
  const all = merged(results, PARTS);
  writeFileSync('bench/results.json', JSON.stringify(all, null, 2) + '\n');
  writeReadme('bench/README.md', all);
  console.log('Wrote bench/results.json and the table in bench/README.md.');
}

main().catch((e) => { console.error(e); process.exit(1); });

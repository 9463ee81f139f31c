import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { MAX_KEPT_ROWS } from '../src/ingest/restore.ts';
import type { Results } from './run.ts';

const START = '<!-- results:start -->';
const END = '<!-- results:end -->';

const sec = (ms: number) => (ms / 1000).toFixed(2);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms1 = (n: number) => n.toFixed(1);

/** The results as Markdown tables. */
export function resultsMarkdown(r: Results): string {
  const out: string[] = [`Run of ${r.date.slice(0, 16).replace('T', ' ')} UTC on ${r.machine.cpus} cores (${r.machine.model}), Node ${r.machine.node}${r.machine.browser ? `, ${r.machine.browser}` : ''}.`, ''];
  const older = Object.entries(r.partDates ?? {}).filter(([, d]) => d && d !== r.date);
  if (older.length) out.push(`Parts not run this time keep their figures from an earlier run: ${older.map(([p, d]) => `${p} (${d!.slice(0, 16).replace('T', ' ')} UTC)`).join(', ')}.`, '');
  if (r.crime.length) {
    out.push('**Crime incident files, file input to first chart** (seconds; the browser runs DuckDB-wasm on one thread, native DuckDB uses every core):', '',
      '| rows | MB | recognised | checked | loaded | first chart | native DuckDB | × native (goal ≤ 3) | PapaParse | × as fast as PapaParse (goal ≥ 4) | longest task ms during the load (goal ≤ 100) / while the chart draws | browser memory MB before → peak | repaint p50 / p95 ms, what is on screen (goal p95 ≤ 50) / whole page p95 | views shown for the first time: p50 / p95 |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const c of r.crime) {
      out.push(`| ${int(c.rows)} | ${int(c.bytes / 1e6)} | ${sec(c.recognisedMs)} | ${sec(c.validatedMs)} | ${sec(c.loadedMs)} | ${sec(c.firstChartMs)} | ${sec(c.native.ms)} | ${c.ratioToNative.toFixed(1)} | ${sec(c.papa.ms)} | ${c.fasterThanPapa.toFixed(2)} | ${int(c.longestTaskMs)} / ${int(c.longestChartTaskMs)} | ${int(c.memoryBeforeMb)} → ${int(c.memoryPeakMb)} | ${ms1(c.repaint.p50)} / ${ms1(c.repaint.p95)} / ${c.repaint.allP95 === undefined ? '—' : ms1(c.repaint.allP95)} (${c.repaint.changes} changes) | ${ms1(c.repaint.firstP50)} / ${ms1(c.repaint.firstP95)} (${c.repaint.firstViews}) |`);
    }
    out.push('');
    const reloads = r.crime.filter((c) => c.reload);
    if (reloads.length) {
      out.push(`**The same files after a reload** (seconds from the reload's start; the file kept in this browser, with its rows and what was derived from it alone beside it up to ${int(MAX_KEPT_ROWS)} rows, else read again; goal: the data back within 2 s of the database at 1M rows, 5 s at 5M):`, '',
        '| rows | kept | writing them, in the background after the load | database started | file restored (derived tables; all its rows if "rows") | views and offense groups | data back (the two before) | crime chart | all rows back, in the background |',
        '|---:|---|---:|---:|---:|---:|---:|---:|---:|');
      for (const c of reloads) {
        const x = c.reload!;
        const kept = !x.rowsKept ? 'no: read again' : x.derivedFirst ? 'derived first' : 'rows';
        const back = x.restoreMs == null ? '—' : sec(x.restoreMs + (x.deriveMs ?? 0));
        out.push(`| ${int(c.rows)} | ${kept} | ${x.rowsWrittenMs == null ? '—' : sec(x.rowsWrittenMs)} | ${sec(x.databaseMs)} | ${x.restoreMs == null ? '—' : sec(x.restoreMs)} | ${x.deriveMs == null ? '—' : sec(x.deriveMs)} | ${back} | ${sec(x.firstChartMs)} | ${x.rowsBackMs == null ? '—' : sec(x.rowsBackMs)} |`);
      }
    }
    out.push('');
  }
  for (const pr of r.program ? [r.program].flat() : []) {
    const goal = pr.rows <= 20_000 ? '16' : '50';
    out.push(`**Program pages, ${int(pr.rows)} encounters** (loaded in ${sec(pr.loadMs)} s; the program index read ${int(pr.indexMs ?? 0)} ms after /placements opened), window 1200 × 900: filter change to every KPI, chart and table on screen showing the new figures (repaint), and to the whole page (charts below the fold are redrawn right after the first frame, and the tables kept for screen readers), in ms:`, '',
      `| page | changes | metrics | repaint p50 | p95 (goal ≤ ${goal}) | max | whole page p50 / p95 | views not shown before: p95 | native DuckDB p50 for the same metrics' SQL |`, '|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const p of pr.pages) out.push(`| ${p.page} | ${p.changes} | ${p.queries} | ${ms1(p.p50)} | ${ms1(p.p95)} | ${ms1(p.max)} | ${p.allP50 === undefined ? '—' : `${ms1(p.allP50)} / ${ms1(p.allP95)}`} | ${p.firstP95 === undefined ? '—' : `${ms1(p.firstP95)} (${p.firstViews})`} | ${ms1(p.nativeP50)} |`);
    out.push('');
  }
  if (r.aggregate) {
    const a = r.aggregate;
    out.push(`**npm run aggregate on a generated FBI NIBRS extract** (${int(a.offenses)} offenses, ${int(a.incidents)} incidents, ${int(a.agencies)} agencies, ${int(a.bytes / 1e6)} MB; every core):`, '',
      '| run | seconds | offenses per second | peak memory MB | output |', '|---|---:|---:|---:|---|',
      `| npm run aggregate (the whole command: tables read and checked, months reported, counts written) | ${sec(a.aggregate.ms)} | ${int(a.offenses / (a.aggregate.ms / 1000))} | ${int(a.aggregate.peakMb)} | ${int(a.aggregate.rows)} rows |`,
      `| bare read_csv + join + GROUP BY, native DuckDB | ${sec(a.bare.ms)} | ${int(a.offenses / (a.bare.ms / 1000))} | ${int(a.bare.peakMb)} | ${int(a.bare.groups)} groups |`,
      `| × the bare query (goal ≤ 1.5) | ${a.ratio.toFixed(2)} | | | |`, '');
  }
  if (r.lighthouse?.length) {
    out.push('**Lighthouse on the public page** (mobile, its default settings): performance score, median of the runs (goal ≥ 95):', '',
      '| page | median | runs |', '|---|---:|---|');
    for (const l of r.lighthouse) out.push(`| ${l.url.replace(/^https?:\/\/[^/]+/, '')} | ${l.median} | ${l.scores.join(', ')} |`);
    out.push('');
  }
  if (r.coldStart) {
    out.push(`**Cold start of the overview** (median of 5 fresh profiles): first figures ${int(r.coldStart.firstFigures)} ms (goal ≤ 1,000), the database's figures ${int(r.coldStart.databaseFigures)} ms, first chart ${int(r.coldStart.firstChart)} ms.`, '');
  }
  return out.join('\n');
}

/** Replaces the results block of the README (between its markers) with this run's tables. */
export function writeReadme(path: string, r: Results): void {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : `# Benchmark\n\n${START}\n${END}\n`;
  const a = text.indexOf(START), b = text.indexOf(END);
  const next = a >= 0 && b > a ? `${text.slice(0, a + START.length)}\n${resultsMarkdown(r)}\n${text.slice(b)}` : `${text}\n${START}\n${resultsMarkdown(r)}\n${END}\n`;
  writeFileSync(path, next);
}

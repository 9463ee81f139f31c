import { tmpdir } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from 'playwright-core';
import type { LaunchOptions } from '../scripts/chromium.ts';
import { parsePeriod } from '../src/domain/periods.ts';
import type { ProgramFilter } from '../src/domain/filter.ts';
import { loadPath, testDb } from '../tests/helpers/node.ts';
import { writeEncounters } from './encounters.ts';
import { PAGE_QUERIES } from './pageQueries.ts';
import { quantile, timeFilterChange } from './repaint.ts';

/** p50, p95, max: from the change to what is on screen showing it; allP50, allP95: to the whole page
 *  showing it (charts off screen are redrawn right after the first frame, hidden tables too). */
export interface PageRepaint { page: string; changes: number; queries: number; p50: number; p95: number; max: number; allP50: number; allP95: number;
  nativeP50: number; nativeP95: number; ratioP50: number;
  /** Changes to a view not shown before on the page (the others are answered from the page's cache). */
  firstViews: number; firstP95: number }
export interface ProgramRepaint { rows: number; loadMs: number; indexMs: number; pages: PageRepaint[] }

interface Change { testId: string; value: string; filter: ProgramFilter }

/** The filter changes made on every page, with the filter each one leaves (for the native run). */
function changes(agencies: string[], pathways: string[], years: string[], quarters: string[]): { setup?: [string, string]; list: Change[] }[] {
  const f = (o: Partial<Record<'agency' | 'pathway' | 'period', string>>): ProgramFilter => ({
    periods: o.period ? [parsePeriod(o.period)!] : [],
    ...(o.agency ? { agency: [o.agency] } : {}), ...(o.pathway ? { pathway: [o.pathway] } : {}),
  });
  return [
    { list: [...agencies, ''].map((a) => ({ testId: 'filter-agency', value: a, filter: f({ agency: a }) })) },
    { list: [...pathways, ''].map((p) => ({ testId: 'filter-pathway', value: p, filter: f({ pathway: p }) })) },
    { setup: ['period-kind', 'year'], list: years.map((y) => ({ testId: 'period', value: y, filter: f({ period: y }) })) },
    { setup: ['period-kind', 'quarter'], list: quarters.map((q) => ({ testId: 'period', value: q, filter: f({ period: q }) })) },
  ];
}

/** Client-side navigation (the data live in this page's memory), then wait for the page to settle:
 *  its figures shown and the program records read (DataContext's programData). Returns the time from the
 *  navigation to the records being ready, in milliseconds (0 when they were already read). */
async function go(page: Page, path: string): Promise<number> {
  return page.evaluate(async (p) => {
    const t0 = performance.now();
    history.pushState({}, '', p);
    dispatchEvent(new PopStateEvent('popstate'));
    let indexAt = -1;
    for (;;) {
      const settled = location.pathname === p && document.querySelector('[data-testid=filter-summary]')
        && document.querySelector('[data-testid=methods]') && !document.querySelector('[aria-busy=true], [data-loading=true]');
      const ready = document.querySelector('[data-program-records=ready]');
      if (ready && indexAt < 0) indexAt = performance.now() - t0;
      if (settled && ready) return indexAt;
      if (performance.now() - t0 > 60_000) throw new Error(`${p} did not settle within 60 s`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }, path);
}

/** The program pages with `N` generated encounters loaded through the Data page's file input (the
 *  first file starts a workspace of its own, without the sample, as for a user): on each page, filter changes
 *  (agency, pathway, calendar year, quarter), each timed from the change event to every chart, KPI
 *  and table showing the new figures, beside native DuckDB running the page's queries. */
export async function benchProgramRepaint(base: string, launch: LaunchOptions, N: number): Promise<ProgramRepaint> {
  const csv = join(tmpdir(), `bench-encounters-${N}.csv`);
  if (!existsSync(csv)) {
    console.log(`Generating ${N.toLocaleString('en-US')} encounters…`);
    await writeEncounters(csv, N);
  }
  const context = await chromium.launchPersistentContext(join(tmpdir(), `bench-profile-${Date.now()}`), {
    ...launch, viewport: { width: 1200, height: 900 },
  });
  const results: PageRepaint[] = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`${base}/data`);
    await page.getByTestId('loaded-files').waitFor({ timeout: 90_000 });
    // The bench rows start a workspace of their own, as a user's file does: the sample leaves it.
    const t0 = performance.now();
    await page.getByTestId('file-input').setInputFiles(csv);
    await page.locator('[data-testid=upload].loaded').waitFor({ timeout: 300_000 });
    await page.waitForFunction(() => !document.querySelector('[aria-busy=true], [data-loading=true]'), null, { timeout: 120_000 });
    const loadMs = performance.now() - t0;
    console.log(`Loaded ${N.toLocaleString('en-US')} encounters through the file input in ${(loadMs / 1000).toFixed(1)} s (sniff, map, validate, insert).`);

    // The same rows in native DuckDB, through the same ingest code.
    const native = await testDb();
    await loadPath(native, csv);

    const agencies = Array.from({ length: 8 }, (_, i) => `Agency ${String.fromCharCode(65 + i)}`);
    const pathways = ['self-referral', 'active outreach', 'naloxone plus', 'officer prevention', 'officer intervention', 'community response'];
    const years = ['2019', '2020', '2021', '2022', '2023', '2024', '2025'];
    const quarters = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];
    let indexMs = 0;
    for (const path of Object.keys(PAGE_QUERIES)) {
      const waited = await go(page, path);
      if (path === '/placements') {
        indexMs = waited;
        console.log(`Program records ready ${waited.toFixed(0)} ms after opening /placements.`);
      }
      // The naloxone page has no pathway filter.
      const skip = path === '/naloxone' ? ['filter-pathway'] : [];
      const times: number[] = [];
      const whole: number[] = [];
      const nativeTimes: number[] = [];
      // Views shown before on this page (the page opens on the unfiltered one).
      const seen = new Set([JSON.stringify({ periods: [] })]);
      const firstTimes: number[] = [];
      for (const group of changes(agencies, pathways, years, quarters)) {
        if (skip.includes(group.list[0]!.testId)) continue;
        if (group.setup) {
          await page.getByTestId(group.setup[0]).selectOption(group.setup[1]);
          await page.getByTestId('period').waitFor();
        }
        for (const c of group.list) {
          const { shown: t, all } = await timeFilterChange(page, c.testId, c.value);
          times.push(t);
          whole.push(all);
          const key = JSON.stringify(c.filter);
          if (!seen.has(key)) firstTimes.push(t);
          seen.add(key);
          const n0 = performance.now();
          for (const statement of PAGE_QUERIES[path]!) await native.conn.query(statement(c.filter));
          nativeTimes.push(performance.now() - n0);
        }
        // Back to no filter before the next group.
        await go(page, path);
      }
      const r = {
        page: path, changes: times.length, queries: PAGE_QUERIES[path]!.length,
        p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: Math.max(...times), allP50: quantile(whole, 0.5), allP95: quantile(whole, 0.95),
        nativeP50: quantile(nativeTimes, 0.5), nativeP95: quantile(nativeTimes, 0.95),
        firstViews: firstTimes.length, firstP95: quantile(firstTimes, 0.95),
      };
      results.push({ ...r, ratioP50: r.p50 / r.nativeP50 });
      console.log(`${path.padEnd(20)} ${String(r.changes).padStart(3)} changes, ${r.queries} metrics: browser repaint (on screen) p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms; whole page p50 ${r.allP50.toFixed(1)}, p95 ${r.allP95.toFixed(1)} ms | native DuckDB queries p50 ${r.nativeP50.toFixed(1)} ms, p95 ${r.nativeP95.toFixed(1)} ms | ratio p50 ${(r.p50 / r.nativeP50).toFixed(1)}× | views not shown before: ${r.firstViews}, p95 ${r.firstP95.toFixed(1)} ms`);
    }
    const all = results.map((r) => r.p95);
    console.log(`Worst page p95: ${Math.max(...all).toFixed(1)} ms (goal: at most ${N <= 20_000 ? 16 : 50} ms with ${N.toLocaleString('en-US')} encounters).`);
    return { rows: N, loadMs, indexMs, pages: results };
  } finally {
    await context.close();
  }
}

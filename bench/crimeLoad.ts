import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { LaunchOptions } from '../scripts/chromium.ts';
import { writeCrimeIncidents } from '../scripts/sample/crimeIncidents.ts';
import { nativeDuckDb, papaParse, type Reference } from './crimeReference.ts';
import { samplePeak, treeRss } from './memory.ts';
import { quantile, timeFilterChange } from './repaint.ts';

export interface CrimeRun {
  rows: number;
  bytes: number;
  /** From the file input's change event, in the page. */
  recognisedMs: number; validatedMs: number; loadedMs: number; firstChartMs: number;
  /** The longest main-thread task during the load (change event to loaded), and while the crime
   *  page opens and draws its first chart (0: none over 50 ms, the shortest a long-task observer
   *  reports). */
  longestTaskMs: number; longestChartTaskMs: number;
  /** Resident memory of the whole browser (every process), before and at its peak during the load. */
  memoryBeforeMb: number; memoryPeakMb: number;
  /** Filter changes timed to what is on screen showing them; `allP95`: to the whole page (charts off
   *  screen are redrawn right after the first frame). */
  repaint: { changes: number; p50: number; p95: number; max: number; allP95: number; firstViews: number; firstP50: number; firstP95: number;
    /** Each first view's repaint, in the order shown (ms). */
    firstMs: number[] };
  /** The page reloaded once the file is kept in this browser: whether its rows were kept beside it
   *  (else it is read again), the time to write them (in the background after the load), and from
   *  the reload's start: the database started, the kept rows restored and derived, the crime chart. */
  reload: { rowsKept: boolean; rowsWrittenMs: number | null; databaseMs: number; restoreMs: number | null; deriveMs: number | null; firstChartMs: number;
    /** Restored by the file's derived tables first (its rows after, in the background). */
    derivedFirst?: boolean;
    /** From the reload's start to the last slice of rows back (derived first only). */
    rowsBackMs?: number | null };
  native: Reference; papa: Reference;
  /** firstChartMs / native.ms and papa.ms / firstChartMs. */
  ratioToNative: number; fasterThanPapa: number;
}

/** In-page: from the change event, when the file is recognised (its card shows a load step), when
 *  its rows are checked (the saving step), when it is loaded; long tasks throughout. Kept as text:
 *  tsx would otherwise wrap functions in a helper the page lacks. */
const RECORDER = `(goTo) => {
  const w = window;
  w.__bench = { t0: 0, marks: {}, tasks: [], goTo };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__bench.tasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
  document.addEventListener('change', (e) => { if (e.target && e.target.type === 'file') w.__bench.t0 = performance.now(); }, true);
  new MutationObserver(() => {
    const b = w.__bench;
    if (!b.t0) return;
    const step = document.querySelector('[data-testid=load-progress]')?.getAttribute('data-step');
    const now = performance.now() - b.t0;
    if (step && step !== 'starting' && b.marks.recognised == null) b.marks.recognised = now;
    if ((step === 'saving' || step === 'summarising') && b.marks.validated == null) b.marks.validated = now;
    if (document.querySelector('[data-testid=upload].loaded') && b.marks.loaded == null) {
      b.marks.loaded = now;
      // The user opens the crime page for the new agency as soon as the file is loaded (from inside
      // the page, so the automation's own polling is not counted).
      history.pushState({}, '', b.goTo);
      dispatchEvent(new PopStateEvent('popstate'));
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true });
}`;

const SERIES = ['Metro City Police Department', 'Harbor County Sheriff', 'Northside Police Department'];

async function chartDrawn(page: Page): Promise<number> {
  const h = await page.waitForFunction(() => {
    const b = (window as unknown as { __bench: { t0: number } }).__bench;
    return document.querySelector('[data-testid=crime-summary]') && document.querySelector('figure.chart .plot svg')
      && !document.querySelector('[aria-busy=true], [data-loading=true]') && performance.now() - b.t0;
  }, null, { timeout: 120_000, polling: 'raf' });
  return (await h.jsonValue()) as number;
}

/** Waits until the file is kept in this browser, reloads the crime page and times it to its chart. */
async function reloadToChart(page: Page, base: string, series: string, file: string): Promise<CrimeRun['reload']> {
  const name = file.split('/').at(-1)!;
  await page.waitForFunction((n) => performance.getEntriesByName(`kept:rows done ${n}`).length > 0, name, { timeout: 900_000 });
  const written = await page.evaluate((n) => performance.getEntriesByName(`kept:rows written ${n}`)[0]?.duration ?? null, name);
  await page.goto(`${base}/crime?series=${encodeURIComponent(series)}`);
  const chart = await page.waitForFunction((s) => document.querySelector(`[data-testid=crime-series] option[value="${s}"]`)
    && document.querySelector('figure.chart .plot svg') && !document.querySelector('[aria-busy=true], [data-loading=true]') && performance.now(),
  series, { timeout: 900_000, polling: 'raf' });
  const firstChartMs = (await chart.jsonValue()) as number;
  const m = await page.evaluate((n) => ({
    db: performance.getEntriesByName('db:started')[0]?.startTime ?? NaN,
    restore: performance.getEntriesByName(`kept:restore ${n}`)[0]?.duration ?? null,
    derive: performance.getEntriesByName('kept:derive')[0]?.duration ?? null,
    derivedFirst: performance.getEntriesByName(`kept:derived back ${n}`).length > 0,
  }), name);
  // The rows, in the background, after the chart (the page otherwise idle).
  const rowsBackMs = m.derivedFirst ? (await (await page.waitForFunction((n) => {
    const e = performance.getEntriesByName(`kept:rows restored ${n}`)[0];
    return e ? e.startTime + e.duration : false;
  }, name, { timeout: 900_000 })).jsonValue()) as number : null;
  return { rowsKept: m.restore != null, rowsWrittenMs: m.restore != null ? written : null, databaseMs: m.db, restoreMs: m.restore, deriveMs: m.derive,
    firstChartMs, derivedFirst: m.derivedFirst, rowsBackMs };
}

/** One size: the file made if missing, the two references, then the browser through the real user
 *  path (Data page file input, then the crime page's chart) and 50 filter changes on that page. */
export async function benchCrimeLoad(base: string, launch: LaunchOptions, rows: number): Promise<CrimeRun> {
  const file = join(tmpdir(), `bench-crime-${rows}.csv`);
  if (!existsSync(file)) {
    console.log(`Generating ${rows.toLocaleString('en-US')} crime incidents…`);
    await writeCrimeIncidents(file, rows);
  }
  const { statSync } = await import('node:fs');
  const bytes = statSync(file).size;
  const native = await nativeDuckDb(file);
  const papa = await papaParse(file);
  if (native.rows !== rows || papa.rows !== rows || native.groups !== papa.groups) {
    throw new Error(`The references disagree: native ${native.rows} rows in ${native.groups} groups, PapaParse ${papa.rows} in ${papa.groups}.`);
  }

  const server = await chromium.launchServer(launch);
  const browser = await chromium.connect(server.wsEndpoint());
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`${base}/data`);
    await page.getByTestId('loaded-files').waitFor({ timeout: 90_000 });
    await page.waitForFunction(() => !document.querySelector('[aria-busy=true], [data-loading=true]'));
    await page.evaluate(`(${RECORDER})(${JSON.stringify(`/crime?series=${encodeURIComponent(`incidents:${SERIES[0]}`)}`)})`);
    const pid = server.process().pid!;
    const memoryBefore = treeRss(pid);
    const peak = samplePeak(pid);
    await page.getByTestId('file-input').setInputFiles(file);
    await page.locator('[data-testid=upload].failed, [data-testid=crime-summary]').waitFor({ timeout: 900_000 });
    if (await page.locator('[data-testid=upload].failed').count()) throw new Error(await page.getByTestId('upload').innerText());
    const firstChartMs = await chartDrawn(page);
    const memoryPeak = peak.stop();
    const b = (await page.evaluate(() => (window as unknown as { __bench: { t0: number; marks: Record<string, number>; tasks: [number, number][] } }).__bench));
    const longestIn = (from: number, to: number) => Math.max(0, ...b.tasks.filter(([start]) => start >= b.t0 + from && start <= b.t0 + to).map(([, d]) => d));

    // 50 filter changes on the crime page: offense group and agency, each timed to the redrawn chart.
    const groups = await page.getByTestId('crime-group').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const times: number[] = [];
    const whole: number[] = [];
    // The page keeps answers it has already had for the same data (state/useSql.ts), so a view
    // shown before skips the database: the views shown for the first time are also reported alone.
    const firstTimes: number[] = [];
    const seen = new Set<string>();
    let view = { series: `incidents:${SERIES[0]}`, group: '' };
    seen.add(JSON.stringify(view));
    for (let i = 0; times.length < 50; i++) {
      const bySeries = i % 3 === 2;
      const value = bySeries ? `incidents:${SERIES[(i / 3 | 0) % SERIES.length]}` : groups[i % groups.length]!;
      const current = await page.getByTestId(bySeries ? 'crime-series' : 'crime-group').inputValue();
      if (current === value) continue;
      const { shown: t, all } = await timeFilterChange(page, bySeries ? 'crime-series' : 'crime-group', value, 'crime-summary');
      times.push(t);
      whole.push(all);
      view = bySeries ? { ...view, series: value } : { ...view, group: value };
      const key = JSON.stringify(view);
      if (!seen.has(key)) firstTimes.push(t);
      seen.add(key);
    }
    const reload = await reloadToChart(page, base, `incidents:${SERIES[0]}`, file);
    const run: CrimeRun = {
      rows, bytes, recognisedMs: b.marks.recognised!, validatedMs: b.marks.validated!, loadedMs: b.marks.loaded!, firstChartMs,
      longestTaskMs: longestIn(0, b.marks.loaded!), longestChartTaskMs: longestIn(b.marks.loaded!, firstChartMs), memoryBeforeMb: memoryBefore / 1e6, memoryPeakMb: memoryPeak / 1e6,
      repaint: { changes: times.length, p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: Math.max(...times), allP95: quantile(whole, 0.95),
        firstViews: firstTimes.length, firstP50: quantile(firstTimes, 0.5), firstP95: quantile(firstTimes, 0.95), firstMs: firstTimes.map((t) => Math.round(t * 10) / 10) },
      reload, native, papa, ratioToNative: firstChartMs / native.ms, fasterThanPapa: papa.ms / firstChartMs,
    };
    return run;
  } finally {
    await browser.close();
    await server.close();
  }
}

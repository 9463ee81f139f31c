import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import type { LaunchOptions } from '../scripts/chromium.ts';

export interface ColdStart { firstFigures: number; databaseFigures: number; firstChart: number }

/** Cold loads of the overview in fresh browser profiles: milliseconds from navigation start to
 *  the first headline figures (precomputed for the sample), to the database's own figures, and
 *  to the first chart. Median of `runs`. */
export async function coldStart(base: string, launch: LaunchOptions, runs = 5): Promise<ColdStart> {
  const all: ColdStart[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await chromium.launchPersistentContext(join(tmpdir(), `bench-cold-${Date.now()}-${i}`), launch);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${base}/`);
    const at = (selector: string) => page.waitForFunction((s) => document.querySelector(s) && performance.now(), selector, { timeout: 60_000, polling: 'raf' })
      .then((h) => h.jsonValue() as Promise<number>);
    const [firstFigures, databaseFigures, firstChart] = await Promise.all([
      at('[data-testid=pre-kpi-encounters] .kpi-value, [data-testid=kpi-encounters] .kpi-value'),
      at('[data-testid=kpi-encounters] .kpi-value'), at('figure.chart .plot svg')]);
    all.push({ firstFigures, databaseFigures, firstChart });
    await context.close();
  }
  const med = (k: keyof ColdStart) => all.map((x) => x[k]).sort((a, b) => a - b)[Math.floor(all.length / 2)]!;
  return { firstFigures: med('firstFigures'), databaseFigures: med('databaseFigures'), firstChart: med('firstChart') };
}

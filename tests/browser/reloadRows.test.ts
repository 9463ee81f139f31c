import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCrimeIncidents } from '../../scripts/sample/crimeIncidents.ts';
import { foreignRequests, openWithFiles, quiet, textOf } from './setup/browser.ts';

/** A crime file kept in this browser comes back after a reload from what was derived from it
 *  (its monthly facts and date spans) before any of its rows; the rows follow, a slice of 10,000
 *  at a time, in the background (ingest/restore.ts, state/fillWorkspace.ts). */

const ROWS = 120_000;
const NAME = 'reload-city.csv';
const SERIES = 'incidents:Metro City Police Department';

describe('a crime file kept in this browser, after a reload', () => {
  let b: Awaited<ReturnType<typeof openWithFiles>>;
  let before: { summary: string; check: string };
  /** Within the page (no reload) or, with `reload`, as a new page load. */
  const go = async (path: string, reload: boolean) => {
    if (reload) await b.page.goto(b.base + path);
    else await b.page.evaluate((p) => { history.pushState({}, '', p); dispatchEvent(new PopStateEvent('popstate')); }, path);
  };
  const crime = async (reload: boolean) => {
    await go(`/crime?series=${encodeURIComponent(SERIES)}`, reload);
    await b.page.locator('figure.chart .plot svg').first().waitFor({ timeout: 90_000 });
    await quiet(b.page);
    return textOf(b.page.getByTestId('crime-summary'));
  };
  /** The Data page's "Check the numbers" for crime incidents: every month's records, as text. */
  const check = async (reload = false) => {
    await go('/data', reload);
    await b.page.getByTestId('check-table').selectOption({ label: 'Crime incidents' });
    await b.page.locator('#check-result tbody tr').first().waitFor({ timeout: 30_000 });
    await quiet(b.page);
    return b.page.locator('#check-result').innerText();
  };

  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dd-reload-')), NAME);
    await writeCrimeIncidents(file, ROWS);
    b = await openWithFiles([file]);
    // Kept, with its rows and what was derived from it, once the page is still.
    await b.page.waitForFunction((n) => performance.getEntriesByName(`kept:rows done ${n}`).length > 0, NAME, { timeout: 120_000 });
    // As loaded, before any reload.
    before = { summary: await crime(false), check: await check() };
  }, 240_000);
  afterAll(async () => { await b?.close(); });

  it('the crime page and the Data page\'s check show the same figures as before the reload', async () => {
    const summary = await crime(true);
    // Restored from the kept form (not read again).
    const marks = await b.page.evaluate((n) => ({
      restored: performance.getEntriesByName(`kept:restore ${n}`)[0]?.duration ?? null,
      derived: performance.getEntriesByName(`kept:derived back ${n}`)[0]?.startTime ?? null,
    }), NAME);
    expect(marks.restored).not.toBeNull();
    // By its derived tables first.
    expect(marks.derived).not.toBeNull();
    expect(summary).toBe(before.summary);
    expect(before.summary).toMatch(/Metro City Police Department/);
    expect(await check()).toBe(before.check);
    expect(before.check).toMatch(/\d/);
  }, 120_000);

  it('its rows come back in the background, whole', async () => {
    await b.page.waitForFunction((n) => performance.getEntriesByName(`kept:rows restored ${n}`).length > 0, NAME, { timeout: 120_000 });
    // After the figures were back (the measure runs from the start of the first slice's wait).
    const [derived, rows] = await b.page.evaluate((n) => [performance.getEntriesByName(`kept:derived back ${n}`)[0]!.startTime,
      performance.getEntriesByName(`kept:rows restored ${n}`)[0]!].map((e) => (typeof e === 'number' ? e : e.startTime + e.duration)), NAME);
    expect(rows!).toBeGreaterThan(derived!);
    // No message about rows coming back incomplete.
    expect(await b.page.getByText(/came back incomplete/).count()).toBe(0);
    // Removing the file afterwards works as for any file.
    await go('/data', false);
    await b.page.getByRole('button', { name: `Remove ${NAME}` }).click();
    await b.page.getByRole('region', { name: 'Loaded in this browser' }).filter({ hasNotText: NAME }).waitFor({ timeout: 30_000 });
    expect(b.errors).toEqual([]);
    expect(foreignRequests(b.requests, b.base)).toEqual([]);
  }, 180_000);
});

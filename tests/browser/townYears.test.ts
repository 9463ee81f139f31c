import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempFile } from '../helpers/node.ts';
import { townTable } from '../helpers/townYears.ts';
import { ARTIFACTS, openWithFiles, quiet, textOf } from './setup/browser.ts';

/** A state's table of overdose deaths by town and year (generated in the layout of Massachusetts
 *  DPH's), added untouched in a fresh browser profile and shown on /overdoses as yearly bars. */
const table = townTable();
const FILE = tempFile('opioid_deaths_by_city_town_of_residence.csv', table.csv);

describe('deaths by town and year on /overdoses', () => {
  let b: Awaited<ReturnType<typeof openWithFiles>>;
  beforeAll(async () => { b = await openWithFiles([FILE]); }, 180_000);
  afterAll(async () => { await b?.close(); });

  it('loads one row per town and year, without the total row', async () => {
    const card = b.page.locator('[data-testid=upload].loaded', { hasText: 'opioid_deaths_by_city_town' });
    expect(await textOf(card.getByTestId('rows-loaded'))).toBe('90');
    expect(await textOf(card.getByTestId('load-report'))).toContain('town-years (one per row and year column) loaded');
  });

  it('shows a town\'s deaths per year, withheld years named, from its data table', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Overdoses' }).first().click();
    const section = page.getByTestId('overdoses-towns');
    await section.waitFor({ timeout: 60_000 });
    await section.getByTestId('town-years-place').selectOption('residence:GLOUCESTER');
    await quiet(page);
    const chart = section.getByTestId('chart-town-years');
    await chart.locator('.plot svg').first().waitFor({ timeout: 60_000 });
    await chart.getByRole('button', { name: 'Show data table' }).click();
    const cells = table.cells.filter((c) => c.town === 'GLOUCESTER');
    const rows = await chart.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toEqual(cells.map((c) => [String(c.year), c.cell === '*' ? '—' : String(c.count), c.cell === '*' ? 'suppressed' : '']));
    expect(page.url()).toContain('town=residence%3AGLOUCESTER');
    await section.screenshot({ path: `${ARTIFACTS}/overdoses-town-years.png` });
    expect(b.errors).toEqual([]);
  }, 60_000);
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, quiet, textOf } from './setup/browser.ts';
import { unzipText } from '../helpers/unzip.ts';

/** The Data page's Publish action builds the public snapshot in the browser (DuckDB-wasm) with the
 *  same code as `npm run snapshot` (native DuckDB): on the sample program its tables equal the
 *  committed data/snapshot, byte for byte, apart from the time it was generated. */
const SNAPSHOT = fileURLToPath(new URL('../../data/snapshot/', import.meta.url));

const unzip = (path: string) => unzipText(readFileSync(path));

describe('Publish', () => {
  let b: Awaited<ReturnType<typeof openPage>>;
  let page: Page;
  beforeAll(async () => {
    b = await openPage('/data');
    page = b.page;
    await page.getByTestId('publish').waitFor({ timeout: 90_000 });
    await quiet(page);
  }, 120_000);
  afterAll(async () => { await b?.close(); });

  it('builds the snapshot in the browser: the same tables as npm run snapshot', async () => {
    await page.getByTestId('publish-build').click();
    expect(await textOf(page.getByTestId('publish-result'))).toMatch(/Snapshot built: 8 tables, \d+ cells suppressed, records from 2022-03-01 to 2025-06-30/);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('publish-download').click()]);
    expect(dl.suggestedFilename()).toBe('public-snapshot.zip');
    const files = unzip((await dl.path())!);
    const committed = JSON.parse(readFileSync(`${SNAPSHOT}snapshot.json`, 'utf8')) as Record<string, unknown>;
    const built = JSON.parse(files['snapshot.json']!) as Record<string, unknown>;
    expect({ ...built, generated: 'x' }).toEqual({ ...committed, generated: 'x' });
    for (const name of Object.keys(files).filter((n) => n.endsWith('.csv'))) expect(files[name], name).toBe(readFileSync(SNAPSHOT + name, 'utf8'));
    // Nothing record-level in any byte.
    const all = Object.values(files).join('\n');
    for (const x of ['P-0EBEF0', 'E00001', 'Provider 01', '18:07']) expect(all).not.toContain(x);
    expect(b.errors).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import type { Snapshot } from '../../src/snapshot/snapshotFormat.ts';
import { en } from '../../src/public/i18n/en.ts';
import { es } from '../../src/public/i18n/es.ts';
import { formatters } from '../../src/public/publicFormat.ts';
import { ARTIFACTS, foreignRequests, openPage, quiet, textOf } from './setup/browser.ts';

/** /public, the transparency page, on the built site. Figures are checked against the snapshot.json
 *  the server serves (whatever `npm run snapshot` last wrote), never against numbers written here. */

/** Every JavaScript file dist/public/index.html loads, following static and dynamic imports. */
function publicBundle(): Map<string, number> {
  const html = readFileSync('dist/public/index.html', 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const sizes = new Map<string, number>();
  while (queue.length) {
    const f = queue.shift()!;
    if (sizes.has(f)) continue;
    const code = readFileSync(`dist/assets/${f}`);
    sizes.set(f, gzipSync(code, { level: 9 }).length);
    for (const m of code.toString().matchAll(/(?:from\s*|import\s*\(?\s*)["']\.\/([\w.-]+\.js)["']/g)) queue.push(m[1]!);
  }
  return sizes;
}

/** Waits until the report is drawn in full. */
async function ready(page: Page): Promise<void> {
  await page.getByTestId('program-name').waitFor({ timeout: 30_000 });
  await quiet(page);
  // Charts take their width from a ResizeObserver, which reports at the next frame.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

const cellText = (fmt: ReturnType<typeof formatters>, d: typeof en, column: string, v: unknown) =>
  v === 'suppressed' ? `*${d['cell.suppressed']}` : v === 'n/a' ? `${d['cell.naShort']}${d['cell.na']}` : fmt.value(column, v as number);

/** Text nodes, aria-labels and the title of the page, for comparing against a dictionary. */
const pageStrings = (page: Page) => page.evaluate(() => {
  const out: string[] = [document.title];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) if (n.textContent?.trim()) out.push(n.textContent.trim());
  for (const e of document.querySelectorAll('[aria-label]')) out.push(e.getAttribute('aria-label')!);
  return out;
});

describe('the public page', () => {
  let b: Awaited<ReturnType<typeof openPage>>;
  let page: Page;
  let snap: Snapshot;
  beforeAll(async () => {
    b = await openPage('/public/');
    page = b.page;
    await ready(page);
    snap = await (await fetch(`${b.base}/public/snapshot.json`)).json() as Snapshot;
  });
  afterAll(async () => { await b?.close(); });

  it('loads only its own bundle and snapshot.json: no DuckDB, no .wasm, no other origin', async () => {
    expect(foreignRequests(b.requests, b.base)).toEqual([]);
    expect(b.errors).toEqual([]);
    expect(b.requests.filter((u) => /\.wasm|duckdb|\.worker|\/data\/|\/src\//.test(u))).toEqual([]);
    const paths = b.requests.map((u) => new URL(u).pathname);
    const bundle = publicBundle();
    expect(paths.filter((p) => p.endsWith('.js')).every((p) => bundle.has(p.replace('/assets/', '')))).toBe(true);
    // The site's icon is asked for by a full Chromium and not by the headless shell: either is fine.
    expect(paths.filter((p) => !p.startsWith('/assets/') && p !== '/favicon.svg').sort()).toEqual(['/public/', '/public/snapshot.json']);
  });

  it('is small: all the JavaScript it can load is at most 150 KB gzipped', () => {
    const bundle = publicBundle();
    const total = [...bundle.values()].reduce((a, v) => a + v, 0);
    console.log(`public page JavaScript: ${[...bundle].map(([f, v]) => `${f} ${(v / 1024).toFixed(1)} KB`).join(', ')}; total ${(total / 1024).toFixed(1)} KB gzipped`);
    expect(total).toBeLessThanOrEqual(150 * 1024);
    for (const f of bundle.keys()) expect(readFileSync(`dist/assets/${f}`, 'utf8')).not.toMatch(/duckdb|apache-arrow|@observablehq/i);
  });

  it('declares the site\'s strict Content-Security-Policy', async () => {
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).not.toMatch(/https?:/);
  });

  it('says how to get help first, then shows the program\'s name, its synthetic label and when it was updated', async () => {
    expect(await textOf(page.getByTestId('program-name'))).toBe(snap.program.name);
    // Before any figure and before the contents: the first heading after the program's name.
    expect(await page.locator('main h2').first().getAttribute('id')).toBe('help-h');
    expect(await textOf(page.getByTestId('help'))).toContain(snap.program.howToGetHelp.en);
    if (snap.program.phone) expect(await textOf(page.getByTestId('help-phone'))).toBe(snap.program.phone);
    if (snap.program.address) expect(await textOf(page.getByTestId('help-address'))).toBe(snap.program.address);
    expect(await page.getByTestId('synthetic-label').count()).toBe(snap.program.synthetic ? 1 : 0);
    if (snap.program.synthetic) expect(await textOf(page.getByTestId('synthetic-label'))).toContain('Synthetic sample data');
    expect(await textOf(page.getByTestId('updated'))).toBe(`Last updated ${formatters('en-US').day(snap.generated)}.`);
    expect(await textOf(page.locator('footer'))).toContain(formatters('en-US').day(snap.generated));
  });

  it('shows every published table cell by cell, suppressed and n/a cells with their meaning', async () => {
    const fmt = formatters('en-US');
    for (const t of snap.tables) {
      const table = page.locator(`table[data-table="${t.id}"]`);
      const rows = table.locator('tbody tr');
      expect(await rows.count(), t.id).toBe(t.rows.length);
      for (const [k, r] of t.rows.entries()) {
        const shown = (await rows.nth(k).locator('td').allTextContents()).map((s) => s.trim());
        expect(shown, `${t.id} ${r.key}`).toEqual(t.columns.map((c) => cellText(fmt, en, c, r.cells[c])));
      }
      if (t.total) expect((await table.locator('tfoot td').allTextContents()).map((s) => s.trim())).toEqual(t.columns.map((c) => cellText(fmt, en, c, t.total![c])));
    }
    const people = snap.tables.find((t) => t.id === 'people_by_year')?.total;
    const placed = snap.tables.find((t) => t.id === 'placements_by_treatment')?.total;
    for (const [kpi, total, c] of [['people', people, 'people'], ['placements', placed, 'total']] as const) {
      if (total?.[c] !== undefined) expect(await textOf(page.getByTestId(`kpi-${kpi}`))).toContain(cellText(fmt, en, c, total[c]));
    }
  });

  it('describes every chart in words and keeps every other drawing from screen readers', async () => {
    const charts = page.locator('[data-testid^="chart-"]');
    expect(await charts.count()).toBe(snap.tables.length);
    for (const label of await page.locator('[role=img]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))) {
      expect(label.length).toBeGreaterThan(20);
    }
    expect(await page.locator('svg:not([role=img]):not([aria-hidden=true]), [role=img] svg:not([aria-hidden=true])').count()).toBe(0);
  });

  it('warns that crime and overdoses are public data, not proof of effect, with the 2021 FBI change', async () => {
    const caveats = await textOf(page.getByTestId('caveats'));
    expect(caveats).toContain(en['context.cause']);
    expect(caveats).toContain(en['context.fbi']);
    const rules = await textOf(page.getByTestId('privacy-rules'));
    expect(rules).toContain(`Counts from ${snap.rules.suppressMin} to ${snap.rules.suppressMax} are never shown.`);
    expect(rules).toContain(`fewer than ${snap.rules.minPercentBase} people`);
  });

  it('links each table\'s CSV, served next to the page', async () => {
    const hrefs = await page.getByTestId('downloads').locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs).toEqual(snap.tables.map((t) => `${b.base}/public/${t.id}.csv`));
    for (const [k, h] of hrefs.entries()) {
      const res = await fetch(h);
      expect(res.status, h).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/csv/);
      expect((await res.text()).split('\n')[0]!.split(',')[0]).toBe(snap.tables[k]!.rowKey);
    }
  });

  it('works at /public without the slash, and in Spanish with ?lang=es', async () => {
    await page.goto(`${b.base}/public?lang=es`);
    await ready(page);
    expect(new URL(page.url()).pathname).toBe('/public/');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    expect(await textOf(page.locator('#help-h'))).toBe(es['help.heading']);
    expect(await textOf(page.getByTestId('updated'))).toBe(`Última actualización: ${formatters('es-US').day(snap.generated)}.`);
    expect(b.errors).toEqual([]);
  });

  it('keyboard: the skip link comes first, focus is visible, the language switch works from the keyboard and is remembered', async () => {
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${b.base}/public/`);
    await ready(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(en.skip);
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Español');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('es');
    expect(await page.locator('[data-lang=es]').getAttribute('aria-pressed')).toBe('true');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('es');
    await page.goto(`${b.base}/public/`);
    await ready(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    expect(await textOf(page.locator('h2').first())).toBe(es['help.heading']);
  });

  it('in Spanish no English string of the page is left', async () => {
    await page.goto(`${b.base}/public/?lang=es`);
    await ready(page);
    const strings = new Set(await pageStrings(page));
    const body = (await page.locator('body').textContent()) ?? '';
    const english = (Object.keys(en) as (keyof typeof en)[]).filter((k) => en[k] !== es[k]);
    const left: string[] = [];
    for (const k of english) {
      const parts = en[k].split(/\{\w+\}/).map((p) => p.trim()).filter((p) => p.length >= 12);
      if (strings.has(en[k]) || parts.some((p) => body.includes(p))) left.push(k);
    }
    expect(left).toEqual([]);
    expect(await page.title()).toContain(es['page.title']);
  });

  it('goes to the section the address names once it is drawn', async () => {
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.goto(`${b.base}/public/?lang=en#privacy`);
    await ready(page);
    await expect.poll(() => page.locator('#privacy-h').evaluate((e) => Math.round(e.getBoundingClientRect().top))).toBeLessThan(100);
  });

  it('says so, in the reader\'s language, when the snapshot is missing or of another version', async () => {
    for (const [body, key] of [[null, 'error.load'], [JSON.stringify({ ...snap, version: 99 }), 'error.version']] as const) {
      await page.route('**/public/snapshot.json', (r) => (body ? r.fulfill({ body, contentType: 'application/json' }) : r.fulfill({ status: 404 })));
      await page.goto(`${b.base}/public/?lang=es`);
      expect(await textOf(page.getByTestId('load-error'))).toBe(es[key]);
      await page.unroute('**/public/snapshot.json');
    }
  });

  it('the main app keeps its deep links and links here', async () => {
    await page.goto(`${b.base}/placements`);
    const link = page.getByRole('link', { name: 'Public page' });
    expect(await link.getAttribute('href')).toBe('/public/');
    expect(await page.locator('h1').first().textContent()).not.toBe('Page not found');
  });
});

describe('the public page on the dev server', () => {
  let server: ViteDevServer;
  let base: string;
  beforeAll(async () => {
    server = await createServer({ server: { port: 0, host: '127.0.0.1' }, logLevel: 'silent', optimizeDeps: { noDiscovery: true, include: [] } });
    await server.listen();
    base = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
  });
  afterAll(async () => { await server?.close(); });

  it('serves /public/ and data/snapshot at /public/<file>; /public redirects; the app\'s deep links still fall back', async () => {
    const redirect = await fetch(`${base}/public?lang=es`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/public/?lang=es');
    expect(await (await fetch(`${base}/public/`, { headers: { accept: 'text/html' } })).text()).toContain('/src/public/main.tsx');
    expect(await (await fetch(`${base}/public/snapshot.json`)).text()).toBe(readFileSync('data/snapshot/snapshot.json', 'utf8'));
    const first = (JSON.parse(readFileSync('data/snapshot/snapshot.json', 'utf8')) as Snapshot).tables[0]!.id;
    const csv = await fetch(`${base}/public/${first}.csv`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(await csv.text()).toBe(readFileSync(`data/snapshot/${first}.csv`, 'utf8'));
    expect(await (await fetch(`${base}/placements`, { headers: { accept: 'text/html' } })).text()).toContain('/src/main.tsx');
  });
});

describe('the public page at 320 px and on a desktop, in both languages', () => {
  let b: Awaited<ReturnType<typeof openPage>>;
  const axe = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
  beforeAll(async () => { b = await openPage('/public/'); });
  afterAll(async () => { await b?.close(); });

  it.each(['en', 'es'] as const)('%s: no horizontal scroll at 320 px, no axe violation; screenshots', async (lang) => {
    const { page } = b;
    for (const width of [1200, 320]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${b.base}/public/?lang=${lang}`);
      await ready(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      // A table wider than the screen scrolls in its own box, which the keyboard can reach.
      const boxes = await page.locator('.table-wrap').evaluateAll((els) => els.map((e) => [e.scrollWidth > e.clientWidth + 1, e.getAttribute('tabindex') === '0' && e.getAttribute('role') === 'region']));
      expect(boxes.every(([wide, reachable]) => wide === reachable)).toBe(true);
      await page.evaluate(axe);
      const r = await page.evaluate(() => (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } })
        .axe.run(document, { resultTypes: ['violations'] }));
      const violations = r.violations.map((v) => `${v.id} (${v.nodes.length})`);
      console.log(`axe ${lang} ${width} px: ${violations.length} violations ${violations.join(', ')}`);
      expect(violations).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/public-${width === 320 ? '320' : 'desktop'}-${lang}.png`, fullPage: true });
    }
    expect(b.errors).toEqual([]);
  });
});

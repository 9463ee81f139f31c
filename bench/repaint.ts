import type { Page } from 'playwright-core';

/** In-page code, kept as text: tsx would otherwise wrap named functions in a helper the page lacks.
 *  From the change event to two moments:
 *  - shown: the filter summary shows the change and nothing on screen is busy (every KPI, chart and
 *    table in the window shows the new figures). Finding that lays out the page, so the layout the
 *    next frame needs is counted; its painting is not;
 *  - all: nothing in the whole page is busy, charts off screen (redrawn right after the first frame)
 *    and the tables kept for screen readers included.
 *  Charts draw in a layout effect, so "not busy" means drawn. Timed with performance.now() in the
 *  page, polling on a message channel (no frame wait). */
const IN_PAGE = `async ([id, v, summary]) => {
  const select = document.querySelector('[data-testid="' + id + '"]');
  if (!select) throw new Error('no select ' + id);
  const before = document.querySelector('[data-testid="' + summary + '"]')?.textContent;
  const channel = new MessageChannel();
  const seen = (e) => {
    const r = e.getBoundingClientRect();
    return r.width > 1 && r.height > 1 && r.bottom > 0 && r.top < innerHeight;
  };
  const t0 = performance.now();
  let shown = -1;
  select.value = v;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  for (;;) {
    const changed = document.querySelector('[data-testid="' + summary + '"]')?.textContent !== before;
    const busy = changed ? [...document.querySelectorAll('[aria-busy=true], [data-loading=true]')] : [];
    if (changed && shown < 0 && !busy.some(seen)) shown = performance.now() - t0;
    if (changed && busy.length === 0) return [shown, performance.now() - t0];
    if (performance.now() - t0 > 30000) throw new Error('the page did not settle within 30 s');
    await new Promise((r) => { channel.port1.onmessage = () => r(); channel.port2.postMessage(0); });
  }
}`;

/** One filter change on the page, timed in the page (milliseconds): until what is on screen shows
 *  it, and until the whole page does. */
export async function timeFilterChange(page: Page, testId: string, value: string, summary = 'filter-summary'): Promise<{ shown: number; all: number }> {
  const fn = await page.evaluateHandle(IN_PAGE);
  try {
    const [shown, all] = (await fn.evaluate((f: unknown, args: [string, string, string]) => (f as (a: [string, string, string]) => Promise<[number, number]>)(args), [testId, value, summary] as [string, string, string])) as [number, number];
    return { shown, all };
  } finally {
    await fn.dispose();
  }
}

export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

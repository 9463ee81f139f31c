import type { Page } from 'playwright-core';

/** In-page code, kept as text: tsx would otherwise wrap named functions in a helper the page lacks.
 *  From the change event to the moment every chart, KPI and table of the page shows the new
 *  filter's figures (nothing busy, the filter summary updated). Charts draw in a layout effect, so
 *  "not busy" means drawn. Timed with performance.now() in the page, polling on a message channel
 *  (no frame wait). */
const IN_PAGE = `async ([id, v, summary]) => {
  const select = document.querySelector('[data-testid="' + id + '"]');
  if (!select) throw new Error('no select ' + id);
  const before = document.querySelector('[data-testid="' + summary + '"]')?.textContent;
  const channel = new MessageChannel();
  const t0 = performance.now();
  select.value = v;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  for (;;) {
    const changed = document.querySelector('[data-testid="' + summary + '"]')?.textContent !== before;
    if (changed && !document.querySelector('[aria-busy=true], [data-loading=true]')) break;
    if (performance.now() - t0 > 30000) throw new Error('the page did not settle within 30 s');
    await new Promise((r) => { channel.port1.onmessage = () => r(); channel.port2.postMessage(0); });
  }
  return performance.now() - t0;
}`;

/** One filter change on the page, timed in the page (milliseconds). */
export async function timeFilterChange(page: Page, testId: string, value: string, summary = 'filter-summary'): Promise<number> {
  const fn = await page.evaluateHandle(IN_PAGE);
  try {
    return (await fn.evaluate((f: unknown, args: [string, string, string]) => (f as (a: [string, string, string]) => Promise<number>)(args), [testId, value, summary] as [string, string, string])) as number;
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

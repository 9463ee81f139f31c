/** Lighthouse 12 (mobile, its default) on a page of the built site, in the Chromium that
 *  scripts/chromium.ts picks.
 *
 *   npx vite build && npx vite preview --port 4173 &
 *   npx tsx scripts/lighthouse.ts http://127.0.0.1:4173/public/
 *
 * The browser test tests/browser/lighthouse.test.ts runs the same function on the public page. */
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { findChromium, type Browser } from './chromium.ts';

export const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run'];

export interface LighthouseScores {
  url: string;
  performance: number;
  accessibility: number;
  /** Lab metrics, as Lighthouse shows them. */
  metrics: Record<string, string>;
  /** Accessibility audits that did not pass. */
  failed: string[];
  /** Bytes transferred for the page, as Lighthouse's total-byte-weight audit counts them. */
  bytes: number;
  /** Every request the page made. */
  requests: string[];
}

const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

export async function runLighthouse(urls: readonly string[], browser?: Browser): Promise<LighthouseScores[]> {
  const b = browser ?? await findChromium();
  const chrome = await launch({ chromePath: b.path, chromeFlags: CHROME_FLAGS, envVars: { ...process.env, ...b.env } as Record<string, string> });
  try {
    const out: LighthouseScores[] = [];
    for (const url of urls) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { categories, audits, runtimeError } = result.lhr;
      if (runtimeError) throw new Error(`Lighthouse: ${runtimeError.code} ${runtimeError.message}`);
      const a11y = categories.accessibility!;
      out.push({
        url,
        performance: categories.performance!.score ?? 0,
        accessibility: a11y.score ?? 0,
        metrics: Object.fromEntries(METRICS.map((m) => [m, audits[m]?.displayValue ?? '?'])),
        failed: a11y.auditRefs.filter((r) => audits[r.id]?.score === 0).map((r) => `${r.id}: ${audits[r.id]!.title}`),
        bytes: audits['total-byte-weight']?.numericValue ?? NaN,
        requests: ((audits['network-requests']?.details as { items?: { url: string }[] } | undefined)?.items ?? []).map((i) => i.url),
      });
    }
    return out;
  } finally {
    chrome.kill();
  }
}

export const describeScores = (s: LighthouseScores) =>
  `Lighthouse ${s.url}: performance ${Math.round(s.performance * 100)}, accessibility ${Math.round(s.accessibility * 100)}; ` +
  `${s.requests.length} requests, ${Math.round(s.bytes / 1024)} KiB; ` +
  Object.entries(s.metrics).map(([k, v]) => `${k} ${v}`).join(', ') + (s.failed.length ? `; failed: ${s.failed.join('; ')}` : '');

if (import.meta.url === `file://${process.argv[1]}`) {
  const urls = process.argv.slice(2);
  if (!urls.length) { console.error('usage: tsx scripts/lighthouse.ts <url>...'); process.exit(2); }
  for (const s of await runLighthouse(urls)) console.log(describeScores(s));
}

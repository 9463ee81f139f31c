import { runLighthouse } from '../scripts/lighthouse.ts';
import type { Browser } from '../scripts/chromium.ts';

export interface LighthouseMedian { url: string; median: number; scores: number[] }

/** Lighthouse's performance score (0–100) of each page, `runs` times; the median is the figure
 *  reported, since one run moves by several points on the same build. */
export async function lighthouseMedians(urls: readonly string[], browser: Browser, runs: number): Promise<LighthouseMedian[]> {
  const scores = new Map<string, number[]>(urls.map((u) => [u, []]));
  for (let i = 0; i < runs; i++) {
    for (const s of await runLighthouse(urls, browser)) scores.get(s.url)!.push(Math.round(s.performance * 100));
  }
  return urls.map((url) => {
    const sorted = [...scores.get(url)!].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return { url, scores: scores.get(url)!, median: sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2 };
  });
}

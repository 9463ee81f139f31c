import { describe, expect, inject, it } from 'vitest';
import { describeScores, runLighthouse } from '../../scripts/lighthouse.ts';

/** Lighthouse 12 with its default (mobile) settings on the built public page, in Debian's Chromium
 *  launched by chrome-launcher, against the preview server of the browser tests. */
describe('Lighthouse on /public', () => {
  it('scores performance at least 95 and accessibility 100, in English and in Spanish', async () => {
    const base = inject('baseUrl');
    const scores = await runLighthouse([`${base}/public/`, `${base}/public/?lang=es`]);
    for (const s of scores) {
      console.log(describeScores(s));
      expect(s.failed).toEqual([]);
      expect(s.accessibility).toBe(1);
      expect(s.performance).toBeGreaterThanOrEqual(0.95);
    }
  }, 240_000);
});

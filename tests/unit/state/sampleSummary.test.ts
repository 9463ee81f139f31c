import { describe, expect, it } from 'vitest';
import { NO_FILTER } from '../../../src/domain/filter.ts';
import { programKpis } from '../../../src/metrics/placements.ts';
import { readProgram } from '../../../src/metrics/records.ts';
import { SAMPLE_SUMMARY } from '../../../src/state/sampleSummary.ts';
import { loadPath, SAMPLE, testDb } from '../../helpers/node.ts';

describe('the precomputed sample summary', () => {
  it('equals what the app computes from the sample files (run `npm run sample` when it does not)', async () => {
    const t = await testDb();
    for (const f of ['encounters.csv', 'costs.csv']) await loadPath(t, SAMPLE + f);
    const [k] = programKpis(await readProgram(t.conn), NO_FILTER);
    expect(SAMPLE_SUMMARY).toEqual(k);
  });
});

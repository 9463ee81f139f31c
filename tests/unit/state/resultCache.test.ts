import { describe, expect, it } from 'vitest';
import type { ProgramIndex } from '../../../src/metrics/local/programIndex.ts';
import { localRows } from '../../../src/state/resultCache.ts';

describe('local rows are kept per index', () => {
  it('works a view out once per index, and again for a new index (new data)', () => {
    let runs = 0;
    const q = { sql: 'SELECT 1', local: () => { runs++; return [{ n: runs }]; } };
    const a = {} as ProgramIndex, b = {} as ProgramIndex;
    expect(localRows(a, q)).toEqual([{ n: 1 }]);
    expect(localRows(a, q)).toEqual([{ n: 1 }]);
    expect(runs).toBe(1);
    expect(localRows(b, q)).toEqual([{ n: 2 }]);
    expect(localRows(a, { ...q, sql: 'SELECT 2' })).toEqual([{ n: 3 }]);
  });
});

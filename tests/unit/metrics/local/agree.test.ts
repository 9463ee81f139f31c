import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProgramIndex } from '../../../../src/metrics/local/programIndex.ts';
import { runQuery } from '../../../../src/metrics/query.ts';
import { testDb, type TestDb } from '../../../helpers/node.ts';
import { fullProgram, wideFilter, write } from '../random.ts';
import { PAGE_METRICS } from './pageMetrics.ts';

/** Sums of money may differ in the last bits with the order they are added in. */
function close(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return Object.is(a, b) || (a instanceof Date && b instanceof Date && a.getTime() === b.getTime());
}

function expectSameRows(name: string, got: Record<string, unknown>[], want: Record<string, unknown>[]) {
  const same = got.length === want.length && got.every((g, r) => {
    const w = want[r]!;
    const keys = new Set([...Object.keys(g), ...Object.keys(w)]);
    return [...keys].every((k) => k in g && k in w && close(g[k], w[k]));
  });
  if (!same) expect({ name, rows: got }).toEqual({ name, rows: want });
}

describe('the program pages’ metrics worked out in the page agree with their SQL', () => {
  let t: TestDb;
  beforeAll(async () => { t = await testDb(); });
  afterAll(async () => { await t.conn.run('DELETE FROM encounters; DELETE FROM costs; DELETE FROM naloxone;'); });

  it('on random programs under random filters, row for row', async () => {
    await fc.assert(fc.asyncProperty(fullProgram, fc.array(wideFilter, { minLength: 4, maxLength: 4 }), async (p, filters) => {
      await write(t, p);
      const ix = await readProgramIndex(t.conn);
      for (const f of filters) {
        for (const [name, build] of PAGE_METRICS) {
          const q = build(f);
          if (!q) continue;
          if (!q.local) throw new Error(`${name} has no local form`);
          expectSameRows(name, q.local(ix), await runQuery(t.conn, q));
        }
      }
    }), { numRuns: 60, endOnFailure: true });
  }, 240_000);
});

import { beforeAll, describe, expect, it } from 'vitest';
import { kindById } from '../../../src/ingest/kinds/index.ts';
import { applySavedMapping, missingRequired, withConstant } from '../../../src/ingest/mapping.ts';
import { notReadyProblem, prepare, TYPED_VALUE, waitsForAnswer } from '../../../src/ingest/prepare.ts';
import { sniffBytes } from '../../../src/ingest/sniff.ts';
import { loadPath, tempFile, testDb, type TestDb } from '../../helpers/node.ts';

/** A value typed once for a field a file has no column for: a city's incident extracts never name
 *  their agency, so several dropped together would each count as an agency named after its file. */

const MONTH = (m: number) => `Incident Number,Date Occurred,Offense\n${Array.from({ length: 20 }, (_, i) =>
  `${m}-${i},2023-0${m}-${String(1 + i).padStart(2, '0')},${i % 2 ? 'Shoplifting' : 'Burglary'}`).join('\n')}\n`;

function prep(text: string, batchMates?: number, choice?: Parameters<typeof prepare>[3]) {
  const b = new TextEncoder().encode(text);
  const p = prepare('march.csv', b.length, sniffBytes('march.csv', b, b.length), choice, { batchMates });
  if (!p.ok) throw new Error(p.problem.message);
  return p;
}

describe('an agency typed once', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await testDb();
  });

  it('incident files of one layout dropped together without an agency column wait for it; one file alone does not', () => {
    const alone = prep(MONTH(3));
    expect(notReadyProblem(alone)).toBeNull();
    const batch = prep(MONTH(3), 3);
    expect(waitsForAnswer(batch)).toBe(true);
    expect(batch.plan.sniffed.warnings.find((w) => w.code === TYPED_VALUE)?.message)
      .toBe('This file and 2 others of the same layout have no agency column, so each would count as an agency named after its file.');
    const answered = prep(MONTH(3), 3, { kind: 'crime_incidents', mapping: withConstant(batch.plan.mapping, 'agency', 'Harbor City PD') });
    expect(notReadyProblem(answered)).toBeNull();
  });

  it('the typed agency is stored on every row, names the series, and travels to the next export of the layout', async () => {
    const first = prep(MONTH(3));
    const mapping = withConstant(first.plan.mapping, 'agency', ' Harbor City PD ');
    for (const m of [3, 4]) {
      const r = await loadPath(t, tempFile(`2023-0${m}.csv`, MONTH(m)), { kind: 'crime_incidents', mapping });
      expect(r.ok).toBe(true);
      expect(r.understood).toContainEqual({ field: 'Agency', column: '"Harbor City PD" (typed, for every row)' });
    }
    const series = await t.conn.query<{ label: string; n: number }>('SELECT label, sum(count)::INT AS n FROM crime_facts GROUP BY 1');
    expect(series).toEqual([{ label: 'Harbor City PD', n: 40 }]);
    expect(applySavedMapping(kindById('crime_incidents'), mapping, first.plan.sniffed.header).constants).toEqual({ agency: 'Harbor City PD' });
  });

  it('a monthly file of one agency needs no agency column once one is typed', () => {
    const wide = kindById('crime_monthly_wide');
    const m = { kind: wide.id, columns: { month: 'Month', agency: null, agency_name: null, state: null }, offenseColumns: { Burglary: 'burglary' } };
    expect(missingRequired(wide, m)).toEqual(['Agency (unique key)']);
    expect(missingRequired(wide, withConstant(m, 'agency', 'Gloucester PD'))).toEqual([]);
  });
});

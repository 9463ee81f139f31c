import { beforeAll, describe, expect, it } from 'vitest';
import { KINDS, kindById } from '../../../src/ingest/kinds/index.ts';
import { loadFile } from '../../../src/ingest/load.ts';
import { missingRequired, proposeMapping } from '../../../src/ingest/mapping.ts';
import { notReadyProblem } from '../../../src/ingest/prepare.ts';
import { loadPath, prepareFile, tempFile, testDb, type TestDb } from '../../helpers/node.ts';

/** A counts file never loads without a count: local monthly overdose counts need at least one of
 *  fatal, nonfatal or all overdoses (`requireOneOf`). */

const monthly = kindById('overdose_monthly');
const LABEL = 'at least one count column (fatal, nonfatal or all overdoses)';

describe('requireOneOf', () => {
  let t: TestDb;
  beforeAll(async () => { t = await testDb(); });

  it('missingRequired names the group when none of its fields is mapped, and nothing once one is', () => {
    expect(missingRequired(monthly, proposeMapping(monthly, ['month', 'area']))).toEqual([LABEL]);
    expect(missingRequired(monthly, proposeMapping(monthly, ['area']))).toEqual(['Month', LABEL]);
    for (const count of ['fatal', 'nonfatal', 'total']) {
      expect(missingRequired(monthly, proposeMapping(monthly, ['month', 'area', count])), count).toEqual([]);
    }
    // A column mapped by hand, then unmapped (null), counts as not mapped.
    expect(missingRequired(monthly, { kind: 'overdose_monthly', columns: { month: 'month', fatal: null, nonfatal: null, total: null } })).toEqual([LABEL]);
  });

  it('a monthly file chosen as overdose counts with no count column is not ready and does not load', async () => {
    const path = tempFile('od.csv', 'month,area,notes\n2024-01,Town,quiet\n2024-02,Town,busy\n');
    const p = prepareFile(path, { kind: 'overdose_monthly' });
    if (!p.ok) throw new Error(p.problem.message);
    expect(p.confident).toBe(false);
    expect(notReadyProblem(p)).toMatchObject({ severity: 'error', code: 'missing-columns' });
    expect(notReadyProblem(p)!.message).toContain(`no column was found for: ${LABEL}.`);
    const r = await loadFile(t.db, t.conn, path, p.plan);
    expect(r.ok).toBe(false);
    expect(r.rowsLoaded).toBe(0);
    expect((await t.conn.query(`SELECT count(*) AS n FROM overdose_monthly`))[0]).toEqual({ n: 0 });
  });

  it('with only a fatal column it loads: 2 rows, 3 deaths', async () => {
    const r = await loadPath(t, tempFile('od.csv', 'month,area,fatal\n2024-01,Town,1\n2024-02,Town,2\n'), { kind: 'overdose_monthly' });
    expect(r.ok).toBe(true);
    expect(r.rowsLoaded).toBe(2);
    expect((await t.conn.query(`SELECT sum(fatal) AS fatal, count(total) AS totals FROM overdose_monthly WHERE source_file = 'od.csv'`))[0])
      .toEqual({ fatal: 3, totals: 0 });
  });

  it('every kind whose rows are counts needs a count column: a required field, an offense column or a requireOneOf group', () => {
    // Kinds whose rows hold counts or amounts (kinds of one row per event count their rows).
    const counts = ['cdc_vsrr', 'cdc_vsrr_county', 'cdc_wonder', 'costs', 'naloxone', 'crime_monthly_long', 'crime_monthly_wide', 'overdose_monthly',
      'cdc_dose_sys', 'cdc_dose_dx'] as const;
    const numeric = ['count', 'rate', 'number', 'integer'];
    for (const id of counts) {
      const k = kindById(id);
      const byField = k.fields.some((f) => f.required && numeric.includes(f.type));
      const byGroup = (k.requireOneOf ?? []).some((g) => g.fields.every((n) => numeric.includes(k.fields.find((f) => f.name === n)!.type)));
      expect(byField || byGroup || !!k.wide, id).toBe(true);
    }
    expect(KINDS.filter((k) => k.requireOneOf).map((k) => k.id).sort()).toEqual(['cdc_dose_dx', 'cdc_dose_sys', 'cdc_wonder', 'overdose_monthly']);
  });
});

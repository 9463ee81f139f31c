import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encounterFactsSql } from '../../../../src/db/derived.ts';
import { sqlString } from '../../../../src/db/sql.ts';
import * as breakdowns from '../../../../src/metrics/breakdowns.ts';
import type { ProgramFilter } from '../../../../src/metrics/filters.ts';
import { readProgramIndex } from '../../../../src/metrics/local/programIndex.ts';
import { runQuery } from '../../../../src/metrics/query.ts';
import { testDb, type TestDb } from '../../../helpers/node.ts';
import { PAGE_METRICS } from './pageMetrics.ts';

/** The random programs of agree.test.ts draw their text from a few plain ASCII words, all inside
 *  the vocabularies. Here every text column draws from values that order differently byte-wise
 *  than in JavaScript (U+FB00 sorts before an emoji in UTF-8, after it in UTF-16), differ only by
 *  case, are empty, lie outside the vocabulary, or read like the labels given to blanks; and the
 *  local forms whose rows are ordered or grouped by text must still give their SQL's rows. */
const TEXT = ['', 'a', 'B', 'b', 'é', 'z', '\u{1F600}', '\uFB00', breakdowns.NOT_RECORDED, '(no reason recorded)',
  'detox', 'recovery support', 'none', 'MOUD naltrexone', 'self-referral', 'yes', 'no', 'unknown'];
const text = fc.option(fc.constantFrom(...TEXT), { nil: null, freq: 4 });
const bool = fc.option(fc.boolean(), { nil: null });
const encounter = fc.record({
  person: fc.integer({ min: 1, max: 6 }), day: fc.integer({ min: 0, max: 60 }),
  agency: text, pathway: text, age: text, sex: text, race: text, residence: text, substance: text,
  eligible: bool, reason: text, offered: bool, placed: fc.boolean(), treatment: text, engaged: text,
});
const filter: fc.Arbitrary<ProgramFilter> = fc.record({
  periods: fc.constantFrom([], [{ from: '2023-01-20' }], [{ to: '2023-02-10' }]),
  agency: fc.option(fc.subarray(TEXT, { minLength: 1 }), { nil: undefined }),
  treatment: fc.option(fc.subarray(TEXT, { minLength: 1 }), { nil: undefined }),
}).map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as unknown as ProgramFilter);

/** The metrics that group or order by text. */
const METRICS = PAGE_METRICS.filter(([name]) => /^(encountersBy|repeatVisits|serviceReferrals|funnel|outsideFunnel|ineligibleReasons)/.test(name));

const v = (x: string | boolean | null) => (x === null ? 'NULL' : typeof x === 'string' ? sqlString(x) : String(x));

describe('local forms grouped or ordered by text agree with their SQL on awkward text', () => {
  let t: TestDb;
  beforeAll(async () => { t = await testDb(); });
  afterAll(async () => { await t.conn.run('DELETE FROM encounters;'); });

  it('row for row', async () => {
    await fc.assert(fc.asyncProperty(fc.array(encounter, { maxLength: 40, size: 'max' }), fc.array(filter, { minLength: 3, maxLength: 3 }), async (es, filters) => {
      await t.conn.run('DELETE FROM encounters;');
      if (es.length) {
        await t.conn.run(`INSERT INTO encounters (encounter_id, participant_id, encounter_date, agency, pathway, age_band, sex,
          race_ethnicity, residence, primary_substance, eligible, ineligible_reason, placement_offered, placement_date,
          treatment_type, engaged_30d) VALUES ${es.map((e, i) => {
          const at = `TIMESTAMP '2023-01-01' + INTERVAL ${e.day} DAY`;
          return `('E${i}', 'P${e.person}', ${at}, ${v(e.agency)}, ${v(e.pathway)}, ${v(e.age)}, ${v(e.sex)}, ${v(e.race)},
            ${v(e.residence)}, ${v(e.substance)}, ${v(e.eligible)}, ${v(e.reason)}, ${v(e.offered)},
            ${e.placed ? `${at} + INTERVAL 2 HOUR` : 'NULL'}, ${v(e.treatment)}, ${v(e.engaged)})`;
        }).join(', ')}`);
      }
      await t.conn.run(encounterFactsSql());
      const ix = await readProgramIndex(t.conn);
      for (const f of filters) {
        for (const [name, build] of METRICS) {
          const q = build(f)!;
          expect({ name, rows: q.local!(ix) }).toEqual({ name, rows: await runQuery(t.conn, q) });
        }
      }
    }), { numRuns: 40, endOnFailure: true });
  }, 120_000);
});

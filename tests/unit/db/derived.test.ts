import { describe, expect, it } from 'vitest';
import { rederive } from '../../../src/db/derived.ts';
import { testDb } from '../../helpers/node.ts';

/** The database starts with the derived crime tables created empty (db/derived.ts emptyDerivedSql),
 *  not worked out: they must have exactly the columns and types the derivation gives. */
describe('the derived tables at the database\'s start', () => {
  it('have the columns and types the derivation gives them', async () => {
    const t = await testDb();
    const describeAll = async () => {
      const out: Record<string, unknown> = {};
      for (const table of ['crime_coded', '_crime_monthly_facts', 'crime_facts', 'crime_spans']) {
        out[table] = await t.conn.query(`SELECT column_name, column_type FROM (DESCRIBE ${table})`);
      }
      return out;
    };
    const atStart = await describeAll();
    await rederive(t.conn, ['crime_monthly', 'crime_incidents']);
    expect(await describeAll()).toEqual(atStart);
    expect((atStart.crime_coded as unknown[]).length).toBe(6);
  });
});

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

/** What a kept file's derived tables hold is worked out by fileDerivedSql (and the offense
 *  normal form it uses, db/codes.ts); a reload trusts tables of the same FILE_DERIVED_VERSION.
 *  So the SQL is tied to the version here: change it, and this fails until the version is raised
 *  and its SQL's hash added. */
describe('the version of a kept file\'s derived tables', () => {
  it('names the SQL that made them', async () => {
    const { createHash } = await import('node:crypto');
    const { fileDerivedSql, FILE_DERIVED_VERSION } = await import('../../../src/db/derived.ts');
    const sql = fileDerivedSql('crime_incidents', '_file_1', '"date", offense', 'f.csv').join('\n');
    const KNOWN: Record<number, string> = { 1: '025936d6fc7b5838' };
    expect(createHash('sha256').update(sql).digest('hex').slice(0, 16)).toBe(KNOWN[FILE_DERIVED_VERSION]);
  });
});

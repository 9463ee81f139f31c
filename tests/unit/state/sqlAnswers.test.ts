import { describe, expect, it } from 'vitest';
import type { Connection, Row } from '../../../src/db/database.ts';
import { SqlAnswers } from '../../../src/state/sqlAnswers.ts';

/** A connection whose answers the test releases by hand; it records every query asked. */
function heldConnection() {
  const asked: string[] = [];
  const waiting: { sql: string; resolve: (rows: Row[]) => void; reject: (e: Error) => void }[] = [];
  const conn = {
    query: (sql: string) => {
      asked.push(sql);
      return new Promise<Row[]>((resolve, reject) => waiting.push({ sql, resolve, reject }));
    },
  } as unknown as Connection;
  return { conn, asked, waiting };
}

describe('SqlAnswers', () => {
  it('a query asked again while on its way is not sent again; once answered it is kept', async () => {
    const h = heldConnection();
    const a = new SqlAnswers(h.conn);
    const first = a.ask('SELECT 1');
    const second = a.ask('SELECT 1');
    expect(h.asked).toEqual(['SELECT 1']);
    expect(a.get('SELECT 1')).toBeUndefined();
    h.waiting[0]!.resolve([{ x: 1 }]);
    expect(await first).toEqual([{ x: 1 }]);
    expect(await second).toEqual([{ x: 1 }]);
    expect(a.get('SELECT 1')).toEqual([{ x: 1 }]);
    expect(await a.ask('SELECT 1')).toEqual([{ x: 1 }]);
    expect(h.asked).toEqual(['SELECT 1']);
  });

  it('a query that fails is not sent again for the same data: asked again, it fails at once', async () => {
    const h = heldConnection();
    const a = new SqlAnswers(h.conn);
    const p = a.ask('SELECT bad');
    h.waiting[0]!.reject(new Error('no such column'));
    await expect(p).rejects.toThrow('no such column');
    expect(a.get('SELECT bad')).toBeUndefined();
    await expect(a.ask('SELECT bad')).rejects.toThrow('no such column');
    expect(h.asked).toEqual(['SELECT bad']);
    // The data change: a new SqlAnswers, which asks again.
    void new SqlAnswers(h.conn).ask('SELECT bad').catch(() => undefined);
    expect(h.asked).toEqual(['SELECT bad', 'SELECT bad']);
  });

  it('keeps the latest 400 answers, dropping the oldest', async () => {
    const conn = { query: async (sql: string) => [{ sql }] } as unknown as Connection;
    const a = new SqlAnswers(conn);
    for (let i = 0; i <= 400; i++) await a.ask(`SELECT ${i}`);
    expect(a.get('SELECT 0')).toBeUndefined();
    expect(a.get('SELECT 1')).toEqual([{ sql: 'SELECT 1' }]);
    expect(a.get('SELECT 400')).toEqual([{ sql: 'SELECT 400' }]);
  });

  it('without a database, asking rejects (nothing is sent)', async () => {
    await expect(new SqlAnswers(undefined).ask('SELECT 1')).rejects.toThrow('not open');
  });
});

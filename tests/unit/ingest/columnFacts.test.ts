import { beforeAll, describe, expect, it } from 'vitest';
import { provenOrder, settleDateOrders } from '../../../src/ingest/columnFacts.ts';
import { DATE_ORDER } from '../../../src/ingest/dateOrder.ts';
import { prepareFileSettled } from '../../../src/ingest/loadPath.ts';
import { loadPath, prepareFile, tempFile, testDb, type TestDb } from '../../helpers/node.ts';

/** An incident export in date order from 1 January: its first 600 rows are all in days 1 to 12,
 *  so they read either way; later rows settle it. `order` is how the file writes its dates. */
function incidents(order: 'mdy' | 'dmy', days: number, perDay = 50): string {
  const rows = ['Incident Date,Offense,Agency'];
  for (let d = 0; d < days; d++) {
    const day = new Date(Date.UTC(2023, 0, 1 + d));
    const [m, dd] = [String(day.getUTCMonth() + 1).padStart(2, '0'), String(day.getUTCDate()).padStart(2, '0')];
    const text = order === 'mdy' ? `${m}/${dd}/2023` : `${dd}/${m}/2023`;
    for (let i = 0; i < perDay; i++) rows.push(`${text},${i % 3 ? 'Shoplifting' : 'Burglary'},City PD`);
  }
  return `${rows.join('\n')}\n`;
}

describe('the largest parts of a slash-date column settle its order', () => {
  it('a first part over 12 proves day/month, a second month/day, both or neither nothing', () => {
    expect(provenOrder(12, 31)).toBe('mdy');
    expect(provenOrder(31, 12)).toBe('dmy');
    expect(provenOrder(12, 12)).toBeNull();
    expect(provenOrder(31, 31)).toBeNull();
    expect(provenOrder(null, null)).toBeNull();
  });
});

describe('a day/month order the first rows cannot settle is read from the whole column', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await testDb();
  });

  it('a year of MM/DD/YYYY incidents starting on 1 January is not asked about, and loads with the right months', async () => {
    const path = tempFile('incidents-2023.csv', incidents('mdy', 365));
    // The first 500 rows alone leave it open: the Data page would have asked.
    const asked = prepareFile(path, undefined, undefined, { unansweredDateOrder: 'ask' });
    expect(asked.ok && asked.plan.sniffed.warnings.some((w) => w.code === DATE_ORDER)).toBe(true);
    const settled = await prepareFileSettled(t, path, undefined, undefined, { unansweredDateOrder: 'ask' });
    expect(settled.ok && settled.plan.sniffed.warnings.filter((w) => w.code === DATE_ORDER)).toEqual([]);
    expect(settled.ok && settled.plan.formats.date).toEqual(['%m/%d/%Y']);
    const r = await loadPath(t, path);
    expect(r.ok).toBe(true);
    expect(r.rowsLoaded).toBe(365 * 50);
    expect(r.problems.map((p) => p.message)).toContain('The first rows could be read either way; dates were read as month/day (MM/DD/YYYY), '
      + 'because later rows of the file have dates such as "01/13/2023" that can only be read so.');
    const months = await t.conn.query<{ m: string; n: number }>(`SELECT strftime(date, '%Y-%m') AS m, count(*)::INT AS n
      FROM crime_incidents WHERE source_file = 'incidents-2023.csv' GROUP BY 1 ORDER BY 1`);
    expect(months.length).toBe(12);
    expect(months[0]).toEqual({ m: '2023-01', n: 31 * 50 });
    expect(months[1]).toEqual({ m: '2023-02', n: 28 * 50 });
  });

  it('a DD/MM/YYYY file is read day/month from its later rows, with the value that proves it', async () => {
    const path = tempFile('incidents-dmy.csv', incidents('dmy', 40));
    const r = await loadPath(t, path);
    expect(r.ok).toBe(true);
    expect(r.problems.map((p) => p.message)).toContain('The first rows could be read either way; dates were read as day/month (DD/MM/YYYY), '
      + 'because later rows of the file have dates such as "13/01/2023" that can only be read so.');
    const [last] = await t.conn.query<{ d: string }>(`SELECT strftime(max(date), '%Y-%m-%d') AS d FROM crime_incidents WHERE source_file = 'incidents-dmy.csv'`);
    expect(last?.d).toBe('2023-02-09');
  });

  it('a column that reads either way to its last row is asked about, with examples that differ each way', async () => {
    const path = tempFile('incidents-12.csv', incidents('mdy', 12, 60));
    const p = prepareFile(path, undefined, undefined, { unansweredDateOrder: 'ask' });
    if (!p.ok) throw new Error('not prepared');
    const facts = await settleDateOrders(t.db, t.conn, path, p.plan);
    expect(facts['Incident Date']?.order).toBeNull();
    const examples = facts['Incident Date']!.examples;
    expect(examples.length).toBe(3);
    // 01/01/2023 reads the same both ways: never offered as an example.
    for (const e of examples) expect(e.value.slice(0, 2)).not.toBe(e.value.slice(3, 5));
    const settled = await prepareFileSettled(t, path, undefined, undefined, { unansweredDateOrder: 'ask' });
    expect(settled.ok && settled.plan.dateExamples.date?.map((e) => e.value)).toEqual(examples.map((e) => e.value));
    const q = settled.ok && settled.plan.sniffed.warnings.find((w) => w.code === DATE_ORDER);
    expect(q && q.message).toMatch(/for example "01\/0[2-9]\/2023" is January \d, 2023 or \d+ [A-Z][a-z]+ 2023/);
  });
});

describe('a column whose every date has the same day and month', () => {
  it('is not asked about: both readings give the same dates', async () => {
    const t = await testDb();
    const path = tempFile('new-year.csv', `Date Occurred,Offense,Agency\n${Array.from({ length: 30 }, (_, i) => `01/01/2010,${i % 2 ? 'Burglary' : 'Shoplifting'},NYPD`).join('\n')}\n`);
    const asked = prepareFile(path, undefined, undefined, { unansweredDateOrder: 'ask' });
    expect(asked.ok && asked.plan.sniffed.warnings.some((w) => w.code === DATE_ORDER)).toBe(true);
    const settled = await prepareFileSettled(t, path, undefined, undefined, { unansweredDateOrder: 'ask' });
    expect(settled.ok && settled.plan.sniffed.warnings.some((w) => w.code === DATE_ORDER)).toBe(false);
    const r = await loadPath(t, path);
    expect(r.rowsLoaded).toBe(30);
    expect(r.problems.map((p) => p.message)).toContain('Every date in this column has the same day and month (such as 01/01), so it reads the same as month/day or day/month; nothing needed asking.');
  });
});

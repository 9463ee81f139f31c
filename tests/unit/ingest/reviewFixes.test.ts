import { describe, expect, it } from 'vitest';
import { settleDateOrders } from '../../../src/ingest/columnFacts.ts';
import { DATE_ORDER } from '../../../src/ingest/dateOrder.ts';
import { kindById } from '../../../src/ingest/kinds/index.ts';
import { applySavedMapping } from '../../../src/ingest/mapping.ts';
import { prepareFileSettled } from '../../../src/ingest/loadPath.ts';
import { keptMapping } from '../../../src/ingest/plan.ts';
import { prepare } from '../../../src/ingest/prepare.ts';
import { sniffBytes } from '../../../src/ingest/sniff.ts';
import { loadPath, prepareFile, tempFile, testDb } from '../../helpers/node.ts';

/** Cases found in review: each a way a figure could have come out wrong without anyone asked. */
const day = (i: number) => new Date(Date.UTC(2023, 0, 1 + i)).toISOString().slice(0, 10);
const rows = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n');

describe('found in review', () => {
  it('a value written with a non-breaking space counts as the same value as with a plain one', async () => {
    const t = await testDb();
    const text = `encounter_id,participant_id,encounter_date,pathway\n${rows(10, (i) => `E${i},P${i},${day(i)},${i % 2 ? 'Self-referral' : 'Self\u00A0Referral'}`)}\n`;
    const r = await loadPath(t, tempFile('nbsp.csv', text));
    expect(r.ok).toBe(true);
    const got = await t.conn.query<{ p: string; n: number }>("SELECT pathway AS p, count(*)::INT AS n FROM encounters GROUP BY 1");
    expect(got).toEqual([{ p: 'self-referral', n: 10 }]);
  });

  it('a records system\'s "Last Modified" date is never taken for the placement date', () => {
    const text = `Client ID,Contact No,Date Seen,Last Modified,Pathway\n${rows(40, (i) => `C${i % 15},N${i},${day(i)},${day(i + 30)},Self`)}\n`;
    const b = new TextEncoder().encode(text);
    const p = prepare('modified.csv', b.length, sniffBytes('modified.csv', b, b.length));
    expect(p.ok && p.plan.mapping.columns.placement_date).toBeNull();
  });

  it('a placement date found only from the values makes the card ask for a look', () => {
    const text = `Ref,Who,Seen,Placed,Care\n${rows(40, (i) => `R${i},W${i % 13},${day(i)},${day(i + 1)},Detox`)}\n`;
    const b = new TextEncoder().encode(text);
    const p = prepare('placed.csv', b.length, sniffBytes('placed.csv', b, b.length));
    expect(p.ok && p.plan.mapping.columns.placement_date).toBe('Placed');
    expect(p.ok && p.confident).toBe(false);
  });

  it('a participant ID taken for the encounter ID from the first rows, that repeats later, is refused saying so', async () => {
    const t = await testDb();
    const text = `Client ID,Intake Date,Level of Care\n${rows(520, (i) => `C${i < 510 ? i : i - 510},${day(i % 300)},Detox`)}\n`;
    const r = await loadPath(t, tempFile('people.csv', text)).catch((e: Error) => e);
    if (r instanceof Error) throw r;
    expect(r.ok).toBe(false);
    expect(r.problems.find((p) => p.column === 'Client ID')?.message)
      .toBe('The file has no encounter ID column, and "Client ID" was taken for one because its first rows had one row per participant; but "C0" appears 2 times (rows 2, 512).');
  });

  it('a Windows-1252 file is scanned whole for its day/month order too', async () => {
    const t = await testDb();
    const lines = ['Date Occurred,Offense,Agency', ...Array.from({ length: 600 }, (_, i) => `0${1 + (i % 9)}/01/2024,Burglary,Caf\u00e9 PD \u2019`), '25/01/2024,Burglary,PD'];
    const bytes = Uint8Array.from([...lines.join('\n'), '\n'].join('').split('').map((c) => (c === '\u2019' ? 0x92 : c.charCodeAt(0))));
    const path = tempFile('cp1252-dates.csv', bytes);
    const p = prepareFile(path, undefined, undefined, { unansweredDateOrder: 'ask' });
    if (!p.ok) throw new Error('not prepared');
    expect(p.plan.sniffed.encoding).toBe('latin-1');
    const facts = await settleDateOrders(t.db, t.conn, path, p.plan);
    expect(facts['Date Occurred']).toMatchObject({ order: 'dmy', proof: '25/01/2024' });
  });

  it('a column with first and second parts both over 12 is not "moot": it is asked about', async () => {
    const t = await testDb();
    const path = tempFile('mixed.csv', `Date Occurred,Offense,Agency\n${rows(600, (i) => `0${(i % 9) + 1}/0${(i % 9) + 1}/2024,Burglary,PD`)}\n01/13/2024,Burglary,PD\n13/01/2024,Burglary,PD\n`);
    const p = await prepareFileSettled(t, path, undefined, undefined, { unansweredDateOrder: 'ask' });
    expect(p.ok && p.plan.sniffed.warnings.some((w) => w.code === DATE_ORDER)).toBe(true);
  });

  it('an order the data settled is kept with the file, so a restore reads it so without asking', async () => {
    const t = await testDb();
    const text = `Date Occurred,Offense,Agency\n${rows(600, (i) => `01/${String(1 + (i % 12)).padStart(2, '0')}/2023,Burglary,PD`)}\n01/20/2023,Burglary,PD\n`;
    const path = tempFile('kept.csv', text);
    const p = await prepareFileSettled(t, path, undefined, undefined, { unansweredDateOrder: 'ask' });
    if (!p.ok) throw new Error('not prepared');
    const kept = keptMapping(p.plan);
    expect(kept.settled?.['Date Occurred']?.order).toBe('mdy');
    const restored = applySavedMapping(kindById('crime_incidents'), JSON.parse(JSON.stringify(kept)), p.plan.sniffed.header);
    const again = prepareFile(path, { kind: 'crime_incidents', mapping: restored }, undefined, { unansweredDateOrder: 'ask' });
    expect(again.ok && again.plan.sniffed.warnings.some((w) => w.code === DATE_ORDER)).toBe(false);
    expect(again.ok && again.plan.formats.date).toEqual(['%m/%d/%Y']);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { bundleCsv } from '../../../src/reports/export/bundleCsv.ts';
import { sheetNames, workbook, workbookSheets } from '../../../src/reports/export/workbook.ts';
import type { ReportMeta, ReportTable } from '../../../src/reports/table.ts';

const HOSTILE = '=HYPERLINK("http://evil.example","click")';
const thousands = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('en-US') : String(v));

const tables: ReportTable[] = [
  {
    id: 'referrals',
    title: 'Referrals by month',
    note: 'Referrals received in the month; excludes duplicates.',
    columns: [
      { key: 'month', label: 'Month' },
      { key: 'referrals', label: 'Referrals', numeric: true, format: thousands },
      { key: 'rate', label: 'Rate', numeric: true, format: (v) => (typeof v === 'number' ? `${v * 100}%` : String(v)) },
    ],
    rows: [
      { month: new Date('2024-01-01T00:00:00Z'), referrals: 12345, rate: 0.25 },
      { month: new Date('2024-02-01T00:00:00Z'), referrals: 0, rate: 'N/A' },
    ],
  },
  {
    id: 'contacts',
    title: 'Contacts, "by" source',
    columns: [
      { key: 'source', label: 'Source' },
      { key: 'count', label: 'Count', numeric: true },
      { key: 'comment', label: 'Comment' },
    ],
    rows: [
      { source: 'Officer, "walk-in"', count: -2, comment: HOSTILE },
      { source: 'Self', count: null, comment: '@SUM(A1)' },
    ],
  },
];

const meta: ReportMeta = {
  program: 'Anytown Deflection',
  period: '2024-01-01 to 2024-06-30',
  generated: new Date('2024-07-01T12:34:56.789Z'),
  synthetic: true,
  filters: 'agency: North',
};

/** What the CSV holds for a cell, before the formula guard. */
function csvText(v: unknown): string {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/** Undoes csvCell's formula guard (the leading ' it puts before = + - @ tab CR). */
const unguard = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

interface LongRow {
  table: string;
  table_title: string;
  row: string;
  column: string;
  value: string;
}

function parseLong(csv: string): LongRow[] {
  const parsed = Papa.parse<LongRow>(csv, { header: true, newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual(['table', 'table_title', 'row', 'column', 'value']);
  return parsed.data;
}

/** Any text, and text made of the characters CSV quoting and the formula guard care about. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', "'", '\r', '\n', '\t', '=', '+', '-', '@') }),
);

describe('bundleCsv', () => {
  it('writes every table in long form, after the about rows', () => {
    expect(bundleCsv(tables, meta)).toBe(
      [
        'table,table_title,row,column,value',
        'about,About this download,1,program,Anytown Deflection',
        'about,About this download,2,period,2024-01-01 to 2024-06-30',
        'about,About this download,3,generated,2024-07-01T12:34:56.789Z',
        'about,About this download,4,synthetic,yes',
        'about,About this download,5,filters,agency: North',
        'referrals,Referrals by month,1,Month,2024-01-01',
        'referrals,Referrals by month,1,Referrals,12345',
        'referrals,Referrals by month,1,Rate,0.25',
        'referrals,Referrals by month,2,Month,2024-02-01',
        'referrals,Referrals by month,2,Referrals,0',
        'referrals,Referrals by month,2,Rate,N/A',
        'contacts,"Contacts, ""by"" source",1,Source,"Officer, ""walk-in"""',
        'contacts,"Contacts, ""by"" source",1,Count,-2',
        'contacts,"Contacts, ""by"" source",1,Comment,"\'=HYPERLINK(""http://evil.example"",""click"")"',
        'contacts,"Contacts, ""by"" source",2,Source,Self',
        'contacts,"Contacts, ""by"" source",2,Count,',
        "contacts,\"Contacts, \"\"by\"\" source\",2,Comment,'@SUM(A1)",
        '',
      ].join('\r\n'),
    );
  });

  it('says no synthetic sample and no filters when there are none', () => {
    const csv = bundleCsv([], { ...meta, synthetic: false, filters: undefined });
    expect(csv.split('\r\n').slice(4)).toEqual(['about,About this download,4,synthetic,no', 'about,About this download,5,filters,', '']);
  });

  it('parses back to every cell of every table', () => {
    const rows = parseLong(bundleCsv(tables, meta));
    const about = Object.fromEntries(rows.filter((r) => r.table === 'about').map((r) => [r.column, r.value]));
    expect(about).toEqual({ program: meta.program, period: meta.period, generated: meta.generated.toISOString(), synthetic: 'yes', filters: meta.filters });

    for (const t of tables) {
      const own = rows.filter((r) => r.table === t.id);
      expect(own).toHaveLength(t.rows.length * t.columns.length);
      expect(new Set(own.map((r) => r.table_title))).toEqual(new Set([t.title]));
      const rebuilt = t.rows.map((_, i) =>
        Object.fromEntries(own.filter((r) => r.row === String(i + 1)).map((r) => [r.column, unguard(r.value)])),
      );
      const expected = t.rows.map((r) => Object.fromEntries(t.columns.map((c) => [c.label, csvText(r[c.key])])));
      expect(rebuilt).toEqual(expected);
    }
    // The hostile text comes back as the literal characters, behind the guard in the file itself.
    expect(rows.find((r) => r.column === 'Comment' && r.row === '1')?.value).toBe(`'${HOSTILE}`);
  });

  it('round-trips any text through a CSV reader', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyText, anyText), { maxLength: 5 }), anyText, anyText, (cells, title, label) => {
        // Text that already starts with ' and a formula character reads back without the ' (the
        // guard's one ambiguity, shared by every CSV the app writes).
        fc.pre([title, label, ...cells.flat()].every((s) => !/^'[=+\-@\t\r]/.test(s)));
        const t: ReportTable = { id: 't', title, columns: [{ key: 'a', label }, { key: 'b', label: 'B' }], rows: cells.map(([a, b]) => ({ a, b })) };
        const rows = parseLong(bundleCsv([t], meta)).filter((r) => r.table === 't');
        expect(rows.map((r) => [r.row, unguard(r.column), unguard(r.value)])).toEqual(
          cells.flatMap(([a, b], i) => [[String(i + 1), label, a], [String(i + 1), 'B', b]]),
        );
        expect(rows.every((r) => unguard(r.table_title) === title)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses table ids that would make rows ambiguous', () => {
    const t = tables[0]!;
    expect(() => bundleCsv([{ ...t, id: 'about' }], meta)).toThrow(/reserved/);
    expect(() => bundleCsv([t, t], meta)).toThrow(/two tables/);
  });
});

type Read = Awaited<ReturnType<typeof readXlsxFile>>;

async function readBack(ts: ReportTable[], m: ReportMeta = meta): Promise<Read> {
  const blob = await workbook(ts, m);
  expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return readXlsxFile(Buffer.from(await blob.arrayBuffer()), { trim: false });
}

describe('workbook', () => {
  it('writes an About sheet and one sheet per table that read back with their types', async () => {
    const book = await readBack(tables);
    expect(book.map((s) => s.sheet)).toEqual(['About', 'referrals', 'contacts']);

    const about = book[0]!.data;
    const field = (name: string) => about.find((r) => r[0] === name)?.[1];
    expect(field('Program')).toBe('Anytown Deflection');
    expect(field('Period')).toBe('2024-01-01 to 2024-06-30');
    expect(field('Generated')).toBe('2024-07-01T12:34:56.789Z');
    expect(field('Synthetic sample')).toBe('yes');
    expect(field('Filters')).toBe('agency: North');
    const listed = about.slice(about.findIndex((r) => r[0] === 'Sheet') + 1);
    expect(listed).toEqual([
      ['referrals', 'Referrals by month', 'Referrals received in the month; excludes duplicates.'],
      ['contacts', 'Contacts, "by" source', null],
    ]);

    const [, referrals, contacts] = book;
    expect(referrals!.data).toHaveLength(3);
    expect(referrals!.data[0]).toEqual(['Month', 'Referrals', 'Rate']);
    const [month, count, rate] = referrals!.data[1]!;
    expect(month).toBeInstanceOf(Date);
    expect((month as unknown as Date).toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(count).toBe(12345);
    expect(typeof count).toBe('number');
    expect(rate).toBe(0.25);
    expect(referrals!.data[2]!.slice(1)).toEqual([0, 'N/A']);
    expect((referrals!.data[2]![0] as unknown as Date).toISOString()).toBe('2024-02-01T00:00:00.000Z');

    expect(contacts!.data).toEqual([
      ['Source', 'Count', 'Comment'],
      ['Officer, "walk-in"', -2, HOSTILE],
      ['Self', null, '@SUM(A1)'],
    ]);
  });

  it('gives the library typed cells: bold headers, dates with a format, text that is never a formula', () => {
    const sheets = workbookSheets(tables, meta);
    expect(sheets.map((s) => s.sheet)).toEqual(['About', 'referrals', 'contacts']);
    const [, referrals, contacts] = sheets;
    expect(referrals!.data[0]).toEqual([
      { value: 'Month', type: String, fontWeight: 'bold' },
      { value: 'Referrals', type: String, fontWeight: 'bold' },
      { value: 'Rate', type: String, fontWeight: 'bold' },
    ]);
    expect(referrals!.data[1]).toEqual([
      { value: new Date('2024-01-01T00:00:00Z'), type: Date, format: 'yyyy-mm-dd' },
      { value: 12345, type: Number },
      { value: 0.25, type: Number },
    ]);
    expect(referrals!.data[2]![2]).toEqual({ value: 'N/A', type: String });
    expect(contacts!.data[1]![2]).toEqual({ value: HOSTILE, type: String, format: '@' });
    expect(contacts!.data[2]![1]).toBeNull();
    expect(JSON.stringify(sheets)).not.toContain('Formula');
    for (const s of sheets.slice(1)) {
      expect(s.stickyRowsCount).toBe(1);
      expect(s.columns).toHaveLength((s.data[0] ?? []).length);
      for (const c of s.columns) expect(c.width).toBeGreaterThanOrEqual(8);
      for (const c of s.columns) expect(c.width).toBeLessThanOrEqual(60);
    }
    // Wide enough for the longest cell: "Officer, "walk-in"" is 18 characters.
    expect(contacts!.columns[0]!.width).toBeGreaterThanOrEqual(18);
  });

  it('keeps text that looks like a formula, number or date as literal text', async () => {
    const odd = ['+1', '-2', '@x', '\tx', '\rx', '=1+1', '0012', '2024-01-01', ' padded '];
    const t: ReportTable = { id: 'odd', title: 'Odd', columns: [{ key: 'v', label: 'Value' }], rows: odd.map((v) => ({ v })) };
    const book = await readBack([t]);
    expect(book[1]!.data.slice(1).map((r) => r[0])).toEqual(odd);
  });

  it('names 40 sheets uniquely and validly, whatever the ids and titles', async () => {
    const long = 'Placements into treatment within thirty days of first contact';
    const specs: [string, string][] = [
      ['About', 'About'],
      ['about', 'Clashes with the About sheet'],
      ['History', 'Reserved by Excel'],
      ['', ''],
      ['', 'Title only: [a/b]*?'],
      ["'quoted'", 'Apostrophes'],
      ['a'.repeat(30) + '😀x', 'Astral character at the cut'],
      ['tab\there\nand newline', 'Control characters'],
      ['x & <y>', 'XML characters'],
    ];
    for (let i = 0; specs.length < 40; i++) {
      const kind = i % 4;
      specs.push(
        kind === 0 ? [long, long] // the same long id again and again
          : kind === 1 ? [`${long.toUpperCase()} ${i}`, long] // differs only past 31 characters
            : kind === 2 ? [`rate/[${i % 3}]:*?\\`, 'Forbidden characters'] // collide once cleaned
              : ['Same', 'same'],
      );
    }
    const many: ReportTable[] = specs.map(([id, title], i) => ({
      id,
      title,
      columns: [{ key: 'n', label: 'n' }],
      rows: [{ n: i }],
    }));

    const names = sheetNames(many);
    expect(names).toHaveLength(40);
    const all = ['About', ...names];
    expect(new Set(all.map((n) => n.toLowerCase())).size).toBe(41);
    for (const n of all) {
      expect(n.length).toBeGreaterThan(0);
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
      expect(n).not.toMatch(/^'|'$/);
      expect(n).not.toMatch(/[\u0000-\u001f]/);
      expect(n).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/); // no half of a surrogate pair
      expect(n.toLowerCase()).not.toBe('history');
    }
    expect(names.slice(0, 9)).toEqual([
      'About (2)',
      'about (3)',
      'History (2)',
      'Table 4',
      'Title only_ _a_b___',
      'quoted',
      'a'.repeat(30),
      'tab here and newline',
      'x & <y>',
    ]);

    const book = await readBack(many);
    expect(book.map((s) => s.sheet)).toEqual(all);
    // Each sheet holds its own table.
    expect(book.slice(1).map((s) => s.data[1]?.[0])).toEqual(many.map((_, i) => i));
  });
});

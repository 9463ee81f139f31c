import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Snapshot, SnapshotTable } from '../../../src/snapshot/snapshotFormat.ts';
import { pickColumn, tableById, validate } from '../../../src/public/snapshot.ts';

const FIXTURE = 'tests/fixtures/snapshot';
const read = (dir: string) => JSON.parse(readFileSync(`${dir}/snapshot.json`, 'utf8')) as Snapshot;
const csvOf = (t: SnapshotTable) => [
  [t.rowKey, ...t.columns],
  ...t.rows.map((r) => [r.key, ...t.columns.map((c) => String(r.cells[c]))]),
  ...(t.total ? [['total', ...t.columns.map((c) => String(t.total![c]))]] : []),
].map((r) => r.join(',')).join('\r\n') + '\r\n';

/** The fixture is written in the builder's format (src/snapshot/build.ts: its column ids, CRLF CSVs
 *  with a total row) so the page's tests see what `npm run snapshot` writes. */
describe('the hand-made snapshot fixture (synthetic Harbor Point)', () => {
  const s = read(FIXTURE);

  it('has the shape the page reads, every table, and is marked synthetic', () => {
    expect(validate(s)).toBe(s);
    expect(s.program.synthetic).toBe(true);
    expect(s.tables.map((t) => t.id).sort()).toEqual(['costs_by_year', 'crime_by_year', 'overdoses_by_year', 'people_by_age_band',
      'people_by_residence', 'people_by_year', 'placements_by_treatment', 'time_to_placement']);
  });

  it('has one CSV per table with the same cells', () => {
    for (const t of s.tables) expect(readFileSync(`${FIXTURE}/${t.id}.csv`, 'utf8'), t.id).toBe(csvOf(t));
  });

  it('follows the suppression rules: no published count of 1-10; published totals add up; a hidden cell never alone in a row or column with a total', () => {
    const all = s.tables.flatMap((t) => [...t.rows.map((r) => r.cells), ...(t.total ? [t.total] : [])].flatMap((c) => Object.entries(c)));
    const counts = all.filter(([col, v]) => typeof v === 'number' && !/hours|share|spend|cost|months/.test(col)).map(([, v]) => v as number);
    expect(counts.filter((v) => v >= s.rules.suppressMin && v <= s.rules.suppressMax)).toEqual([]);
    expect(all.some(([, v]) => v === 'suppressed') && all.some(([, v]) => v === 'n/a')).toBe(true);
    for (const t of s.tables.filter((x) => x.total && x.id !== 'people_by_year' && x.id !== 'costs_by_year')) {
      for (const c of t.columns) {
        const cells = t.rows.map((r) => r.cells[c]);
        const hidden = cells.filter((v) => v === 'suppressed').length;
        expect(hidden === 0 || hidden >= 2, `${t.id}.${c}`).toBe(true);
        if (hidden === 0) expect(cells.reduce<number>((a, v) => a + (v as number), 0), `${t.id}.${c}`).toBe(t.total![c]);
      }
      if (t.columns.includes('total')) {
        for (const r of t.rows) expect(Object.values(r.cells).filter((v) => v === 'suppressed').length, r.key).not.toBe(1);
      }
    }
  });
});

describe('the published snapshot in data/snapshot (placeholder or builder output)', () => {
  it('is one the page can read, with a CSV for every table', () => {
    const s = read('data/snapshot');
    expect(validate(s)).toBe(s);
    for (const t of s.tables) expect(existsSync(`data/snapshot/${t.id}.csv`), t.id).toBe(true);
  });
});

describe('reading a snapshot', () => {
  const s = read(FIXTURE);
  it('refuses another format version and malformed cells', () => {
    expect(validate({ ...s, version: 2 })).toBe('version');
    expect(validate({ ...s, version: '1' })).toBeNull();
    expect(validate(null)).toBeNull();
    const bad = structuredClone(s);
    (bad.tables[0]!.rows[0]!.cells as Record<string, unknown>).people = '7';
    expect(validate(bad)).toBeNull();
    const missing = structuredClone(s);
    delete (missing.tables[0]!.rows[0]!.cells as Record<string, unknown>).people;
    expect(validate(missing)).toBeNull();
  });

  it('charts the preferred column when the table has it, else the first (or last)', () => {
    const t = tableById(s, 'placements_by_treatment')!;
    expect(pickColumn(t, ['total'], 'last')).toBe('total');
    expect(pickColumn(t, ['nope'], 'last')).toBe(t.columns.at(-1));
    expect(pickColumn(t, ['nope'])).toBe(t.columns[0]);
  });
});

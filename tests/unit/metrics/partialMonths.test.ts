import { describe, expect, it } from 'vitest';
import { fitIts } from '../../../src/analysis/its.ts';
import { crimeSeries } from '../../../src/metrics/crime.ts';
import { runQuery } from '../../../src/metrics/query.ts';
import { loadPath, PUBLIC, tempFile, testDb } from '../../helpers/node.ts';
import { readProgram } from '../../../src/metrics/records.ts';
import { encounterSpans } from '../../../src/metrics/programCoverage.ts';
import { crimeSpans, leftOutNote, partialMonths, partialMonthsBySeries, partialNote, quietDays, quietDaysSql, withoutPartial, type Span } from '../../../src/metrics/partialMonths.ts';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const span = (first: string, last: string, days?: number): Span => {
  const length = (d(last).getTime() - d(first).getTime()) / 86_400_000 + 1;
  return { first: d(first), last: d(last), days: days ?? length };
};

describe('the partial-month rule', () => {
  it('a file with records on every day of whole months has no partial month', () => {
    expect(partialMonths([span('2024-01-01', '2024-03-31')])).toEqual([]);
    expect(quietDays(span('2024-01-01', '2024-03-31'))).toBe(0);
  });

  it('a daily file that ends on the 12th makes that month partial, named by its last day', () => {
    const p = partialMonths([span('2024-01-01', '2024-03-12')]);
    expect(p).toEqual([{ month: '2024-03', from: d('2024-03-01'), to: d('2024-03-12'), start: false, end: true }]);
    expect(partialNote(p[0]!)).toBe('data end on 12 March 2024');
    expect(leftOutNote(p[0]!)).toBe('March 2024 left out: the file covers it only to the 12th');
  });

  it('a file that starts on the 15th makes its first month partial', () => {
    const p = partialMonths([span('2024-01-15', '2024-04-30')]);
    expect(p.map((x) => [x.month, x.start, x.end])).toEqual([['2024-01', true, false]]);
    expect(partialNote(p[0]!)).toBe('data start on 15 January 2024');
    expect(leftOutNote(p[0]!)).toBe('January 2024 left out: the file covers it only from the 15th');
  });

  it('a sparse small-town file ending on the 29th is whole: two quiet days are likely at its rate', () => {
    // 1 Jan 2023 – 29 Mar 2024 is 454 days; records on 180 of them (40%): up to 5 quiet days are explained.
    const town = span('2023-01-01', '2024-03-29', 180);
    expect(quietDays(town)).toBe(5);
    expect(partialMonths([town])).toEqual([]);
    // The same town's file ending on the 12th is partial.
    expect(partialMonths([span('2023-01-01', '2024-03-12', 175)]).map((x) => x.month)).toEqual(['2024-03']);
    // A city file with records on every day ending on the 29th is partial: no quiet day is likely.
    expect(partialMonths([span('2023-01-01', '2024-03-29')]).map((x) => x.month)).toEqual(['2024-03']);
  });

  it('a month one file ends in and the next file covers is whole; series are kept apart', () => {
    const rows = [
      { series: 'a', file: '2023.csv', ...span('2023-01-01', '2023-12-31') },
      { series: 'a', file: '2024.csv', ...span('2024-01-01', '2024-02-10') },
      { series: 'b', file: 'b.csv', ...span('2023-06-20', '2023-12-31') },
    ];
    const by = partialMonthsBySeries(rows);
    expect([...by.get('a')!.keys()]).toEqual(['2024-02']);
    expect([...by.get('b')!.keys()]).toEqual(['2023-06']);
  });
});

describe('the impact model leaves partial months out', () => {
  // 36 months of a steady seasonal series, launch in month 19; the last month ends on the 12th and
  // so holds about 12/31 of a month's offenses.
  const months = Array.from({ length: 36 }, (_, i) => `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  const counts: (number | null)[] = months.map((_, i) => Math.round(60 + 8 * Math.sin((2 * Math.PI * i) / 12) - (i >= 18 ? 6 : 0) + ((i * 7) % 5)));
  counts[35] = Math.round(counts[35]! * 12 / 31);
  const partial = new Map(partialMonths([span('2021-01-01', '2023-12-12')]).map((p) => [p.month, p]));

  it('sets the partial month aside, names it, and the fit changes', () => {
    expect([...partial.keys()]).toEqual(['2023-12']);
    const { counts: kept, left } = withoutPartial(months, counts, partial);
    expect(kept[35]).toBeNull();
    expect(kept.slice(0, 35)).toEqual(counts.slice(0, 35));
    expect(left.map(leftOutNote)).toEqual(['December 2023 left out: the file covers it only to the 12th']);
    const all = fitIts({ months, counts, launch: '2022-07' });
    const whole = fitIts({ months, counts: kept, launch: '2022-07' });
    expect(whole.nPost).toBe(all.nPost - 1);
    const slope = (r: typeof all) => r.model!.coefficients.find((c) => c.name === 'time_since_launch')!.estimate;
    expect(slope(whole)).not.toBeCloseTo(slope(all), 3);
    // The partial month drags the fitted change down; without it the estimate is less negative.
    expect(whole.model!.effect.percent).toBeGreaterThan(all.model!.effect.percent);
  });
});

describe('spans from loaded files', () => {
  it('an incident file ending on the 12th: its series (as crime_facts names it) has that month partial', async () => {
    const t = await testDb();
    const days: string[] = [];
    for (let x = Date.UTC(2023, 0, 1); x <= Date.UTC(2024, 2, 12); x += 86_400_000) days.push(new Date(x).toISOString().slice(0, 10));
    await loadPath(t, tempFile('ends-12th.csv', ['incident number,date,offense', ...days.map((day, i) => `E${i},${day},Shoplifting`)].join('\n')));
    const spans = await runQuery(t.conn, crimeSpans());
    const series = await runQuery(t.conn, crimeSeries());
    expect(spans.map((s) => s.series)).toEqual(series.map((s) => s.series));
    expect(spans[0]).toMatchObject({ first: d('2023-01-01'), last: d('2024-03-12'), days: days.length });
    const p = partialMonthsBySeries(spans).get(series[0]!.series)!;
    expect([...p.values()].map(partialNote)).toEqual(['data end on 12 March 2024']);
  }, 60_000);
});

describe('a program export taken mid-month', () => {
  it('its last month is partial (every other day from 2 October has an encounter, so October is whole; the export ends on 12 March 2024)', async () => {
    const t = await testDb();
    const rows: string[] = [];
    let i = 0;
    for (let x = Date.UTC(2023, 9, 2); x <= Date.UTC(2024, 2, 12); x += 2 * 86_400_000) {
      rows.push(`E${++i},P-${i % 40},${new Date(x).toISOString().slice(0, 10)} 10:00,Harbor Point PD,self-referral,yes,,yes,,none`);
    }
    await loadPath(t, tempFile('export.csv', ['encounter_id,participant_id,encounter_date,agency,pathway,eligible,ineligible_reason,placement_offered,placement_date,treatment_type', ...rows].join('\n')));
    const spans = encounterSpans(await readProgram(t.conn));
    expect(spans).toHaveLength(1);
    expect(quietDays(spans[0]!)).toBe(4); // half the days: 4 quiet days in a row still have a 6% chance
    const p = partialMonthsBySeries(spans).get('encounters')!;
    expect([...p.values()].map(partialNote)).toEqual(['data end on 12 March 2024']);
  }, 60_000);
});

describe('the rule in SQL', () => {
  it('quietDaysSql gives what quietDays gives', async () => {
    const t = await testDb();
    const cases: Span[] = [span('2024-01-01', '2024-03-31'), span('2023-01-01', '2024-03-29', 180), span('2023-10-02', '2024-03-12', 82),
      span('2024-01-01', '2024-12-31', 20), span('2024-05-05', '2024-05-05'), span('2020-01-01', '2020-12-31', 365)];
    for (const c of cases) {
      const sql = quietDaysSql(String(c.days), `DATE '${c.first.toISOString().slice(0, 10)}'`, `DATE '${c.last.toISOString().slice(0, 10)}'`);
      const [row] = await t.conn.query<{ q: number }>(`SELECT ${sql} AS q`);
      expect(row!.q).toBe(quietDays(c));
    }
  }, 60_000);
});

describe('a real file', () => {
  it('Durham 2013 incidents stop on 22 November 2013 (a record on 326 of the 326 days): November is partial', async () => {
    const t = await testDb();
    await loadPath(t, PUBLIC + 'durham_nc_police_incidents_2013.csv');
    const spans = await runQuery(t.conn, crimeSpans());
    expect(spans).toEqual([expect.objectContaining({ first: d('2013-01-01'), last: d('2013-11-22'), days: 326 })]);
    expect(quietDays(spans[0]!)).toBe(0);
    expect([...partialMonthsBySeries(spans).get('incidents:durham_nc_police_incidents_2013.csv')!.values()].map(leftOutNote))
      .toEqual(['November 2013 left out: the file covers it only to the 22nd']);
  }, 60_000);
});

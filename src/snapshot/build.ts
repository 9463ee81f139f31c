import { utcDay, utcMonth } from 'd3-time';
import { percentOrNa, suppressGrid, suppressList } from './suppression.ts';
import type { Connection } from '../db/database.ts';
import { crimeByMonth, crimeSeries } from '../metrics/crime.ts';
import { localOverdosesByMonth } from '../metrics/overdoses.ts';
import { runQuery } from '../metrics/query.ts';
import { AGE_BANDS, ageBand, foldGroups, NOT_RECORDED, OTHER, residenceGroup, TOP_AGE_BAND } from './groups.ts';
import { peopleByLatest } from '../metrics/breakdowns.ts';
import { readProgram } from '../metrics/records.ts';
import { overallTotals, peopleByYear, placementsByTreatmentAndYear, placementTimesByYear, spendByYear } from './figures.ts';
import { snapshotCsv } from './snapshotCsv.ts';
import { SNAPSHOT_VERSION, type Cell, type ProgramPublicInfo, type Snapshot, type SnapshotTable } from './snapshotFormat.ts';

export const RULES = { suppressMin: 1, suppressMax: 10, minPercentBase: 30, topAgeBand: TOP_AGE_BAND } as const;

export interface SnapshotOutput {
  snapshot: Snapshot;
  /** snapshot.json and one CSV per table, as text: what "Publish" downloads and the CLI writes. */
  files: { name: string; text: string }[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round0 = (x: number) => Math.round(x);

/** An n×1 additive column, suppressed with its total. */
function column(values: number[]): { cells: Cell[]; total: Cell } {
  const s = suppressGrid({ values: values.map((v) => [v]) });
  return { cells: s.cells.map((r) => r[0]!), total: s.total };
}

/** Builds the public snapshot from the loaded tables: one code path for the app's Publish action
 *  (DuckDB-wasm) and `npm run snapshot` (native DuckDB). Only aggregates leave this function, and
 *  every count of people or encounters is suppressed first (snapshot/suppression.ts). */
export async function buildSnapshot(conn: Connection, program: ProgramPublicInfo, generated: Date): Promise<SnapshotOutput> {
  const p = await readProgram(conn);
  const all = overallTotals(p);
  if (!all.first || !all.last) throw new Error('No program encounters are loaded: a public snapshot needs the program’s encounter export.');
  const tables: SnapshotTable[] = [];

  // People and encounters by year. A year with any count of 1-10 (people, encounters or people
  // placed; a small launch year, say) is published as a row of suppressed cells and left out of
  // every other year table: counts in one row bound each other (people placed <= people <=
  // encounters), so hiding one cell alone would not hide it. People are distinct per year (they
  // do not add up): their total is the distinct count over all years, and no encounter total is
  // published, so no hidden year can be worked out by subtraction.
  const years = peopleByYear(p);
  const small = (v: number) => v >= RULES.suppressMin && v <= RULES.suppressMax;
  const hidden = new Set(years.filter((y) => small(y.people) || small(y.encounters) || small(y.peoplePlaced)).map((y) => y.year));
  const shown = years.filter((y) => !hidden.has(y.year));
  const [peopleTotal] = suppressList([all.people]);
  tables.push({
    id: 'people_by_year', rowKey: 'year', columns: ['people', 'encounters', 'people_placed'],
    rows: years.map((y) => ({ key: String(y.year), cells: hidden.has(y.year)
      ? { people: 'suppressed', encounters: 'suppressed', people_placed: 'suppressed' }
      : { people: y.people, encounters: y.encounters, people_placed: y.peoplePlaced } })),
    total: { people: peopleTotal!, encounters: 'n/a', people_placed: 'n/a' },
  });

  // Placements by treatment type and year (the years not hidden above), a complete additive grid
  // with its margins; the totals are over the years shown.
  const ty = placementsByTreatmentAndYear(p).filter((r) => !hidden.has(r.year));
  const yearKeys = shown.map((y) => y.year);
  const treatments = [...new Set(ty.map((r) => r.treatment))];
  if (yearKeys.length > 0) {
    const grid = treatments.map((t) => yearKeys.map((y) => ty.find((r) => r.treatment === t && r.year === y)!.placements));
    const g = suppressGrid({ values: grid });
    tables.push({
      id: 'placements_by_treatment', rowKey: 'treatment_type', columns: [...yearKeys.map(String), 'total'],
      rows: treatments.map((t, i) => ({ key: t, cells: { ...Object.fromEntries(yearKeys.map((y, j) => [String(y), g.cells[i]![j]!])), total: g.rowTotals[i]! } })),
      total: { ...Object.fromEntries(yearKeys.map((y, j) => [String(y), g.colTotals[j]!])), total: g.total },
    });
  }

  // Time to placement: a median or a share only where at least 30 placements stand behind it, and
  // a share only where neither the placements within 24 hours nor those after are 1-10 (the share
  // times the year's placements, published above, would give the count back).
  const times = placementTimesByYear(p).filter((t) => !hidden.has(t.year));
  tables.push({
    id: 'time_to_placement', rowKey: 'year', columns: ['median_hours', 'share_within_24h'],
    rows: times.map((t) => {
      const share = small(t.within24) || small(t.placed - t.within24) ? 'n/a' : percentOrNa(t.within24, t.placed, RULES.minPercentBase);
      return { key: String(t.year), cells: {
        median_hours: t.placed >= RULES.minPercentBase && t.medianHours != null ? round1(t.medianHours) : 'n/a',
        share_within_24h: typeof share === 'number' ? round1(share * 100) : 'n/a',
      } };
    }),
  });

  // Costs: public money, not suppressed; per person placed only where that count is published
  // (otherwise spend divided by it would give the suppressed count back).
  const spend = spendByYear(p);
  if (spend.length > 0) {
    tables.push({
      id: 'costs_by_year', rowKey: 'year', columns: ['spend', 'cost_per_person_placed'],
      rows: spend.map((s) => {
        const y = shown.find((x) => x.year === s.year);
        return { key: String(s.year), cells: { spend: round0(s.spend), cost_per_person_placed: y && y.peoplePlaced > 0 ? round0(s.spend / y.peoplePlaced) : 'n/a' } };
      }),
    });
  }

  // People by age band and by residence, each person once (their latest encounter), additive.
  for (const [id, expr, group, order] of [
    ['people_by_age_band', 'age_band', ageBand, AGE_BANDS],
    ['people_by_residence', 'residence', residenceGroup, []],
  ] as const) {
    let folded = foldGroups(peopleByLatest(p, expr), group, order);
    // A residence shared by 1-10 people is not named at all: it joins "other".
    if (id === 'people_by_residence') folded = foldGroups(folded.map((f) => ({ value: f.key, people: f.people })), (v) => (folded.find((f) => f.key === v)!.people <= RULES.suppressMax && ![NOT_RECORDED, OTHER].includes(v!) ? OTHER : v!));
    const c = column(folded.map((f) => f.people));
    tables.push({ id, rowKey: expr, columns: ['people'], rows: folded.map((f, i) => ({ key: f.key, cells: { people: c.cells[i]! } })), total: { people: c.total } });
  }
  // The same people total appears in three tables: it must be published in all or none.
  const peopleTotals = tables.filter((t) => t.total && 'people' in t.total).map((t) => t.total!.people);
  if (new Set(peopleTotals).size !== 1) throw new Error('The people total was suppressed in one table and not another; the snapshot was not written.');

  tables.push(...await contextTables(conn));
  const snapshot: Snapshot = {
    version: SNAPSHOT_VERSION, generated: generated.toISOString(),
    // Whole months only: the exact first or last day would be the date of one person's encounter.
    coverage: { from: monthStart(all.first), to: monthEnd(all.last) }, program, tables, rules: { ...RULES },
  };
  return { snapshot, files: [{ name: 'snapshot.json', text: `${JSON.stringify(snapshot, null, 1)}\n` }, ...tables.map((t) => ({ name: `${t.id}.csv`, text: snapshotCsv(t) }))] };
}

const monthStart = (d: Date) => `${d.toISOString().slice(0, 7)}-01`;
const monthEnd = (d: Date) => utcDay.offset(utcMonth.offset(utcMonth.floor(d), 1), -1).toISOString().slice(0, 10);

/** Public crime and overdose counts by year, for context. They are already public, but overdose
 *  counts are about people, so counts of 1-10 are suppressed there too. A year with a month the
 *  source did not report has no total. */
async function contextTables(conn: Connection): Promise<SnapshotTable[]> {
  const out: SnapshotTable[] = [];
  const series = await runQuery(conn, crimeSeries());
  const main = series.find((s) => s.source === 'incidents') ?? series[0];
  if (main) {
    const months = await runQuery(conn, crimeByMonth(main.series, null));
    const byYear = yearly(months.map((m) => ({ year: m.month.getUTCFullYear(), v: m.count })));
    out.push({ id: 'crime_by_year', rowKey: 'year', columns: ['offenses', 'months_reported'],
      rows: byYear.map((y) => ({ key: String(y.year), cells: { offenses: y.complete ? y.sum : 'n/a', months_reported: y.reported } })) });
  }
  const local = await runQuery(conn, localOverdosesByMonth());
  const name = local[0]?.series;
  if (name) {
    const rows = local.filter((r) => r.series === name);
    const total = yearly(rows.map((r) => ({ year: r.month.getUTCFullYear(), v: r.total })));
    const fatal = yearly(rows.map((r) => ({ year: r.month.getUTCFullYear(), v: r.fatal })));
    // Overdoses and fatal ones, per complete year, suppressed as a table (fatal, nonfatal, total),
    // so that neither the fatal nor the nonfatal count of 1-10 can be had by subtraction.
    const complete = total.map((y, i) => y.complete && fatal[i]!.complete);
    const idx = total.map((_, i) => i).filter((i) => complete[i]);
    const g = idx.length ? suppressGrid({ values: idx.map((i) => [fatal[i]!.sum, total[i]!.sum - fatal[i]!.sum]) }) : null;
    out.push({ id: 'overdoses_by_year', rowKey: 'year', columns: ['overdoses', 'fatal', 'months_reported'],
      rows: total.map((y, i) => {
        const k = idx.indexOf(i);
        return { key: String(y.year), cells: {
          overdoses: k >= 0 ? g!.rowTotals[k]! : 'n/a', fatal: k >= 0 ? g!.cells[k]![0]! : 'n/a', months_reported: y.reported } };
      }) });
  }
  return out;
}

function yearly(months: { year: number; v: number | null }[]): { year: number; sum: number; reported: number; complete: boolean }[] {
  const m = new Map<number, { sum: number; reported: number; n: number }>();
  for (const x of months) {
    const e = m.get(x.year) ?? { sum: 0, reported: 0, n: 0 };
    e.n++;
    if (x.v != null) { e.sum += x.v; e.reported++; }
    m.set(x.year, e);
  }
  return [...m].sort(([a], [b]) => a - b).map(([year, e]) => ({ year, sum: e.sum, reported: e.reported, complete: e.reported === 12 }));
}

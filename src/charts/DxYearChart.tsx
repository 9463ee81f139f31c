import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { fmt } from '../components/format.ts';
import type { DxYear } from '../metrics/nonfatal.ts';
import type { Column } from '../components/DataTable.tsx';
import { ChartFrame } from './ChartFrame.tsx';
import { labelGroups } from './marks.ts';

const SETTINGS = ['ED visits', 'Hospitalisations'];
const int = (v: unknown) => (v == null ? '—' : fmt.int(v as number));
const rate = (v: unknown) => (v == null ? '—' : fmt.num1(v as number));

/** The data-table columns of DX figures after their period (a year, or a month): ED visits and
 *  hospitalisations, each a count and a rate, and why any is withheld. */
export const DX_FIGURE_COLUMNS: Column[] = [
  { key: 'edCount', label: 'ED visits', numeric: true, format: int },
  { key: 'edRate', label: 'ED visits per 100,000 residents', numeric: true, format: rate },
  { key: 'hospCount', label: 'Hospitalisations', numeric: true, format: int },
  { key: 'hospRate', label: 'Hospitalisations per 100,000 residents', numeric: true, format: rate },
  { key: 'note', label: 'Withheld', format: (v) => (v == null ? '' : String(v)) },
];

/** Nonfatal overdoses per year from discharge data (CDC DOSE-DX): emergency-department visits and
 *  inpatient hospitalisations side by side, never added together. A year is a bar of its own: the
 *  figures are yearly and are not spread over months. */
export function DxYearChart({ rows, place, drug }: { rows: DxYear[]; place: string; drug: string }) {
  const long = useMemo(() => rows.flatMap((r) => [
    { year: String(r.year), setting: SETTINGS[0]!, count: r.edCount },
    { year: String(r.year), setting: SETTINGS[1]!, count: r.hospCount },
  ]), [rows]);
  const render = useCallback((width: number) => labelGroups(Plot.plot({
    width, height: 260, marginTop: 28, marginLeft: 56,
    fx: { label: null },
    x: { axis: null, domain: SETTINGS },
    y: { grid: true, label: 'nonfatal overdoses per year' },
    color: { legend: true, domain: SETTINGS, range: ['#1f4e79', '#e08a2c'] },
    marks: [
      Plot.barY(long, { fx: 'year', x: 'setting', y: 'count', fill: 'setting', tip: true,
        title: (d: { year: string; setting: string; count: number | null }) => `${d.year}, ${d.setting.toLowerCase()}: ${d.count == null ? 'withheld' : fmt.int(d.count)}` }),
      Plot.ruleY([0]),
    ],
  })), [long]);
  return (
    <ChartFrame testId="chart-dx-years" title={`Nonfatal overdoses treated in hospital, ${drug}: ${place}`}
      description={`Bars: nonfatal ${drug} overdose emergency-department visits (blue) and inpatient hospitalisations (orange), each year.`}
      definition="CDC DOSE discharge data (DOSE-DX): hospital billing records coded as a nonfatal overdose. ED visits and hospitalisations are separate records of separate stays and are never added. Counts of 1–9 and rates based on fewer than 20 overdoses are withheld (suppressed); fentanyl before October 2020 and methamphetamine before October 2022 had no diagnosis code (not available). A withheld year has no bar; it is not zero. Rates are per 100,000 residents."
      rows={rows} render={render} fileName="nonfatal-overdoses-by-year"
      columns={[{ key: 'year', label: 'Year', format: (v) => String(v) }, ...DX_FIGURE_COLUMNS]} />
  );
}

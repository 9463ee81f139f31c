import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { fmt } from '../components/format.ts';
import { DEATH_GROUP_LABELS, type DeathMonth } from '../metrics/overdoses.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { labelGroups, midMonth, nextMonth } from './marks.ts';

const COLORS: Record<string, string> = {
  opioid: '#1f4e79', fentanyl: '#c0392b', heroin: '#8e44ad', cocaine: '#e08a2c',
  methamphetamine: '#16a085', benzodiazepine: '#7f8c8d', alcohol: '#b7950b', other: '#5d6d7e',
};

/** Overdose deaths per month from death records (grey bars) with the deaths involving each
 *  substance group (lines). The groups overlap, so the lines are never stacked or added. */
export function DeathSubstanceChart({ rows, groups, place, base }: { rows: DeathMonth[]; groups: string[]; place: string; base: string }) {
  const long = useMemo(() => rows.flatMap((r) => groups.map((g) => ({ month: r.month, group: DEATH_GROUP_LABELS[g] ?? g, n: r[g] as number }))), [rows, groups]);
  const render = useCallback((width: number) => labelGroups(Plot.plot({
    width, height: 280, marginTop: 28, marginLeft: 44,
    x: { type: 'utc', label: null },
    y: { grid: true, label: 'deaths per month' },
    color: { legend: true, domain: groups.map((g) => DEATH_GROUP_LABELS[g] ?? g), range: groups.map((g) => COLORS[g] ?? '#333') },
    marks: [
      Plot.rectY(rows, { x1: 'month', x2: (d: DeathMonth) => nextMonth(d.month), y: 'deaths', fill: '#d5dde6', inset: 0.5 }),
      Plot.lineY(long, { x: (d: { month: Date }) => midMonth(d.month), y: 'n', z: 'group', stroke: 'group', strokeWidth: 1.5 }),
      Plot.tip(rows, Plot.pointerX({ x: (d: DeathMonth) => midMonth(d.month), y: 'deaths',
        title: (d: DeathMonth) => [`${fmt.month(d.month)}`, `Deaths: ${fmt.int(d.deaths)}`,
          ...groups.map((g) => `${DEATH_GROUP_LABELS[g] ?? g}: ${fmt.int(d[g] as number)}`)].join('\n') })),
      Plot.ruleY([0]),
    ],
  })), [rows, long, groups]);
  return (
    <ChartFrame testId="chart-death-records"
      title={`Overdose deaths per month by substance: ${place}`}
      description={`Grey bars: ${base}. Lines: those deaths in which each substance group was found.`}
      definition="From the medical examiner's death records, one row per death. A death can involve several substances, so the substance counts add up to more than the total; fentanyl and heroin deaths are counted among opioid deaths too. A month without a death in the place is zero. Single months are small: read trends over several months."
      rows={rows} render={render} fileName="overdose-deaths-by-substance"
      columns={[
        { key: 'month', label: 'Month', format: (v) => fmt.month(v as Date) },
        { key: 'deaths', label: 'Deaths', numeric: true },
        ...groups.map((g) => ({ key: g, label: DEATH_GROUP_LABELS[g] ?? g, numeric: true })),
      ]} />
  );
}

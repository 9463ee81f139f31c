import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import { fmt } from '../components/format.ts';
import type { FunnelStep } from '../metrics/funnel.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { labelGroups } from './marks.ts';

const COLUMNS = [
  { key: 'label', label: 'Step' },
  { key: 'count', label: 'Encounters', numeric: true },
  { key: 'baseLabel', label: 'Base (the step before)', format: (v: unknown) => (v == null ? '—' : String(v)) },
  { key: 'base', label: 'Base count', numeric: true },
  { key: 'share', label: '% of base', numeric: true, format: (v: unknown) => fmt.pct(v as number | null) },
  { key: 'shareOfEncounters', label: '% of all encounters', numeric: true, format: (v: unknown) => fmt.pct(v as number | null) },
  { key: 'unknown', label: 'Blank (unknown) at this step', numeric: true },
  { key: 'recorded', label: 'Recorded in the export', format: (v: unknown) => (v ? 'yes' : 'no: every encounter passes') },
];

/** The path from encounter to engagement: each bar is the encounters that reached that step. */
export function FunnelChart({ rows, loading }: { rows: FunnelStep[]; loading: boolean }) {
  const render = useCallback((width: number) => labelGroups(Plot.plot({
    width, height: 40 + rows.length * 44, marginLeft: 150, marginRight: 150,
    x: { grid: true, label: 'encounters', nice: true },
    y: { label: null, domain: rows.map((r) => r.label) },
    marks: [
      Plot.barX(rows, { x: 'count', y: 'label', fill: (d: FunnelStep) => (d.recorded ? '#1f4e79' : '#b8c2cc'),
        tip: true, title: (d: FunnelStep) => `${d.label}: ${fmt.int(d.count)} encounters${d.base != null ? `\n${fmt.pct(d.share)} of ${fmt.int(d.base)} (${d.baseLabel?.toLowerCase()})` : ''}${d.recorded ? '' : '\nNot recorded in the export'}` }),
      Plot.text(rows, { x: 'count', y: 'label', dx: 6, textAnchor: 'start', fontSize: 12,
        text: (d: FunnelStep) => `${fmt.int(d.count)}${d.share != null ? `  (${fmt.pct(d.share)} of ${d.baseLabel?.toLowerCase()})` : ''}${d.recorded ? '' : ' · not recorded'}` }),
      Plot.ruleX([0]),
    ],
  })), [rows]);
  return (
    <ChartFrame testId="chart-funnel" loading={loading}
      title="From encounter to engagement"
      description="Bars: encounters reaching each step, eligible, offered a placement, placed in treatment, and engaged 30 days later. Each percentage is of the step before."
      definition="An encounter counts at a step only if it passed every earlier step. Blank answers count as not passing and are listed in the table. A step the export does not record at all is grey and lets every encounter through."
      rows={rows} columns={COLUMNS} render={render} fileName="funnel" empty="No encounters match these filters." />
  );
}

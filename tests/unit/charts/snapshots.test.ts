// @vitest-environment jsdom
/** Every chart drawn from small fixture rows and compared with a stored file in __snapshots__/,
 *  as Observable Plot tests its own marks: a change to a chart shows up as a diff of its SVG (or,
 *  when Plot adds an HTML legend, of its figure). After an intended change, look at the diff and
 *  update the files with `npx vitest run --project unit tests/unit/charts -u`. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ComponentType } from 'react';
import { BreakdownChart } from '../../../src/charts/BreakdownChart.tsx';
import { ClaimChart } from '../../../src/charts/ClaimChart.tsx';
import { CrimeChart } from '../../../src/charts/CrimeChart.tsx';
import { CrimeTrendChart } from '../../../src/charts/CrimeTrendChart.tsx';
import { CumulativeCostChart } from '../../../src/charts/CumulativeCostChart.tsx';
import { DeathSubstanceChart } from '../../../src/charts/DeathSubstanceChart.tsx';
import { EncountersPeopleChart } from '../../../src/charts/EncountersPeopleChart.tsx';
import { FunnelChart } from '../../../src/charts/FunnelChart.tsx';
import { ImpactChart } from '../../../src/charts/ImpactChart.tsx';
import { MonthlyBarsChart } from '../../../src/charts/MonthlyBarsChart.tsx';
import { NaloxoneChart } from '../../../src/charts/NaloxoneChart.tsx';
import { OverdoseNaloxoneChart } from '../../../src/charts/OverdoseNaloxoneChart.tsx';
import { PlacementTimeTrendChart } from '../../../src/charts/PlacementTimeTrendChart.tsx';
import { PlacementsChart } from '../../../src/charts/PlacementsChart.tsx';
import { TwelveMonthChart } from '../../../src/charts/TwelveMonthChart.tsx';
import { fmt } from '../../../src/components/format.ts';
import type { MonthlyCost } from '../../../src/metrics/costs.ts';
import * as F from './fixtures.ts';
import { renderChart } from './render.ts';

beforeAll(() => {
  // jsdom has no layout: Plot's tip mark measures its text with getBBox (Plot's own tests stub it too).
  const proto = SVGElement.prototype as SVGElement & { getBBox?: () => DOMRect };
  proto.getBBox ??= () => ({ x: 0, y: 0, width: 0, height: 0 }) as DOMRect;
});

/** What a chart passes through to its frame (title, table columns, file name), the same for each. */
const frame = { title: 'Test chart', description: 'A chart drawn from fixture rows.', definition: 'Fixture rows.', fileName: 'test-chart' };
const usd = (v: number) => fmt.usd(v);

const cases: [name: string, draw: () => ReturnType<typeof renderChart>][] = [
  ['BreakdownChart', () => renderChart(BreakdownChart, {
    ...frame, rows: F.costByCategory, category: 'value', series: [{ key: 'amount', label: 'Spend', color: '#1f4e79' }], format: usd,
    columns: [{ key: 'value', label: 'Category' }, { key: 'amount', label: 'Spend', numeric: true }],
  })],
  ['BreakdownChart-two-series', () => renderChart(BreakdownChart, {
    ...frame, rows: F.byReferral, category: 'value', format: fmt.int,
    series: [{ key: 'encounters', label: 'Encounters', color: '#1f4e79' }, { key: 'people', label: 'People', color: '#e08a2c' }],
    columns: [{ key: 'value', label: 'Referral' }, { key: 'encounters', label: 'Encounters', numeric: true }, { key: 'people', label: 'People', numeric: true }],
  })],
  ['CrimeChart', () => renderChart(CrimeChart, { rows: F.crimeGroups, events: F.LAUNCH, source: 'fixture agency', partial: F.PARTIAL_APRIL })],
  ['CrimeTrendChart', () => renderChart(CrimeTrendChart, {
    rows: F.crimeTrend, mainLabel: 'Fixture City', comparisonLabel: 'Fixture County', measure: 'offenses per month',
    events: F.LAUNCH, loading: false, definition: 'Fixture rows.', partial: { main: F.PARTIAL_APRIL },
  })],
  ['CumulativeCostChart', () => renderChart(CumulativeCostChart, { rows: F.monthlyCost, loading: false })],
  ['DeathSubstanceChart', () => renderChart(DeathSubstanceChart, {
    rows: F.deaths, groups: ['opioid', 'fentanyl', 'cocaine'], place: 'Fixture County', base: 'overdose deaths in the county',
  })],
  ['EncountersPeopleChart', () => renderChart(EncountersPeopleChart, { rows: F.placements, events: F.LAUNCH, loading: false })],
  ['EncountersPeopleChart-partial', () => renderChart(EncountersPeopleChart, { rows: F.placements, events: F.LAUNCH, loading: false, partial: F.PARTIAL_APRIL })],
  ['FunnelChart', () => renderChart(FunnelChart, { rows: F.funnel, loading: false })],
  ['ClaimChart', () => renderChart(ClaimChart, { months: F.its.result.months, counts: F.its.counts, result: F.its.result, partial: new Set(['2024-05']),
    periods: { before: { from: '2024-01', to: '2024-03' }, after: { from: '2024-04', to: '2024-06' } }, measure: 'offenses per month',
    launchLabel: 'Program launch', periodLabels: { before: 'Earlier: Jan–Mar 2024', after: 'Later: Apr–Jun 2024' } })],
  ['ImpactChart', () => renderChart(ImpactChart, { result: F.its.result, counts: F.its.counts, measure: 'offenses per month', launchLabel: 'Program launch' })],
  ['MonthlyBarsChart', () => renderChart(MonthlyBarsChart as ComponentType<Parameters<typeof MonthlyBarsChart<MonthlyCost>>[0]>, {
    ...frame, rows: F.monthlyCost, valueKey: 'amount', valueLabel: 'USD per month', format: usd,
    columns: [{ key: 'month', label: 'Month' }, { key: 'amount', label: 'USD', numeric: true }],
  })],
  ['NaloxoneChart', () => renderChart(NaloxoneChart, { rows: F.naloxone, loading: false })],
  ['OverdoseNaloxoneChart', () => renderChart(OverdoseNaloxoneChart, { rows: F.overdoseNaloxone, area: 'Fixture County', events: F.LAUNCH })],
  ['PlacementTimeTrendChart', () => renderChart(PlacementTimeTrendChart, { rows: F.placementTimes, loading: false })],
  ['PlacementTimeTrendChart-four-years', () => renderChart(PlacementTimeTrendChart, { rows: F.placementTimesLong, loading: false })],
  ['PlacementsChart', () => renderChart(PlacementsChart, { rows: F.placements, events: F.LAUNCH })],
  ['PlacementsChart-partial', () => renderChart(PlacementsChart, { rows: F.placements, events: F.LAUNCH, partial: F.PARTIAL_APRIL })],
  ['TwelveMonthChart', () => renderChart(TwelveMonthChart, {
    ...frame, rows: F.twelveMonth, label: 'Overdose deaths', events: F.LAUNCH,
  })],
];

describe('chart snapshots', () => {
  it.each(cases)('%s', async (name, draw) => {
    const { markup, ext } = draw();
    await expect(markup).toMatchFileSnapshot(`./__snapshots__/${name}.${ext}`);
  });

  it('hours to placement over three years: a gap for each month without placements, a point only where a month stands alone', () => {
    const { markup } = renderChart(PlacementTimeTrendChart, { rows: F.placementTimesLong, loading: false });
    // One point per series, for March 2021 (between February and April 2021, without placements).
    expect(markup.match(/<circle /g)?.length).toBe(2);
    // Each series' line breaks at the three months without placements: four pieces.
    const lines = [...markup.matchAll(/<path [^>]*d="([^"]+)"/g)].map((m) => m[1]!).filter((d) => (d.match(/L/g)?.length ?? 0) > 5);
    expect(lines.map((d) => d.match(/M/g)?.length)).toEqual([4, 4]);
    // Up to three years, every month with placements has its point.
    expect(renderChart(PlacementTimeTrendChart, { rows: F.placementTimes, loading: false }).markup.match(/<circle /g)?.length).toBe(6);
  });

  it('a breakdown with one series has no facets; with two, a facet per category', () => {
    const one = cases.find(([n]) => n === 'BreakdownChart')![1]().markup;
    const two = cases.find(([n]) => n === 'BreakdownChart-two-series')![1]().markup;
    expect(one).not.toContain('aria-label="fy-axis');
    expect(two).toContain('aria-label="fy-axis');
    expect(one.match(/<rect /g)?.length).toBe(F.costByCategory.length);
  });

  it('draws the same markup twice (no ids or randomness that change between draws)', () => {
    for (const [, draw] of cases) expect(draw().markup).toBe(draw().markup);
  });
});

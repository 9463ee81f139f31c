// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { ClaimChart } from '../../../src/charts/ClaimChart.tsx';
import { bandScale } from '../../../src/charts/marks.ts';
import * as F from './fixtures.ts';

beforeAll(() => {
  const proto = SVGElement.prototype as SVGElement & { getBBox?: () => DOMRect };
  proto.getBBox ??= () => ({ x: 0, y: 0, width: 0, height: 0 }) as DOMRect;
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

/** The claim chart's text around the figure, for a counterfactual band `widen` times as wide. */
function drawn(widen: number): string {
  const model = F.its.result.model!;
  const result = { ...F.its.result, model: { ...model, counterfactual: model.counterfactual.map((c) => ({ ...c, upper: c.expected + (c.upper - c.expected) * widen })) } };
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(createElement(ClaimChart, { months: result.months, counts: F.its.counts, result, partial: new Set<string>(),
    periods: { before: { from: '2024-01', to: '2024-03' }, after: { from: '2024-04', to: '2024-06' } }, measure: 'offenses per month',
    launchLabel: 'Launch', periodLabels: { before: 'Earlier', after: 'Later' } })));
  const text = container.textContent ?? '';
  act(() => root.unmount());
  container.remove();
  return text;
}

describe('the claim chart', () => {
  it('keeps the series readable under a very wide band: the axis stops above the counts, and the cut is said', () => {
    expect(drawn(1)).not.toContain('The 95% band reaches');
    // 13.6 × 10 + 62.3 ≈ 198 reaches far above 1.6 × 62.3.
    expect(drawn(10)).toMatch(/The 95% band reaches 19\d\.\d, above the chart/);
  });
});

describe('the y scale of the charts with a projection band (claim and impact)', () => {
  it('is Plot\'s own while the band stays near the series, and stops at 1.6 times the series when it does not', () => {
    expect(bandScale([3, 4, 5], [7, 8])).toEqual({});
    expect(bandScale([3, 4, 5], [7, 124.46])).toEqual({ domain: [0, 8], note: expect.stringMatching(/^The 95% band reaches 124\.5, above the chart/) });
  });
});

import { describe, expect, it } from 'vitest';
import { describeChange, formatFigure } from '../../../src/reports/briefing/change.ts';
import { briefingParagraph } from '../../../src/reports/briefing/paragraph.ts';
import { contextWindow, type Headline } from '../../../src/reports/briefing/useBriefingData.ts';
import { cssString, pageCss } from '../../../src/reports/printHeader.ts';

describe('briefing changes', () => {
  it('counts: the difference, and a percentage only from an earlier count of 20 or more', () => {
    expect(describeChange('count', 124, 115)).toBe('+9 (+8%)');
    expect(describeChange('count', 97, 71)).toBe('+26 (+37%)');
    expect(describeChange('count', 9, 7)).toBe('+2');
    expect(describeChange('count', 9, 9)).toBe('no change');
    expect(describeChange('count', 15, 19)).toBe('−4');
    expect(describeChange('count', 1200, 1250)).toBe('−50 (−4%)');
    expect(describeChange('count', 5, null)).toBe('no figure to compare');
  });
  it('rates in points, hours and dollars in their units', () => {
    expect(describeChange('rate', 0.806, 0.805)).toBe('+0.1 pts');
    expect(describeChange('rate', 0.5, 0.55)).toBe('−5.0 pts');
    expect(describeChange('hours', 5.1667, 8.6167)).toBe('−3.4 h');
    expect(describeChange('usd', 714, 690)).toBe('+$24');
    expect(formatFigure('rate', 100 / 124)).toBe('80.6%');
    expect(formatFigure('usd', null)).toBe('—');
  });
});

describe('briefing paragraph', () => {
  const h = (id: string, kind: Headline['kind'], now: number | null, previous: number | null, lastYear: number | null, detail = ''): Headline =>
    ({ id, label: id, kind, now, previous, lastYear, detail, definition: '' });
  it('states each number with its base and comparison, and closes without claiming an effect', () => {
    const text = briefingParagraph({
      program: 'Harbor Point', periodLabel: 'Q2 2025', previousLabel: 'Q1 2025', lastYearLabel: 'Q2 2024',
      headlines: [h('people', 'count', 124, 115, 106, '134 encounters'), h('placed', 'count', 97, 82, 71),
        h('rate', 'rate', 100 / 124, 0.8, 0.74, '100 of 124 eligible encounters'), h('hours', 'hours', 5.1667, 4.6, 8.6),
        h('cost', 'usd', 714, 690, 725, '$69,216 spent'), h('naloxone', 'count', 9, 7, 9)],
      crime: ['Crime sentence.'], overdoses: { area: 'Harbor Point', monthLabel: 'Jun 2025', value: 134, yearEarlier: 154 },
    });
    expect(text).toBe('In Q2 2025, 124 people came to Harbor Point over 134 encounters (against 115 in Q1 2025 and 106 in Q2 2024). '
      + '97 were placed in treatment (placements per eligible encounter: 80.6%, 100 of 124 eligible encounters). '
      + 'The median time from encounter to placement was 5.2 hours (+0.6 h on Q1 2025). '
      + 'Program spending per person placed was $714 ($69,216 spent; insurance-paid treatment is not included). '
      + 'Officers recorded 9 naloxone administrations (against 7 in Q1 2025 and 9 in Q2 2024). Crime sentence. '
      + 'Overdoses in Harbor Point over the 12 months to Jun 2025: 134, against 154 in the same 12 months a year earlier. '
      + 'These figures count program activity and local trends; on their own they do not show that the program caused a change in crime or overdoses.');
  });
  it('a period before the launch says the program had not started', () => {
    const text = briefingParagraph({ program: 'P', periodLabel: 'Q1 2020', notStartedUntil: 'Mar 1, 2022', previousLabel: null, lastYearLabel: null,
      headlines: [h('people', 'count', 0, null, null, '0 encounters')], crime: [], overdoses: null });
    expect(text).toMatch(/^P had not started in Q1 2020 \(launch Mar 1, 2022\); what follows is context from before the launch\./);
  });
  it('an empty period says so', () => {
    const text = briefingParagraph({ program: 'P', periodLabel: 'Q1 2020', previousLabel: null, lastYearLabel: null,
      headlines: [h('people', 'count', 0, null, null, '0 encounters')], crime: [], overdoses: null });
    expect(text).toMatch(/^No one came to P in Q1 2020\./);
  });
  it('the charts show 24 months ending with the period', () => {
    expect(contextWindow({ from: '2025-04-01', to: '2025-07-01' })).toEqual({ from: '2023-07-01', to: '2025-07-01' });
    expect(contextWindow({ from: '2020-01-01', to: '2025-01-01' })).toEqual({ from: '2020-01-01', to: '2025-01-01' });
  });
});

describe('print header', () => {
  it('a program name cannot break out of the CSS string', () => {
    expect(cssString('A "quoted" \\ name\n</style>')).toBe('"A \\"quoted\\" \\\\ name \\3c /style\\3e "');
    const css = pageCss('x"; } body { display: none } @page { content: "');
    expect(css.match(/\{/g)!.length).toBe(css.match(/\}/g)!.length);
    expect(css).toContain('@top-left { content: "x\\"; } body { display: none } @page { content: \\"";');
  });
});

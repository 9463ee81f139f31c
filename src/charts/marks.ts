import * as Plot from '@observablehq/plot';

export interface Annotation { date: string; label: string }

/** Vertical rules with labels for events such as the program launch. */
export function eventMarks(events: readonly Annotation[]) {
  const data = events.map((e) => ({ date: new Date(`${e.date}T00:00:00Z`), label: e.label }));
  // Labels are staggered one line apart so that events close in time do not overprint.
  return [
    Plot.ruleX(data, { x: 'date', stroke: '#b3261e', strokeDasharray: '4,3' }),
    ...data.map((d, i) =>
      Plot.text([d], { x: 'date', text: 'label', frameAnchor: 'top', dy: 2 + 13 * i, dx: 4, textAnchor: 'start',
        fill: '#b3261e', fontSize: 11, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' })),
  ];
}

/** Makes Plot's aria-labelled groups into named groups for assistive technology. */
export function labelGroups(el: SVGSVGElement | HTMLElement): SVGSVGElement | HTMLElement {
  el.querySelectorAll('g[aria-label]').forEach((g) => g.setAttribute('role', 'group'));
  return el;
}

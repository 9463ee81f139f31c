import type { AgencyFigures } from '../agencies.ts';
import type { ProgramFilter } from '../filters.ts';
import { ratio } from './aggregate.ts';
import type { ProgramIndex } from './programIndex.ts';
import { quantilesCont } from './quantiles.ts';
import { selectEncounters } from './select.ts';

/** metrics/agencies.ts `agencyComparison`, from the index: one pass groups the filtered
 *  encounters by agency code (0 is blank); the dictionary is in DuckDB's text order, so ordering
 *  ties by code orders them as the SQL does, blanks last. */
export function agencyComparison(ix: ProgramIndex, f: ProgramFilter): AgencyFigures[] {
  const e = ix.encounters;
  const rows = selectEncounters(ix, f);
  const yes = e.dict.engaged.indexOf('yes');
  interface G { n: number; people: Set<number>; eligibleRecorded: number; eligible: number; placed: number; hours: number[]; engaged: number }
  const groups = new Map<number, G>();
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const code = e.agency[i]!;
    let g = groups.get(code);
    if (!g) groups.set(code, g = { n: 0, people: new Set(), eligibleRecorded: 0, eligible: 0, placed: 0, hours: [], engaged: 0 });
    g.n++;
    g.people.add(e.pid[i]!);
    if (e.eligible[i] !== -1) g.eligibleRecorded++;
    if (e.eligible[i] === 1) g.eligible++;
    if (e.placed[i] === 1) {
      g.placed++;
      const h = e.hours[i]!;
      if (h === h) g.hours.push(h);
      if (yes > 0 && e.engaged[i] === yes) g.engaged++;
    }
  }
  const rank = (code: number) => (code === 0 ? Infinity : code);
  return [...groups].sort(([a, x], [b, y]) => y.n - x.n || rank(a) - rank(b)).map(([code, g]) => {
    const eligible = g.eligibleRecorded > 0 ? g.eligible : null;
    return {
      agency: code === 0 ? null : e.dict.agency[code]!,
      encounters: g.n, people: g.people.size, eligible, placed: g.placed,
      placementRate: ratio(g.placed, eligible ?? g.n),
      medianHoursToPlacement: quantilesCont(Float64Array.from(g.hours), [0.5])[0]!,
      engaged: g.engaged, engagedShare: ratio(g.engaged, g.placed),
    };
  });
}

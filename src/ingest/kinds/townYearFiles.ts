import type { KindDef } from './kindDef.ts';

/** A state health department's table of overdose deaths by city or town, one column per year (for
 *  example Massachusetts DPH's opioid-related overdose deaths by city/town of residence): a place
 *  column, a column per year, often a total row. Unpivoted on load to place × year; the total row is
 *  checked against the places' sum and not loaded. */
export const townYears: KindDef = {
  id: 'town_years',
  label: 'Overdose deaths by town and year (a state table)',
  description: "A state health department's table of overdose deaths by city or town, one column per year (a total row is "
    + 'checked against the sum of the towns and not loaded). Loaded as yearly counts; a town is matched whatever its case.',
  table: 'overdose_town_years',
  rowUnit: 'town-years (one per row and year column)',
  signature: ['city town', 'city resid', 'city town of residence', 'city town of death', 'municipality', 'town', 'community'],
  fields: [
    { name: 'place', label: 'City or town', type: 'text', required: true,
      synonyms: ['city town', 'city or town', 'city town of residence', 'city town of death', 'city resid', 'city death',
        'municipality', 'town', 'city', 'community', 'place', 'geography', 'residence', 'place of death'] },
  ],
  byYear: {
    totals: ['total', 'totals', 'grand total', 'state total', 'statewide', 'statewide total', 'all', 'all towns', 'ma total',
      'massachusetts', 'massachusetts total', 'state'],
    // Small counts some states withhold ("*" for 1-4), and cells with no figure.
    markers: { '*': 'suppressed', '**': 'suppressed', 's': 'suppressed', '<5': 'suppressed', '1-4': 'suppressed', 'suppressed': 'suppressed',
      'na': 'not available', 'n/a': 'not available', '.': 'not available', '-': 'not available' },
  },
};

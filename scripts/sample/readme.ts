// data/sample/README.md, with the key totals filled in from the generated tables.

import { AGENCY_SHERIFF, LAUNCH_DATE, NEIGHBOUR_TOWNS, PATHWAYS, POPULATION, PROGRAM_NAME, SEED } from './config.ts';
import { formatCents } from './costs.ts';
import { MONTHS_AFTER, MONTHS_BEFORE } from './summary.ts';
import type { Summary } from './summary.ts';

/** Thousands separators without toLocaleString (which depends on the machine's locale). */
function int(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
function pct(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)}%`;
}
function usd(cents: number): string {
  const [whole, frac] = formatCents(cents).split('.');
  return `$${int(Number(whole))}.${frac}`;
}
function get(map: Map<string, number>, key: string): number {
  return map.get(key) ?? 0;
}

export function readme(s: Summary): string {
  const pathwayLines = PATHWAYS.map((p) => `| ${p} | ${int(get(s.pathways, p))} | ${pct(get(s.pathways, p), s.encounters)} |`);
  const categoryLines = ['staff', 'treatment', 'transport', 'naloxone', 'other']
    .map((c) => `| ${c} | ${usd(get(s.centsByCategory, c))} |`);
  const fundingLines = [...s.centsByFunding].sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([f, c]) => `| ${f} | ${usd(c)} |`);
  const change = (after: number, before: number): string => `${(((after - before) / before) * 100).toFixed(1)}%`;
  const lines = [
    `# ${PROGRAM_NAME}`,
    '',
    '**Every record in this folder is synthetic.** Harbor Point, its neighbouring towns, the',
    'ANCHOR program, the providers and the people are invented. The numbers are shaped after',
    'published descriptions of real deflection programs (Gloucester MA\'s ANGEL program, PAARI,',
    'PTACC\'s six pathways) so the dashboard has something realistic to show, but they describe',
    'no real place, program or person. Do not cite them.',
    '',
    '## Files',
    '',
    '| file | rows | what |',
    '|---|---:|---|',
    `| encounters.csv | ${int(s.encounters)} | one row per visit, ${LAUNCH_DATE} to 2025-06-30 |`,
    `| costs.csv | ${int(s.costRows)} | program cost ledger, same period |`,
    `| naloxone.csv | ${int(s.naloxoneRows)} | officer naloxone administrations, 2019-01 to 2025-06 |`,
    `| crime_incidents.csv | ${int(s.crimeRows)} | incidents reported to Harbor Point PD, 2019-01 to 2025-06 |`,
    '| overdoses_monthly.csv | 78 | fatal and nonfatal overdoses in Harbor Point by month |',
    '| crime_monthly_comparison.csv | 312 | monthly offense counts of Gannet Bay PD, a neighbouring (invented) department, as a comparison area; larceny not reported in 2023-11 |',
    '| overdose_deaths_county.csv | 134 | provisional overdose deaths, 12 months ending each month, for the invented Bay County (FIPS 25991) and Tidewell County (25993, about half of its months suppressed), in CDC\'s county-level layout |',
    '| overdose_deaths_state.csv | 402 | provisional overdose deaths by indicator, 12 months ending each month, in CDC\'s VSRR layout; state name "Massachusetts (synthetic sample)": not CDC\'s figures |',
    '| program.json | - | program name, launch date, population, events to annotate |',
    '',
    '## How it was generated',
    '',
    '`npx tsx scripts/generate-sample.ts` (modules in `scripts/sample/`). A seeded sfc32',
    `generator (seed ${SEED}, one independent stream per file) and integer date arithmetic make`,
    'every run write byte-identical files; the script checks its own output and stops if a',
    'rule is broken (unique ids, placement never before the encounter, `none` treatment exactly',
    'when nobody was placed, no placement for ineligible visits, cost rows linked only to placed',
    'encounters).',
    '',
    `- Town: population ${int(POPULATION)}; residents of ${NEIGHBOUR_TOWNS.join(', ')} and out-of-state visitors also come.`,
    `- New people arrive at a rate that ramps up over the first five months, then holds steady`,
    '  with a mild summer high; about a quarter of people come back, weeks to months later.',
    `- ${AGENCY_SHERIFF} handles about 15% of encounters; walk-ins (self-referral) go to the PD.`,
    '- Placement: offered at about 94% of eligible visits (Gloucester: 94.5%), accepted and',
    '  started in about 83% of offers. Time to placement is skewed: most same day, some next',
    '  day, a few waiting up to ten days for a residential bed.',
    '- Engagement at 30 days is `unknown` for placements in the last 30 days of data (not yet',
    '  observable) and for about one in ten others (lost to follow-up).',
    '- Crime: addiction-associated offenses (NIBRS 220, 23C, 23D, 23F, 23H, 240, 280, 35A, 35B)',
    '  run at about 100 a month with a summer peak and a dip in spring 2020. A modest drift is',
    '  built in after launch: linear, reaching -10% by June 2025. Assault, vandalism and robbery',
    '  have no drift. A well-specified interrupted time series should find a small effect with a',
    '  wide interval, not a dramatic one.',
    '- Overdoses and officer naloxone follow the regional trend (rise to 2021-2022, decline',
    '  from 2023); the program does not drive them in this sample.',
    '',
    '## Key totals',
    '',
    `- Encounters: ${int(s.encounters)}; distinct people: ${int(s.people)}.`,
    `- Eligible visits: ${int(s.eligible)} (${pct(s.eligible, s.encounters)} of encounters).`,
    `- Placement offered: ${int(s.offered)} (${pct(s.offered, s.eligible)} of eligible visits).`,
    `- Placed in treatment: ${int(s.placed)} visits (${pct(s.placed, s.eligible)} of eligible visits,`,
    `  ${pct(s.placed, s.offered)} of offers), ${int(s.placedPeople)} distinct people.`,
    `- Hours from encounter to placement: median ${s.medianHours.toFixed(1)}, 90th percentile`,
    `  ${s.p90Hours.toFixed(1)}, longest ${s.maxHours.toFixed(1)} (linear-interpolated quantiles).`,
    `- Engaged at 30 days (base: placements): yes ${pct(get(s.engaged, 'yes'), s.placed)},`,
    `  no ${pct(get(s.engaged, 'no'), s.placed)}, unknown ${pct(get(s.engaged, 'unknown'), s.placed)}.`,
    `- Naloxone kits given: ${int(s.kits)} (${pct(s.kits, s.encounters)} of encounters).`,
    `- Addiction-associated offenses per month: ${s.addictionBefore.toFixed(1)} in the ${MONTHS_BEFORE}`,
    `  months before launch, ${s.addictionAfter.toFixed(1)} in the ${MONTHS_AFTER} months after`,
    `  (${change(s.addictionAfter, s.addictionBefore)}, a raw comparison, not an impact estimate).`,
    `  Other offenses: ${s.otherBefore.toFixed(1)} before, ${s.otherAfter.toFixed(1)} after.`,
    `- Overdoses 2019-01 to 2025-06: ${int(s.nonfatal)} nonfatal, ${int(s.fatal)} fatal.`,
    '',
    '| pathway | encounters | share |',
    '|---|---:|---:|',
    ...pathwayLines,
    '',
    '## Costs',
    '',
    `Total program cost ${usd(s.totalCents)}: ${usd(s.centsPerPersonPlaced)} per person placed`,
    `(${int(s.placedPeople)} people), ${usd(s.centsPerPlacement)} per placement.`,
    '',
    'The ledger holds what the program itself pays: staff (the town\'s share of a coordinating',
    'officer, one recovery coach from launch, a second from July 2023), rides to treatment,',
    'bridge payments when insurance does not cover the first days of treatment (about one',
    'placement in eight), naloxone kits handed out, and small running costs. Treatment paid by',
    'insurance is not in the ledger. Gloucester\'s ANGEL program reported about $55 per person',
    'because it counted direct costs only, with treatment paid by insurance and officers\' time',
    'not charged; this sample includes staff salaries, so its cost per person is higher.',
    '',
    '| category | amount |',
    '|---|---:|',
    ...categoryLines,
    '',
    '| funding source | amount |',
    '|---|---:|',
    ...fundingLines,
    '',
  ];
  return `${lines.join('\n')}`;
}

/** A medical examiner's export in the layout of Connecticut's "Accidental Drug Related Deaths
 *  2012-2018" (OCME): one row per death, a flag column per substance ("Y" or blank), free-text
 *  cause of death, and geocoded place columns written over two lines. Generated for tests (never a
 *  committed data file), with the counts worked out here from the same specification in plain
 *  JavaScript, independently of the loader's SQL. */

export const CT_2012_2018_HEADER = ['ID', 'Date', 'DateType', 'Age', 'Sex', 'Race', 'ResidenceCity', 'ResidenceCounty', 'ResidenceState',
  'DeathCity', 'DeathCounty', 'Location', 'LocationifOther', 'DescriptionofInjury', 'InjuryPlace', 'InjuryCity', 'InjuryCounty',
  'InjuryState', 'COD', 'OtherSignifican', 'Heroin', 'Cocaine', 'Fentanyl', 'FentanylAnalogue', 'Oxycodone', 'Oxymorphone', 'Ethanol',
  'Hydrocodone', 'Benzodiazepine', 'Methadone', 'Amphet', 'Tramad', 'Morphine_NotHeroin', 'Hydromorphone', 'Other', 'OpiateNOS',
  'AnyOpioid', 'MannerofDeath', 'DeathCityGeo', 'ResidenceCityGeo', 'InjuryCityGeo'];

export const TOWNS = [
  { city: 'HARBOR CITY', county: 'NEW HAVEN' },
  { city: 'MILLVILLE', county: 'HARTFORD' },
  { city: 'EASTON', county: 'FAIRFIELD' },
];

export interface Death {
  /** null: the row has no date. */
  month: number | null;
  day: number;
  age: number;
  residence: number;
  death: number;
  heroin: boolean; fentanyl: boolean; fentanylText: string; analogue: boolean; oxycodone: boolean; anyOpioid: boolean;
  cocaine: boolean; ethanol: boolean; benzo: boolean; amphet: boolean; other: string;
}

/** 60 deaths from January to June 2017, then 3 rows without a date (residents of Harbor City). */
export function deaths(): Death[] {
  const out: Death[] = [];
  for (let i = 0; i < 63; i++) {
    const heroin = i % 5 === 0;
    const fentanyl = i % 2 === 0;
    const analogue = i % 7 === 0;
    const oxycodone = i % 11 === 0;
    out.push({
      month: i < 60 ? 1 + (i % 6) : null, day: 1 + ((i * 7) % 28), age: 19 + ((i * 3) % 60),
      residence: i < 60 ? (i + Math.floor(i / 6)) % 3 : 0,
      // One death in four happened in the next town along.
      death: i < 60 ? ((i + Math.floor(i / 6)) % 3 + (i % 4 === 0 ? 1 : 0)) % 3 : 0,
      heroin, fentanyl, fentanylText: fentanyl ? (i % 14 === 0 ? 'Y-A' : 'Y') : '', analogue, oxycodone,
      // The examiner's own "any opioid" flag is left blank on some rows that name an opioid.
      anyOpioid: (heroin || fentanyl || analogue || oxycodone) && i % 13 !== 0,
      cocaine: i % 3 === 0, ethanol: i % 4 === 1, benzo: i % 6 === 5, amphet: i % 10 === 3,
      other: i % 9 === 4 ? 'Bupren' : '',
    });
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
const q = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const y = (b: boolean) => (b ? 'Y' : '');
const geo = (city: string) => `${city}, CT\n(41.3${city.length}, -72.9${city.length})`;

export function ctExport(rows: readonly Death[] = deaths()): string {
  const lines = [CT_2012_2018_HEADER.join(',')];
  rows.forEach((d, i) => {
    const r = TOWNS[d.residence]!;
    const x = TOWNS[d.death]!;
    const substances = [d.heroin && 'heroin', d.fentanyl && 'fentanyl', d.cocaine && 'cocaine', d.ethanol && 'ethanol'].filter(Boolean).join(' and ');
    const cells = [
      `17-${pad(Math.floor(i / 100))}${pad(i % 100)}`, d.month == null ? '' : `${pad(d.month)}/${pad(d.day)}/2017 12:00:00 AM`, 'DateofDeath',
      String(d.age), i % 2 ? 'Male' : 'Female', ['White', 'Black', 'Hispanic, White'][i % 3]!, r.city, r.county, 'CT',
      x.city, x.county, i % 2 ? 'Residence' : 'Hospital', '', 'Substance Abuse', 'Residence', r.city, '', '',
      `Acute intoxication due to the combined effects of ${substances || 'several drugs'} in case ${i}`, '',
      y(d.heroin), y(d.cocaine), d.fentanylText, y(d.analogue), y(d.oxycodone), '', y(d.ethanol), '', y(d.benzo), '',
      y(d.amphet), '', '', '', d.other, '', y(d.anyOpioid), 'Accident', geo(x.city), geo(r.city), geo(r.city),
    ];
    lines.push(cells.map(q).join(','));
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export type Group = 'opioid' | 'fentanyl' | 'heroin' | 'cocaine' | 'methamphetamine' | 'benzodiazepine' | 'alcohol' | 'other';

/** Whether a death involved a substance group, as the dashboard groups them. */
export function involves(d: Death, g: Group): boolean {
  switch (g) {
    case 'opioid': return d.heroin || d.fentanyl || d.analogue || d.oxycodone || d.anyOpioid;
    case 'fentanyl': return d.fentanyl || d.analogue;
    case 'heroin': return d.heroin;
    case 'cocaine': return d.cocaine;
    case 'methamphetamine': return d.amphet;
    case 'benzodiazepine': return d.benzo;
    case 'alcohol': return d.ethanol;
    case 'other': return d.other !== '';
  }
}

/** Deaths with a date in a town by residence or place of death, per month (1-6), in total or
 *  involving one group. */
export function expected(town: number, by: 'residence' | 'death', group?: Group): number[] {
  const out = [0, 0, 0, 0, 0, 0];
  for (const d of deaths()) {
    if (d.month == null || d[by] !== town) continue;
    if (group && !involves(d, group)) continue;
    out[d.month - 1]!++;
  }
  return out;
}

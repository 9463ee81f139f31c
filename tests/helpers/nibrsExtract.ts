/** An FBI NIBRS state extract (the Crime Data Explorer's per-state, per-year zip, unpacked), in the
 *  published layouts of its five tables the dashboard reads, plus one it ignores:
 *  - 2016-2020 (`era: 'old'`): upper-case headers, every header and text field in double quotes,
 *    `DD-MON-YY` dates, `NIBRS_OFFENSE` naming its offense by `OFFENSE_TYPE_ID`, and `NIBRS_month`'s
 *    header writing `DATA_YEAR` twice (the fifth column is the incident's data year);
 *  - 2021 on (`era: 'new'`): lower-case headers, quotes only where a value holds a comma, ISO dates
 *    (some with a time), `NIBRS_OFFENSE` carrying `offense_code`.
 *  `NIBRS_month` is sparse as published: a month an agency did not report has no row, or status U;
 *  I is a month with incidents, Z a zero report.
 *  Generated for tests, never a committed data file. The figures the tests expect are counted here
 *  from the generated offenses, not read back through the loader. */

import { createRng } from '../../scripts/sample/prng.ts';

export interface ExtractAgency { id: number; ori: string; ucr: string; pub: string; unit?: string; type: string; county: string; population: number }

export const AGENCIES: ExtractAgency[] = [
  { id: 2701, ori: 'MA0050900', ucr: 'GLOUCESTER', pub: 'Gloucester', type: 'City', county: 'ESSEX', population: 29_729 },
  { id: 2702, ori: 'MA0050200', ucr: 'BEVERLY', pub: 'Beverly', type: 'City', county: 'ESSEX', population: 42_670 },
  { id: 2703, ori: 'MA0050400', ucr: 'ESSEX', pub: 'Essex', type: 'City', county: 'ESSEX', population: 3_754 },
  { id: 2704, ori: 'MA0130500', ucr: 'HOLYOKE', pub: 'Holyoke', type: 'City', county: 'HAMPDEN', population: 38_238 },
  { id: 2705, ori: 'MAMSP0100', ucr: 'STATE POLICE', pub: 'State Police:', unit: 'Troop A, Danvers', type: 'State Police', county: 'ESSEX, MIDDLESEX', population: 0 },
];

/** Offense types, as the 2016-2020 lookup numbers them. */
export const OFFENSE_TYPES: [number, string, string][] = [
  [16, '35A', 'Drug/Narcotic Violations'], [35, '35B', 'Drug Equipment Violations'], [23, '23C', 'Shoplifting'],
  [14, '23F', 'Theft From Motor Vehicle'], [45, '23H', 'All Other Larceny'], [49, '220', 'Burglary/Breaking & Entering'],
  [21, '240', 'Motor Vehicle Theft'], [51, '13B', 'Simple Assault'], [5, '290', 'Destruction/Damage/Vandalism of Property'],
  [48, '90Z', 'All Other Offenses'], [40, '120', 'Robbery'],
];

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

export interface Extract {
  year: number;
  era: 'old' | 'new';
  /** File name -> CSV text. */
  files: Record<string, string>;
  /** `${ori}|${YYYY-MM}|${code}` -> offenses dated in that month of the extract's year. */
  counts: Map<string, number>;
  /** ORI -> months (1-12) the agency reported (I or Z). */
  reported: Map<string, Set<number>>;
  /** Offenses dated before the extract's year (reported late). */
  before: number;
  /** Offenses in all. */
  offenses: number;
}

const q = (v: string) => `"${v.replace(/"/g, '""')}"`;

export function nibrsExtract({ year = 2022, seed = 7, incidents = 1500, withMonthFile = true, fileCase = 'published' }: {
  year?: number; seed?: number; incidents?: number; withMonthFile?: boolean;
  /** 'published': the names as the zip has them; 'lower' / 'upper': every name in that case. */
  fileCase?: 'published' | 'lower' | 'upper';
} = {}): Extract {
  const rng = createRng(seed);
  const era = year >= 2021 ? 'new' : 'old';
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!;
  // Which months each agency reported: Essex reports nothing in Mar-May (status U there, in the old
  // era; no row at all in the new one), Holyoke starts reporting in July, the State Police unit files
  // a zero report in February.
  const status = (a: ExtractAgency, m: number): 'I' | 'Z' | 'U' | null => {
    if (a.ucr === 'ESSEX' && m >= 3 && m <= 5) return era === 'old' ? 'U' : null;
    if (a.ucr === 'HOLYOKE' && m < 7) return null;
    if (a.ucr === 'STATE POLICE' && m === 2) return 'Z';
    return 'I';
  };
  const reported = new Map<string, Set<number>>();
  for (const a of AGENCIES) reported.set(a.ori, new Set([...Array(12).keys()].map((i) => i + 1).filter((m) => ['I', 'Z'].includes(status(a, m) ?? ''))));

  const fmtDate = (d: Date, withTime: boolean) => {
    if (era === 'old') return `${String(d.getUTCDate()).padStart(2, '0')}-${MONTHS[d.getUTCMonth()]}-${String(d.getUTCFullYear() % 100).padStart(2, '0')}`;
    const iso = d.toISOString().slice(0, 10);
    return withTime ? `${iso} ${String(Math.floor(rng.next() * 24)).padStart(2, '0')}:14:05.367` : iso;
  };

  const incidentRows: string[] = [];
  const offenseRows: string[] = [];
  const counts = new Map<string, number>();
  let before = 0;
  let offenses = 0;
  let offenseId = 140_000_000;
  const monthIds = new Map<string, number>();
  let nextMonthId = 11_000_000;
  const monthId = (a: ExtractAgency, m: number) => {
    const k = `${a.id}|${m}`;
    if (!monthIds.has(k)) monthIds.set(k, nextMonthId++);
    return monthIds.get(k)!;
  };
  for (let i = 0; i < incidents; i++) {
    const a = pick(AGENCIES.filter((x) => x.ucr !== 'STATE POLICE' || rng.next() < 0.3));
    // Incidents fall in the months the agency reported; one in forty was reported late, dated the
    // year before.
    const months = [...reported.get(a.ori)!].filter((m) => status(a, m) === 'I');
    const late = rng.next() < 0.025;
    const m = pick(months);
    const date = new Date(Date.UTC(late ? year - 1 : year, late ? 11 : m - 1, 1 + Math.floor(rng.next() * 28)));
    const submitted = new Date(Date.UTC(year, m - 1, 28));
    const incidentId = 120_000_000 + i * 7;
    const cols = [String(year), String(a.id), String(incidentId), String(monthId(a, m)), era === 'old' ? q('') : '',
      fmtDate(submitted, false), fmtDate(date, rng.next() < 0.3), era === 'old' ? q(rng.next() < 0.1 ? 'R' : '') : '',
      String(Math.floor(rng.next() * 24)), '6', '', '0', era === 'old' ? q('C') : 'C', era === 'old' ? q('F') : 'F', String(64_000_000 + i)];
    incidentRows.push(cols.join(','));
    // One to three offenses, never the same code twice in an incident (as NIBRS requires).
    const n = 1 + Math.floor(rng.next() * rng.next() * 3);
    const codes = new Set<number>();
    while (codes.size < n) codes.add(Math.floor(rng.next() * OFFENSE_TYPES.length));
    for (const c of codes) {
      const [typeId, code] = OFFENSE_TYPES[c]!;
      offenses++;
      const key = era === 'old' ? String(typeId) : code;
      offenseRows.push([String(year), String(offenseId++), String(incidentId), era === 'old' ? key : key, era === 'old' ? q('C') : 'C',
        String(1 + Math.floor(rng.next() * 25)), '', era === 'old' ? q('') : ''].join(','));
      if (late) before++;
      else {
        const k = `${a.ori}|${year}-${String(m).padStart(2, '0')}|${code}`;
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    }
  }

  const header = (cols: string[]) => (era === 'old' ? cols.map((c) => q(c.toUpperCase())).join(',') : cols.join(','));
  const files: Record<string, string> = {};
  const name = (published: string) => (fileCase === 'lower' ? published.toLowerCase() : fileCase === 'upper' ? published.toUpperCase() : published);
  files[name('NIBRS_incident.csv')] = [header(['data_year', 'agency_id', 'incident_id', 'nibrs_month_id', 'cargo_theft_flag', 'submission_date',
    'incident_date', 'report_date_flag', 'incident_hour', 'cleared_except_id', 'cleared_except_date', 'incident_status', 'data_home',
    'orig_format', 'did']), ...incidentRows].join('\n') + '\n';
  files[name('NIBRS_OFFENSE.csv')] = [header(['data_year', 'offense_id', 'incident_id', era === 'old' ? 'offense_type_id' : 'offense_code',
    'attempt_complete_flag', 'location_id', 'num_premises_entered', 'method_entry_code']), ...offenseRows].join('\n') + '\n';
  files[name('NIBRS_OFFENSE_TYPE.csv')] = [
    header([...(era === 'old' ? ['offense_type_id'] : []), 'offense_code', 'offense_name', 'crime_against', 'ct_flag', 'hc_flag', 'hc_code', 'offense_category_name', 'offense_group']),
    ...OFFENSE_TYPES.map(([id, code, title]) => (era === 'old'
      ? [String(id), q(code), q(title), q('Property'), q('N'), q('Y'), q(''), q('Offenses'), q('A')]
      : [code, title.includes(',') ? q(title) : title, 'Property', 'N', 'Y', '', 'Offenses', 'A']).join(',')),
  ].join('\n') + '\n';
  const agencyCols = ['yearly_agency_id', 'agency_id', 'data_year', 'ori', 'legacy_ori', 'covered_by_legacy_ori', 'direct_contributor_flag',
    'dormant_flag', 'dormant_year', 'reporting_type', 'ucr_agency_name', 'ncic_agency_name', 'pub_agency_name', 'pub_agency_unit',
    'agency_status', 'state_id', 'state_name', 'state_abbr', 'state_postal_abbr', 'division_code', 'division_name', 'region_code',
    'region_name', 'region_desc', 'agency_type_name', 'population', 'county_name', 'msa_name', 'publishable_flag', 'participated', 'nibrs_participated'];
  files[name('agencies.csv')] = [header(agencyCols), ...AGENCIES.map((a) => {
    const text = (v: string) => (era === 'old' ? q(v) : v.includes(',') ? q(v) : v);
    return [`${a.id}${year}`, String(a.id), String(year), text(a.ori), text(a.ori), text(''), text('N'), text('N'), '', text('I'),
      text(a.ucr), text(`${a.ucr} PD`), text(a.pub), text(a.unit ?? ''), text('A'), '25', text('Massachusetts'), text('MA'), text('MA'),
      text('1'), text('New England'), text('1'), text('Northeast'), text('Region I'), text(a.type), String(a.population),
      text(era === 'old' ? a.county.replace(', ', '; ') : a.county), text('Boston-Cambridge-Newton, MA-NH'), text('Y'), text('Y'), text('Y')].join(',');
  })].join('\n') + '\n';
  if (withMonthFile) {
    const cols = era === 'old'
      ? ['DATA_YEAR', 'NIBRS_MONTH_ID', 'AGENCY_ID', 'MONTH_NUM', 'DATA_YEAR', 'REPORTED_STATUS', 'REPORT_DATE', 'UPDATE_FLAG', 'ORIG_FORMAT', 'DATA_HOME', 'DDOCNAME', 'DID', 'MONTH_PUB_STATUS'].map(q).join(',')
      : 'data_year,nibrs_month_id,agency_id,month_num,inc_data_year,reported_status,report_date,update_flag,orig_format,data_home,ddocname,did,month_pub_status';
    const rows: string[] = [];
    for (const a of AGENCIES) {
      for (let m = 1; m <= 12; m++) {
        const s = status(a, m);
        if (!s) continue;
        const t = (v: string) => (era === 'old' ? q(v) : v);
        rows.push([String(year), String(monthId(a, m)), String(a.id), String(m), String(year), t(s), m % 2 ? fmtDate(new Date(Date.UTC(year, m, 3)), false) : '',
          t('Y'), t('F'), t('C'), t(`${year}_${String(m).padStart(2, '0')}_${a.ori}_NIBRS`), String(48_000_000 + m), '0'].join(','));
      }
    }
    files[name('NIBRS_month.csv')] = [cols, ...rows].join('\n') + '\n';
  }
  // A table the counts do not need.
  files[name('NIBRS_VICTIM.csv')] = `${header(['data_year', 'victim_id', 'incident_id', 'victim_seq_num', 'victim_type_id'])}\n${year},1,120000000,1,4\n`;
  return { year, era, files, counts, reported, before, offenses };
}

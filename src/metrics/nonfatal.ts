import { sqlString } from '../db/sql.ts';
import { DOSE_MEASURES, type DoseDrug } from '../ingest/kinds/doseFiles.ts';
import { query } from './query.ts';

/** Nonfatal overdoses seen in hospitals (CDC DOSE, table overdose_ed): a state or a county. */
export interface NonfatalPlace extends Record<string, unknown> {
  level: 'state' | 'county';
  state: string;
  county_fips: string | null;
  county: string | null;
  /** The sources loaded for it (DOSE-SyS, DOSE-DX). */
  sources: string;
  /** Its figures CDC gives (not withheld). */
  reported: number;
}

/** `state:MA` or `county:04013`: how a place is named in the address. */
export const placeKey = (p: Pick<NonfatalPlace, 'level' | 'state' | 'county_fips'>) =>
  (p.level === 'county' ? `county:${p.county_fips}` : `state:${p.state}`);

/** The states and counties the loaded DOSE files give figures for, states first. */
export function nonfatalPlaces() {
  return query<NonfatalPlace>(`SELECT level, state, county_fips, any_value(county) AS county, string_agg(DISTINCT source, ', ' ORDER BY source) AS sources,
    count(value)::INTEGER AS reported FROM overdose_ed GROUP BY level, state, county_fips ORDER BY level = 'county', state, county_fips`);
}

/** One figure of a place for one drug group: `value` null with the reason in `status` when CDC
 *  withholds it. */
export interface NonfatalFigure extends Record<string, unknown> {
  source: string;
  setting: 'ED' | 'HOSP';
  period: 'month' | '12 months' | 'year';
  month: Date;
  measure: string;
  value: number | null;
  status: string;
}

/** Every figure of one place for one drug group, in time order. */
export function nonfatalFigures(level: 'state' | 'county', code: string, drug: DoseDrug) {
  const where = level === 'county' ? `level = 'county' AND county_fips = ${sqlString(code)}` : `level = 'state' AND state = ${sqlString(code)}`;
  return query<NonfatalFigure>(`SELECT source, setting, period, month, measure, value, status FROM overdose_ed
    WHERE ${where} AND drug = ${sqlString(drug)} ORDER BY source, setting, measure, period, month`);
}

/** A month of DOSE-SyS: the month's rate and the rate over the 12 months ending in it (visits per
 *  10,000 ED visits), each with why it is missing. */
export interface EdRateMonth extends Record<string, unknown> {
  month: Date;
  rate: number | null;
  rateStatus: string | null;
  rate12: number | null;
  rate12Status: string | null;
}

/** The SyS figures of a place as months (both periods side by side). */
export function edRateMonths(figures: readonly NonfatalFigure[]): EdRateMonth[] {
  const byMonth = new Map<number, EdRateMonth>();
  for (const f of figures) {
    if (f.source !== 'DOSE-SyS' || f.measure !== DOSE_MEASURES.sysRate) continue;
    const t = f.month.getTime();
    const m = byMonth.get(t) ?? { month: f.month, rate: null, rateStatus: null, rate12: null, rate12Status: null };
    if (f.period === 'month') { m.rate = f.value; m.rateStatus = f.value == null ? f.status : null; }
    if (f.period === '12 months') { m.rate12 = f.value; m.rate12Status = f.value == null ? f.status : null; }
    byMonth.set(t, m);
  }
  return [...byMonth.values()].sort((a, b) => a.month.getTime() - b.month.getTime());
}

/** DOSE-DX figures of one period (a year, or a month): counts and rates per 100,000 residents, ED
 *  visits and hospitalisations apart. */
interface DxFigures {
  edCount: number | null;
  edRate: number | null;
  hospCount: number | null;
  hospRate: number | null;
  /** Why figures are missing ("ED count suppressed", ...), or null. */
  note: string | null;
}

export interface DxYear extends DxFigures, Record<string, unknown> { year: number }
export interface DxMonth extends DxFigures, Record<string, unknown> { month: Date }

/** The DX figures of a place for one kind of period, by its first month, in order. Months are never
 *  added up into years, nor years spread over months: each is shown as the file gives it. */
function dxPeriods(figures: readonly NonfatalFigure[], period: 'year' | 'month'): (DxFigures & { month: Date })[] {
  const byStart = new Map<number, DxFigures & { month: Date; notes: string[] }>();
  for (const f of figures) {
    if (f.source !== 'DOSE-DX' || f.period !== period) continue;
    const t = f.month.getTime();
    const y = byStart.get(t) ?? { month: f.month, edCount: null, edRate: null, hospCount: null, hospRate: null, note: null, notes: [] };
    const count = f.measure === DOSE_MEASURES.count;
    const key = `${f.setting === 'ED' ? 'ed' : 'hosp'}${count ? 'Count' : 'Rate'}` as 'edCount' | 'edRate' | 'hospCount' | 'hospRate';
    y[key] = f.value;
    if (f.value == null) y.notes.push(`${f.setting} ${count ? 'count' : 'rate'} ${f.status}`);
    byStart.set(t, y);
  }
  return [...byStart.values()].sort((a, b) => a.month.getTime() - b.month.getTime())
    .map(({ notes, ...y }) => ({ ...y, note: notes.length ? notes.join('; ') : null }));
}

/** The DX yearly figures of a place (rows with `period` year). */
export function dxYears(figures: readonly NonfatalFigure[]): DxYear[] {
  return dxPeriods(figures, 'year').map(({ month, ...y }) => ({ year: month.getUTCFullYear(), ...y }));
}

/** The DX monthly figures of a place (rows with `period` month). */
export function dxMonths(figures: readonly NonfatalFigure[]): DxMonth[] {
  return dxPeriods(figures, 'month').map((m) => ({ ...m }));
}

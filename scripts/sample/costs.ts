// The program's cost ledger: staff, transport and bridge treatment for placements, naloxone
// kits, and small other costs. Amounts are whole cents until they are written out.
// Treatment paid by insurance (MassHealth, private plans) is NOT in the ledger, as in real programs.

import { dayOf, lastDayOfMonth, monthDiff, monthOfDay, monthRange, MINUTES_PER_DAY } from './calendar.ts';
import type { YearMonth } from './calendar.ts';
import { END_MONTH, LAUNCH_MONTH, SECOND_COACH_MONTH } from './config.ts';
import type { TreatmentType } from './config.ts';
import type { Encounter } from './encounters.ts';
import type { Rng, Weighted } from './prng.ts';

export type CostRow = {
  day: number;
  cents: number;
  category: 'treatment' | 'transport' | 'naloxone' | 'staff' | 'other';
  fundingSource: string;
  encounterId: string;
};

export const GRANT = 'BJA COSSUP grant';
export const SETTLEMENT = 'State opioid settlement';
export const TOWN_FUND = 'Town general fund';
export const FOUNDATION = 'Harbor Foundation';

/** The COSSUP award covers the first 36 months; the settlement fund picks the coach up after. */
const GRANT_LAST_MONTH: YearMonth = { year: 2025, month: 2 };
/** Monthly staff cost in cents at launch; raised 3% every July (town fiscal year). */
const COORDINATOR_SHARE = 265_000;
const RECOVERY_COACH = 437_500;
const SECOND_COACH = 415_000;

/** Chance that the program pays a ride to treatment, and the fare range in dollars. */
const TRANSPORT: Record<TreatmentType, readonly [number, number, number]> = {
  'detox': [0.72, 60, 240],
  'residential short-term': [0.7, 90, 320],
  'residential long-term': [0.75, 110, 360],
  'intensive outpatient': [0.35, 25, 70],
  'outpatient': [0.3, 25, 60],
  'MOUD methadone': [0.4, 25, 65],
  'MOUD buprenorphine': [0.3, 25, 65],
  'MOUD naltrexone': [0.3, 25, 65],
  'recovery support': [0.15, 20, 45],
};
/** Bridge payments when insurance does not cover the start of treatment (dollar range). */
const BRIDGE_SHARE = 0.13;
const BRIDGE: Record<TreatmentType, readonly [number, number]> = {
  'detox': [600, 1800],
  'residential short-term': [1200, 3400],
  'residential long-term': [1500, 3900],
  'intensive outpatient': [300, 900],
  'outpatient': [120, 400],
  'MOUD methadone': [150, 600],
  'MOUD buprenorphine': [150, 600],
  'MOUD naltrexone': [400, 1300],
  'recovery support': [80, 300],
};
const TRANSPORT_FUNDS: Weighted<string> = [[GRANT, 70], [FOUNDATION, 30]];
const BRIDGE_FUNDS: Weighted<string> = [[SETTLEMENT, 65], [FOUNDATION, 35]];
/** Two-dose nasal naloxone kit, cents; price fell after over-the-counter approval. */
const KIT_PRICE_EARLY = 4_750;
const KIT_PRICE_LATE = 4_100;
const KITS_PER_CASE = 24;

function dollars(rng: Rng, low: number, high: number): number {
  return rng.int(low * 100, high * 100);
}

function raised(base: number, ym: YearMonth): number {
  const raises = ym.year - LAUNCH_MONTH.year + (ym.month >= 7 ? 1 : 0);
  let cents = base;
  for (let i = 0; i < raises; i++) cents = Math.round((cents * 103) / 100);
  return cents;
}

function staffRows(): CostRow[] {
  const rows: CostRow[] = [];
  for (const ym of monthRange(LAUNCH_MONTH, END_MONTH)) {
    const day = lastDayOfMonth(ym);
    const row = (cents: number, fundingSource: string): CostRow =>
      ({ day, cents, category: 'staff', fundingSource, encounterId: '' });
    rows.push(row(raised(COORDINATOR_SHARE, ym), TOWN_FUND));
    const grantYears = monthDiff(GRANT_LAST_MONTH, ym) <= 0;
    rows.push(row(raised(RECOVERY_COACH, ym), grantYears ? GRANT : SETTLEMENT));
    if (monthDiff(SECOND_COACH_MONTH, ym) >= 0) rows.push(row(raised(SECOND_COACH, ym), SETTLEMENT));
  }
  return rows;
}

function placementRows(rng: Rng, encounters: readonly Encounter[]): CostRow[] {
  const rows: CostRow[] = [];
  for (const e of encounters) {
    if (e.placedAt === null || e.treatmentType === 'none') continue;
    const day = Math.floor(e.placedAt / MINUTES_PER_DAY);
    const [p, low, high] = TRANSPORT[e.treatmentType];
    if (rng.chance(p)) {
      rows.push({ day, cents: dollars(rng, low, high), category: 'transport',
        fundingSource: rng.weighted(TRANSPORT_FUNDS), encounterId: e.encounterId });
    }
    if (rng.chance(BRIDGE_SHARE)) {
      const [bLow, bHigh] = BRIDGE[e.treatmentType];
      rows.push({ day, cents: dollars(rng, bLow, bHigh), category: 'treatment',
        fundingSource: rng.weighted(BRIDGE_FUNDS), encounterId: e.encounterId });
    }
  }
  return rows;
}

/** Kits are bought by the case at the start of each quarter, enough for that quarter's visits. */
function naloxoneRows(encounters: readonly Encounter[]): CostRow[] {
  const kitsByQuarter = new Map<number, number>();
  for (const e of encounters) {
    if (!e.naloxoneKitGiven) continue;
    const ym = monthOfDay(Math.floor(e.at / MINUTES_PER_DAY));
    const q = ym.year * 4 + Math.floor((ym.month - 1) / 3);
    kitsByQuarter.set(q, (kitsByQuarter.get(q) ?? 0) + 1);
  }
  const rows: CostRow[] = [];
  for (const [q, kits] of [...kitsByQuarter].sort((a, b) => a[0] - b[0])) {
    const year = Math.floor(q / 4);
    const month = (q % 4) * 3 + 1;
    const day = Math.max(dayOf(year, month, 2), dayOf(LAUNCH_MONTH.year, LAUNCH_MONTH.month, 1));
    const cases = Math.ceil(kits / KITS_PER_CASE);
    const price = day >= dayOf(2023, 10, 1) ? KIT_PRICE_LATE : KIT_PRICE_EARLY;
    rows.push({ day, cents: cases * KITS_PER_CASE * price, category: 'naloxone',
      fundingSource: SETTLEMENT, encounterId: '' });
  }
  return rows;
}

function otherRows(rng: Rng): CostRow[] {
  const rows: CostRow[] = [];
  for (const ym of monthRange(LAUNCH_MONTH, END_MONTH)) {
    const day = lastDayOfMonth(ym);
    // Program phone line and case-management software.
    rows.push({ day, cents: 14_900, category: 'other', fundingSource: TOWN_FUND, encounterId: '' });
    if (ym.month === 3 || ym.month === 9) {
      // Officer training (spring) and outreach materials (autumn).
      const cents = ym.month === 3 ? dollars(rng, 1400, 2200) : dollars(rng, 350, 900);
      const fundingSource = ym.month === 3 ? GRANT : FOUNDATION;
      rows.push({ day: day - 14, cents, category: 'other', fundingSource, encounterId: '' });
    }
  }
  return rows;
}

const CATEGORY_ORDER = ['staff', 'treatment', 'transport', 'naloxone', 'other'];

export function generateCosts(rng: Rng, encounters: readonly Encounter[]): CostRow[] {
  const rows = [...staffRows(), ...placementRows(rng, encounters), ...naloxoneRows(encounters), ...otherRows(rng)];
  return rows.sort((a, b) =>
    a.day - b.day ||
    CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) ||
    (a.encounterId < b.encounterId ? -1 : a.encounterId > b.encounterId ? 1 : 0) ||
    (a.fundingSource < b.fundingSource ? -1 : a.fundingSource > b.fundingSource ? 1 : 0) ||
    a.cents - b.cents);
}

export function formatCents(cents: number): string {
  const whole = Math.floor(cents / 100);
  return `${whole}.${String(cents - whole * 100).padStart(2, '0')}`;
}

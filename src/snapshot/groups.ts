/** How record values become public groups: age in standard bands with 65+ as the top band, and
 *  residence only as a town name or a 3-digit ZIP. Pure functions. */

export const AGE_BANDS = ['under 18', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export const TOP_AGE_BAND = '65+';
export const NOT_RECORDED = 'not recorded';
export const OTHER = 'other';

const LOWER = [0, 18, 25, 35, 45, 55, 65];

/** A band from the value an export gives: a band ("25-34", "25 to 34", "65+", "75 and over") or an
 *  age ("37"). A band is placed by its lower bound, so "60-69" counts under 55-64 and "65-74" and
 *  "85+" under 65+. Anything else is "not recorded". */
export function ageBand(raw: string | null | undefined): string {
  const s = (raw ?? '').trim().toLowerCase();
  if (!s) return NOT_RECORDED;
  if (/^(under|<)\s*18/.test(s)) return 'under 18';
  const m = s.match(/^(\d{1,3})/);
  if (!m) return NOT_RECORDED;
  const lower = Number(m[1]);
  if (lower > 120) return NOT_RECORDED;
  let band = 0;
  for (let i = 0; i < LOWER.length; i++) if (lower >= LOWER[i]!) band = i;
  return AGE_BANDS[band]!;
}

/** Words that make a value an address, a building or a note rather than a town. */
const PLACE_WORDS = /\b(street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|court|ct|apt|apartment|unit|suite|floor|above|behind|near|shelter|jail|prison|hospital|motel|hotel|camp|car|tent|homeless|pizza|store|church)\b/i;

/** A residence as published: a 5- or 9-digit ZIP becomes its first three digits ("019xx"), a
 *  3-digit ZIP stays, and a town name is kept when it looks like one (letters, spaces, hyphens,
 *  apostrophes, periods; at most 40 characters; none of the words of an address or a building).
 *  Anything else (a street address, a note) is "other". The snapshot also folds any place shared
 *  by 1-10 people into "other", so a small village or a stray note is never named. */
export function residenceGroup(raw: string | null | undefined): string {
  const s = (raw ?? '').trim().replace(/\s+/g, ' ');
  if (!s) return NOT_RECORDED;
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{3})(\d{2})?(-\d{4})?$/))) return `${m[1]}xx`;
  if (s.length <= 40 && /^\p{L}[\p{L} .'’-]*$/u.test(s) && !PLACE_WORDS.test(s)) return s;
  return OTHER;
}

/** Adds counts of values that fall in the same group; groups ordered by `order`, then by name,
 *  with "other" and "not recorded" last. */
export function foldGroups(rows: readonly { value: string | null; people: number }[], group: (v: string | null) => string,
  order: readonly string[] = []): { key: string; people: number }[] {
  const sums = new Map<string, number>();
  for (const r of rows) {
    const k = group(r.value);
    sums.set(k, (sums.get(k) ?? 0) + r.people);
  }
  for (const k of order) if (!sums.has(k)) sums.set(k, 0);
  const rank = (k: string) => (k === NOT_RECORDED ? 3 : k === OTHER ? 2 : order.includes(k) ? 0 : 1);
  return [...sums].map(([key, people]) => ({ key, people }))
    .sort((a, b) => rank(a.key) - rank(b.key) || (order.indexOf(a.key) - order.indexOf(b.key)) || a.key.localeCompare(b.key));
}

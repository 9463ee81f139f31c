import { columnValues, valueFits } from './contentFit.ts';
import { detectDateFormats, EXCEL_SERIAL } from './dateFormats.ts';
import type { FieldDef, KindDef } from './kinds/kindDef.ts';
import { usedHeaders, type Mapping } from './mapping.ts';
import { suggestValue, vocabFieldOf } from './valueSuggestions.ts';

/** Program exports name their columns in their own words ("Contact No.", "Date Seen", "Level of
 *  Care"): where the headers leave a field of the program's encounters without a column, the values
 *  of the first rows fill it in:
 *  - a column of unique values is the encounter ID; one row per participant (a unique participant
 *    ID and no encounter ID) uses the participant ID for both;
 *  - the earliest date column is the encounter date, and a date column mostly on or after it the
 *    placement date;
 *  - a column with a short vocabulary goes to the field whose values it matches best.
 *  Every guess shows on the card's mapping and can be changed there. */

const ID_WORDS = /\b(id|no|num|number|code|key|record|case|contact|client|participant|person)\b/;
const MIN_ROWS = 5;
/** A code such as P-0EBEF0, C123, 000451: letters then digits, no spaces or words. */
const CODE = /^[A-Za-z]{0,4}[-_#]?\d[A-Za-z0-9-]*$/;
/** A code, not a small number (an age, a count): it has a letter, or a leading zero, or four digits. */
const isCode = (v: string) => CODE.test(v) && (/[A-Za-z]/.test(v) || /^0/.test(v) || /\d{4}/.test(v));
/** A date of birth is the earliest date of a row but never the encounter. */
const BIRTH = /\b(birth|dob|born)\b/;
/** A records system's own bookkeeping dates (last modified, entered, exported): never an event. */
const AUDIT = /\b(modif\w*|updat\w*|created?|entered|entry date|export\w*|print\w*|timestamp|edited|changed|last)\b/;

export function refineMapping(kind: KindDef, mapping: Mapping, header: readonly string[], sample: readonly string[][]): Mapping {
  if (kind.id !== 'encounters' || sample.length < MIN_ROWS) return mapping;
  const columns = { ...mapping.columns };
  const used = new Set(usedHeaders(mapping));
  const free = () => header.filter((h) => !used.has(h));
  const take = (field: string, col: string) => {
    columns[field] = col;
    used.add(col);
  };
  const values = (col: string) => columnValues(header, sample, col);
  const unique = (col: string) => {
    const v = values(col);
    return v.length >= MIN_ROWS && new Set(v).size === v.length;
  };

  // Dates: the earliest date column is the encounter; a later one the placement.
  const dated = free().filter((h) => !BIRTH.test(normal(h)) && !AUDIT.test(normal(h))).map((h) => ({ h, times: times(values(h)) })).filter((d) => d.times.length >= MIN_ROWS);
  if (!columns.encounter_date && dated.length) {
    const earliest = [...dated].sort((a, b) => median(a.times) - median(b.times))[0]!;
    take('encounter_date', earliest.h);
  }
  const enc = columns.encounter_date;
  if (!columns.placement_date && enc) {
    const encTimes = rowTimes(header, sample, enc);
    const later = dated.filter((d) => !used.has(d.h)).map((d) => ({ h: d.h, share: shareOnOrAfter(encTimes, rowTimes(header, sample, d.h)) }))
      .filter((d) => d.share >= 0.8).sort((a, b) => b.share - a.share)[0];
    if (later) take('placement_date', later.h);
  }

  // IDs: a column of pseudonym-like codes that repeat (people come back) is the participant.
  if (!columns.participant_id) {
    const person = free().find((h) => {
      const v = values(h);
      const distinct = new Set(v).size;
      return v.length >= MIN_ROWS && v.filter(isCode).length >= v.length * 0.9 && !times(v).length
        && distinct < v.length && distinct >= v.length * 0.2;
    });
    if (person) take('participant_id', person);
  }
  // IDs: one row per participant needs no separate encounter ID.
  if (!columns.encounter_id && columns.participant_id && unique(columns.participant_id)) {
    columns.encounter_id = columns.participant_id;
  }
  if (!columns.encounter_id) {
    const ids = free().filter((h) => unique(h) && !values(h).every((v) => /^-?\d+\.\d+$/.test(v)) && !times(values(h)).length);
    const named = ids.find((h) => ID_WORDS.test(normal(h))) ?? (ids.length === 1 ? ids[0] : undefined);
    if (named) take('encounter_id', named);
  }

  // Vocabularies: the field whose values a short list of distinct values matches best.
  for (const h of free()) {
    const distinct = [...new Set(values(h))];
    if (distinct.length === 0 || distinct.length > 40) continue;
    const best = kind.fields.filter((f) => !columns[f.name])
      .map((f) => ({ f, share: vocabularyShare(kind, f, distinct) }))
      .filter((x) => x.share >= 0.6).sort((a, b) => b.share - a.share)[0];
    if (best) take(best.f.name, h);
  }
  return { ...mapping, columns };
}

/** The share of a column's distinct values that plainly mean one of a field's values. */
function vocabularyShare(kind: KindDef, f: FieldDef, distinct: readonly string[]): number {
  const vocab = vocabFieldOf(kind.id, f.name);
  if (!vocab) return 0;
  // yes/no columns are common and say little on their own: only a column named like the field.
  if (vocab === 'yes_no' || vocab === 'yes_no_unknown') return 0;
  return distinct.filter((v) => suggestValue(vocab, v) != null).length / distinct.length;
}

function normal(h: string): string {
  return h.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Epoch milliseconds of the values that read as full dates (never bare months or years). */
function times(values: readonly string[]): number[] {
  const fmts = detectDateFormats(values).formats;
  // Five-digit numbers read as Excel serial days once a column is mapped as dates, but are no sign
  // of dates by themselves: a county FIPS code (47001) looks the same.
  if (!fmts.length || fmts.every((f) => f === EXCEL_SERIAL)) return [];
  const dateField: FieldDef = { name: 'd', label: 'd', type: 'date', synonyms: [] };
  const out: number[] = [];
  for (const v of values) {
    if (!valueFits(dateField, v)) continue;
    const t = parseTime(v, fmts[0]!.startsWith('%d/'));
    if (t != null) out.push(t);
  }
  return out.length >= values.length * 0.9 ? out : [];
}

/** Per row: the time of a column's value, or null. */
function rowTimes(header: readonly string[], sample: readonly string[][], col: string): (number | null)[] {
  const i = header.indexOf(col);
  const raw = sample.map((r) => (r[i] ?? '').trim());
  const dmy = detectDateFormats(raw).formats[0]?.startsWith('%d/') ?? false;
  return raw.map((v) => (v ? parseTime(v, dmy) : null));
}

function parseTime(v: string, dmy: boolean): number | null {
  const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2}))?/.exec(v);
  if (slash) {
    const [a, b, y, hh, mm] = slash.slice(1).map((x) => (x == null ? 0 : Number(x)));
    const [m, d] = dmy ? [b!, a!] : [a!, b!];
    return Date.UTC(y!, m - 1, d, hh, mm);
  }
  const t = Date.parse(v.replace(' ', 'T'));
  return Number.isFinite(t) ? t : null;
}

function shareOnOrAfter(enc: readonly (number | null)[], other: readonly (number | null)[]): number {
  let both = 0;
  let after = 0;
  enc.forEach((e, i) => {
    const o = other[i];
    if (e == null || o == null) return;
    both++;
    // Same day counts: a placement the same day may carry no time, so compare by day.
    if (Math.floor(o / 86_400_000) >= Math.floor(e / 86_400_000)) after++;
  });
  return both >= 3 ? after / both : 0;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

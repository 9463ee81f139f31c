import { detectDateFormats, EXCEL_SERIAL } from './dateFormats.ts';
import type { FieldDef, KindDef } from './kinds/kindDef.ts';
import { yearCountField, type Mapping } from './mapping.ts';

/** How well a file's values (its first rows) fit a kind with a mapping: whether each mapped column
 *  holds what its field needs (dates, months, counts, years, codes), and the grain of the rows (one
 *  row per event, or counts per month). Recognition weighs this with the headers, so a file is
 *  recognised by what it holds, not only by what its columns are called. */

export interface ContentFit {
  /** 0..1: the share of mapped fields whose values fit, required fields weighing double. */
  fit: number;
  /** Plain sentences for the card: what fits and what does not. */
  reasons: string[];
}

const MONTH_ONLY = new Set(['%Y-%m', '%b %Y', '%B %Y', '%m/%Y']);
const STATUS = new Set(['suppressed', 'unreliable', 'not applicable', 'missing', 'n/a', 'na', '*', '§', '¶']);
const MISSING = new Set(['', 'na', 'n/a', 'null', '.', '-']);
const YES_NO = new Set(['yes', 'y', 'true', 't', '1', 'no', 'n', 'false', 'f', '0']);
const UNKNOWN = new Set(['unknown', 'u', 'unk', 'not known']);
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const numeric = (v: string) => /^[-+(]?\$?\s*\d[\d,]*(\.\d+)?\)?%?\+?$/.test(v) || /^[-+]?\.\d+$/.test(v);
const whole = (v: string) => /^[-+]?\d[\d,]*$/.test(v);

/** The day of a full date ("2024-03-01", "03/01/2024", "Mar 1 2024"), or null. */
function dayOf(v: string, format: string): number | null {
  if (MONTH_ONLY.has(format) || format === EXCEL_SERIAL) return null;
  const iso = /^\d{4}[-/]\d{1,2}[-/](\d{1,2})/.exec(v);
  if (iso) return Number(iso[1]);
  const slash = /^(\d{1,2})\/(\d{1,2})\/\d{4}/.exec(v);
  if (slash) return Number(format.startsWith('%d') ? slash[1] : slash[2]);
  const words = /^[A-Za-z]{3,9} +(\d{1,2}),? \d{4}/.exec(v) ?? /^(\d{1,2})-[A-Za-z]{3}-\d{4}/.exec(v);
  return words ? Number(words[1]) : null;
}

/** Whether one non-blank value fits a field, and why not. */
export function valueFits(f: FieldDef, v: string): boolean {
  const low = v.toLowerCase();
  switch (f.type) {
    case 'text': return true;
    case 'number': return numeric(v);
    case 'integer': return whole(v);
    case 'count': return (whole(v) && !v.startsWith('-')) || STATUS.has(low) || !!f.markers?.[low];
    case 'rate': return (numeric(v) && !v.startsWith('-')) || STATUS.has(low) || !!f.markers?.[low];
    case 'date': case 'datetime': {
      const fmts = detectDateFormats([v]).formats;
      return fmts.length > 0 && !fmts.every((x) => MONTH_ONLY.has(x));
    }
    case 'month': {
      const fmts = detectDateFormats([v]).formats;
      if (!fmts.length) return false;
      if (fmts.some((x) => MONTH_ONLY.has(x))) return true;
      // A full date stands for its month only on the first day (2024-03-01); daily dates are events.
      return dayOf(v, fmts[0]!) === 1;
    }
    case 'year': return /^\d{4}$/.test(v) && Number(v) >= 1900 && Number(v) <= 2200;
    case 'monthName': return MONTH_NAMES.includes(low.slice(0, 3)) || (/^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 12);
    case 'boolean': return YES_NO.has(low);
    case 'yesNoUnknown': return YES_NO.has(low) || UNKNOWN.has(low);
    case 'fips': return /^\d{1,5}$/.test(v);
  }
}

const NEEDS: Partial<Record<FieldDef['type'], string>> = {
  number: 'numbers', integer: 'whole numbers', count: 'counts (whole numbers)', rate: 'rates (numbers)', date: 'dates', datetime: 'dates',
  month: 'months (2024-03, or the first day of each month)', year: 'four-digit years', monthName: 'month names or numbers',
  boolean: 'yes/no values', yesNoUnknown: 'yes/no/unknown values', fips: 'FIPS codes',
};

/** Values of a column in the sample, trimmed, blanks and missing tokens left out. */
export function columnValues(header: readonly string[], sample: readonly string[][], column: string): string[] {
  const i = header.indexOf(column);
  if (i < 0) return [];
  return sample.map((r) => (r[i] ?? '').trim()).filter((v) => !MISSING.has(v.toLowerCase()));
}

export function contentFit(kind: KindDef, mapping: Mapping, header: readonly string[], sample: readonly string[][]): ContentFit {
  let weight = 0;
  let got = 0;
  let worstRequired = 1;
  const reasons: string[] = [];
  for (const f of kind.fields) {
    const col = mapping.columns[f.name];
    if (!col) continue;
    const values = columnValues(header, sample, col);
    const w = f.required ? 2 : 1;
    if (!values.length) {
      // No values to judge: a required field with nothing in it is a weak sign against.
      weight += w;
      got += f.required && !f.blankIsSuppressed && !f.blankMeansNotReported ? 0.3 * w : w;
      continue;
    }
    let share = values.filter((v) => valueFits(f, v)).length / values.length;
    // Whether the values are of the field's type, before the grain test below weighs them down.
    const typeShare = share;
    if (f.unique && share > 0) {
      const distinct = new Set(values).size;
      if (distinct < values.length) {
        share *= distinct / values.length;
        reasons.push(`"${col}" repeats values, so it is not a unique ${f.label.toLowerCase()}`);
      }
    }
    if ((f.type === 'date' || f.type === 'datetime') && f.required && values.length >= 20) {
      const guess = detectDateFormats(values);
      // Where day and month could be either way round, a constant part says nothing about the grain.
      if (!guess.ambiguousDayMonth && values.every((v) => dayOf(v, guess.formats[0] ?? '') === 1)) {
        share *= 0.5;
        reasons.push(`every date in "${col}" is the first of a month: counts per month rather than one row per event`);
      }
    }
    weight += w;
    got += share * w;
    // Most values not fitting (not a few bad cells, which loading reports by row) sinks the kind.
    if (f.required && share < 0.5) worstRequired = Math.min(worstRequired, share);
    const need = NEEDS[f.type];
    if (need && typeShare < 0.9) {
      const bad = values.find((v) => !valueFits(f, v));
      reasons.push(`"${col}" does not hold ${need} for ${f.label.toLowerCase()}${bad ? ` (it has "${bad}")` : ''}`);
    } else if (need && f.required) {
      reasons.push(`"${col}" holds ${need}`);
    }
  }
  for (const [h] of Object.entries(mapping.offenseColumns ?? {})) {
    const values = columnValues(header, sample, h);
    const share = values.length ? values.filter(numeric).length / values.length : 1;
    weight += 1;
    got += share;
    if (share < 0.9) reasons.push(`"${h}" does not hold counts`);
  }
  for (const [h] of Object.entries(mapping.yearColumns ?? {})) {
    const values = columnValues(header, sample, h);
    const f = yearCountField(kind);
    const share = values.length ? values.filter((v) => valueFits(f, v)).length / values.length : 1;
    weight += 1;
    got += share;
    if (share < 0.9) reasons.push(`"${h}" does not hold counts`);
  }
  for (const [h, g] of Object.entries(mapping.flagColumns ?? {})) {
    if (kind.flags?.namedByValue?.includes(g)) continue;
    const values = columnValues(header, sample, h);
    const share = values.length ? values.filter((v) => YES_NO.has(v.toLowerCase())).length / values.length : 1;
    weight += 1;
    got += share;
    if (share < 0.9) reasons.push(`"${h}" does not hold yes/no flags`);
  }
  // A required field whose values do not fit sinks the kind, whatever the other fields say.
  return { fit: weight ? (got / weight) * Math.sqrt(worstRequired) : 0, reasons };
}

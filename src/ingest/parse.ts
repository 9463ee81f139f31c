import { sqlString, sqlStringList } from '../db/sql.ts';
import { EXCEL_SERIAL } from './dateFormats.ts';
import type { FieldDef } from './kinds/kindDef.ts';

/** SQL that turns one staged text column into a typed value. Pure functions of the field, the
 *  column reference and (for dates) the detected formats. */

/** trim(), only where there is something to trim: DuckDB's trim removes spaces only, so a value
 *  that neither starts nor ends with one is returned as it is, without building a new string
 *  (several times faster on a million rows). */
export const tr = (raw: string) => `(CASE WHEN starts_with(${raw}, ' ') OR ends_with(${raw}, ' ') THEN trim(${raw}) ELSE ${raw} END)`;

/** Cells that mean "no value" in exports: blank, NA, N/A, NULL, a lone dot or dash. */
const MISSING_TOKENS = ['', 'na', 'n/a', 'null', '.', '-'];
const blank = (raw: string) => `(${raw} IS NULL OR ${tr(raw)} = '')`;
const missingToken = (raw: string) => `(${raw} IS NULL OR lower(${tr(raw)}) IN ${inList(MISSING_TOKENS)})`;
/** Thousands separators, currency signs, percent signs and a trailing "+" ("99.5+") are dropped. */
export const num = (raw: string) => `NULLIF(regexp_replace(${tr(raw)}, '[$,%\\s]|\\+$', '', 'g'), '')`;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december'];
const STATUS_WORDS = ['suppressed', 'unreliable', 'not applicable', 'missing', 'n/a', 'na'];
export const YES = ['yes', 'y', 'true', 't', '1'];
export const NO = ['no', 'n', 'false', 'f', '0'];
export const UNKNOWN = ['unknown', 'u', 'unk', 'not known'];

/** The value where it is finite, else NULL: DuckDB reads "NaN", "inf" and "infinity" as numbers and
 *  timestamps, which no total or period can use, so they are reported as not a number or date. */
const finite = (x: string) => `(CASE WHEN isfinite(${x}) THEN ${x} END)`;

export function dateExpr(raw: string, formats: readonly string[]): string {
  if (formats.length === 0) return finite(`TRY_CAST(${tr(raw)} AS TIMESTAMP)`);
  const patterns = formats.filter((f) => f !== EXCEL_SERIAL);
  const f = patterns.length === 1 ? sqlString(patterns[0]!) : sqlStringList(patterns);
  const parsed = patterns.length ? `try_strptime(${tr(raw)}, ${f})` : 'NULL::TIMESTAMP';
  if (patterns.length === formats.length) return parsed;
  const serial = `(CASE WHEN regexp_full_match(${tr(raw)}, '\\d{5}(\\.\\d+)?')
    THEN TIMESTAMP '1899-12-30' + to_seconds(round(CAST(${tr(raw)} AS DOUBLE) * 86400)) END)`;
  return `coalesce(${parsed}, ${serial})`;
}

export function parsedExpr(field: FieldDef, raw: string, formats: readonly string[] = []): string {
  const low = `lower(${tr(raw)})`;
  switch (field.type) {
    case 'text':
      return `NULLIF(${tr(raw)}, '')`;
    case 'number':
    case 'count':
    case 'rate':
      return finite(`TRY_CAST(${num(raw)} AS DOUBLE)`);
    case 'integer':
      return `TRY_CAST(${num(raw)} AS INTEGER)`;
    case 'date':
      return `CAST(${dateExpr(raw, formats)} AS DATE)`;
    case 'datetime':
      return `CAST(${dateExpr(raw, formats)} AS TIMESTAMP)`;
    case 'month':
      return `CAST(date_trunc('month', ${dateExpr(raw, formats)}) AS DATE)`;
    case 'year':
      return `(CASE WHEN TRY_CAST(${tr(raw)} AS INTEGER) BETWEEN 1900 AND 2200 THEN TRY_CAST(${tr(raw)} AS INTEGER) END)`;
    case 'monthName':
      return `coalesce(list_position(${sqlStringList(MONTHS)}, ${low}),
        list_position(${sqlStringList(MONTHS.map((m) => m.slice(0, 3)))}, ${low}),
        CASE WHEN TRY_CAST(${tr(raw)} AS INTEGER) BETWEEN 1 AND 12 THEN TRY_CAST(${tr(raw)} AS INTEGER) END)`;
    case 'boolean':
      return `(CASE WHEN ${low} IN ${inList(YES)} THEN true WHEN ${low} IN ${inList(NO)} THEN false END)`;
    case 'yesNoUnknown':
      return `(CASE WHEN ${low} IN ${inList(YES)} THEN 'yes' WHEN ${low} IN ${inList(NO)} THEN 'no'
        WHEN ${low} IN ${inList(UNKNOWN)} THEN 'unknown' END)`;
    case 'fips':
      return `(CASE WHEN regexp_full_match(${tr(raw)}, '\\d{1,${field.width ?? 5}}')
        THEN lpad(${tr(raw)}, ${field.width ?? 5}, '0') END)`;
  }
}

/** The status of a `count` value: reported, suppressed, unreliable, not applicable or missing. */
export function statusExpr(field: FieldDef, raw: string): string {
  const low = `lower(${tr(raw)})`;
  const ifBlank = field.blankIsSuppressed ? `'suppressed'` : `'missing'`;
  const markers = Object.entries(field.markers ?? {}).map(([m, status]) => `WHEN ${low} = ${sqlString(m)} THEN ${sqlString(status)}`).join(' ');
  return `(CASE WHEN ${blank(raw)} THEN ${ifBlank} ${markers}
    WHEN ${low} = 'suppressed' THEN 'suppressed'
    WHEN ${low} = 'unreliable' THEN 'unreliable'
    WHEN ${low} IN ('not applicable', 'n/a', 'na') THEN 'not applicable'
    WHEN ${low} = 'missing' THEN 'missing'
    ELSE 'reported' END)`;
}

/** True where a non-blank cell did not parse. */
export function invalidCondition(field: FieldDef, raw: string, parsed: string): string {
  const base = `NOT ${missingToken(raw)}`;
  const invalid = field.type === 'count' || field.type === 'rate'
    ? `${base} AND lower(${tr(raw)}) NOT IN ${inList([...STATUS_WORDS, ...Object.keys(field.markers ?? {})])}` : base;
  return ifUnparsed(parsed, invalid);
}

/** `condition` for the rows whose parsed value is NULL, false for the others. A CASE, because
 *  DuckDB works out its branch only for the rows that take it, where AND would look at the text
 *  of every row: on a million-row file the checks take a fifth of the time. */
export function ifUnparsed(parsed: string, condition: string): string {
  return `(CASE WHEN ${parsed} IS NOT NULL THEN false ELSE ${condition} END)`;
}

export function missingCondition(raw: string, field?: FieldDef): string {
  return field && field.type !== 'text' ? missingToken(raw) : blank(raw);
}

/** Lower-cased, single-spaced, hyphens and underscores as spaces: for matching vocabularies. */
export function vocabularyKey(expr: string): string {
  // \x{00A0}: a non-breaking space (Excel, Windows-1252) is white space here as in JavaScript's \s.
  return `trim(regexp_replace(lower(${expr}), '[\\s\\x{00A0}_-]+', ' ', 'g'))`;
}
export function vocabularyKeyJs(s: string): string {
  return s.toLowerCase().replace(/[\s_-]+/g, ' ').trim();
}

function inList(xs: readonly string[]): string {
  return `(${xs.map(sqlString).join(', ')})`;
}

/** What the user is told a type expects. */
export function expectedText(field: FieldDef, formats: readonly string[]): string {
  switch (field.type) {
    case 'number': case 'integer': return 'a number';
    case 'count': return 'a number, or Suppressed / Unreliable / Not Applicable';
    case 'rate': return `a number, or a mark that it is withheld${field.markers ? ` (${Object.keys(field.markers).join(' ')})` : ''}`;
    case 'date': case 'datetime': case 'month':
      return formats.length ? `a date like the rest of the column (${formats.map(humanFormat).join(' or ')})` : 'a date';
    case 'year': return 'a four-digit year';
    case 'monthName': return 'a month name (January) or number (1-12)';
    case 'boolean': return 'yes or no';
    case 'yesNoUnknown': return 'yes, no or unknown';
    case 'fips': return `a FIPS code of up to ${field.width ?? 5} digits`;
    case 'text': return 'text';
  }
}

export function humanFormat(f: string): string {
  if (f === EXCEL_SERIAL) return 'Excel serial numbers';
  return f.replace('%Y', 'YYYY').replace('%m', 'MM').replace('%d', 'DD').replace('%H', 'hh').replace('%I', 'hh')
    .replace('%M', 'mm').replace('%S', 'ss').replace('%b', 'Mon').replace('%B', 'Month').replace('%p', 'AM/PM')
    .replace('.%f', '');
}

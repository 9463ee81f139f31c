import type { FieldDef, KindDef, KindId } from './kinds/kindDef.ts';

/** Which source column feeds each canonical field of a kind. */
export interface Mapping {
  kind: KindId;
  /** field name -> source header (null: not in this file) */
  columns: Record<string, string | null>;
  /** Wide crime layouts: source header -> canonical offense name. */
  offenseColumns?: Record<string, string>;
  /** Flag layouts (death records): source header -> the group it marks (kind.flags). */
  flagColumns?: Record<string, string>;
  /** Tables wide by year (kind.byYear): source header -> the year it holds. */
  yearColumns?: Record<string, number>;
  /** The user's answer, per source header, for date columns whose sample could be read either way. */
  dateOrder?: Record<string, DateOrder>;
  /** Source headers the user vouched are not personal data although their values look like it
   *  (never honoured for Social Security numbers or email addresses). */
  notPersonal?: string[];
  /** The user's answers, per field, for values of a vocabulary field: normal form of the value
   *  (vocabularyKeyJs) -> the standard value it counts as, or '' to keep it as written (recode.ts). */
  values?: Record<string, Record<string, string>>;
  /** Day/month orders the data settled (the whole file, or a file of its layout), per source
   *  header: kept with the file so a restore reads it the same way without scanning or asking. */
  settled?: Record<string, DateOrderFact>;
  /** Values typed once for fields the file has no column for (fields marked `typed`): field -> value. */
  constants?: Record<string, string>;
}

import type { DateOrder, DateOrderFact } from './dateOrder.ts';

/** The one normal form of a header: lower case, words separated by single spaces. */
export function normaliseHeader(h: string): string {
  return h.replace(/^\uFEFF/, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

function synonymsOf(field: { name: string; synonyms: string[] }): string[] {
  return [normaliseHeader(field.name), ...field.synonyms];
}

/** Maps headers onto a kind's fields by synonyms: exact field names first, then synonyms in order
 *  of preference. A header feeds at most one field. */
export function proposeMapping(kind: KindDef, headers: readonly string[]): Mapping {
  const norm = headers.map(normaliseHeader);
  const used = new Set<number>();
  const columns: Record<string, string | null> = {};
  for (const f of kind.fields) columns[f.name] = null;
  const maxSyn = Math.max(...kind.fields.map((f) => synonymsOf(f).length));
  for (let rank = 0; rank < maxSyn; rank++) {
    for (const f of kind.fields) {
      if (columns[f.name]) continue;
      const syn = synonymsOf(f)[rank];
      if (syn == null) continue;
      const i = norm.findIndex((h, j) => h === syn && !used.has(j));
      if (i >= 0) {
        columns[f.name] = headers[i]!;
        used.add(i);
      }
    }
  }
  const mapping: Mapping = { kind: kind.id, columns };
  if (kind.wide) mapping.offenseColumns = columnsNamed(kind.wide.offenseSynonyms, headers, norm, used);
  if (kind.flags) mapping.flagColumns = columnsNamed(kind.flags.synonyms, headers, norm, used);
  if (kind.byYear) mapping.yearColumns = yearColumnsOf(headers, used);
  return mapping;
}

/** What a year column of a table wide by year holds: a count, or one of the kind's marks that it
 *  is withheld. */
export function yearCountField(kind: KindDef): FieldDef {
  return { name: 'count', label: 'Count', type: 'count', markers: kind.byYear?.markers, synonyms: [] };
}

/** Source header -> year, for every header not used by a field that is a year (1990-2099), as
 *  written ("2017") or with a word around it ("CY2017", "2017 deaths"). */
function yearColumnsOf(headers: readonly string[], used: ReadonlySet<number>): Record<string, number> {
  const out: Record<string, number> = {};
  headers.forEach((h, i) => {
    const m = /^\D{0,12}?((?:19|20)\d\d)\D{0,12}$/.exec(h.trim());
    if (m && !used.has(i) && !Object.values(out).includes(Number(m[1]))) out[h] = Number(m[1]);
  });
  return out;
}

/** Source header -> what it stands for, for every header not used by a field that a table of
 *  synonyms names (wide layouts' offense columns, death records' substance flags). */
function columnsNamed(synonyms: Readonly<Record<string, string>>, headers: readonly string[], norm: readonly string[],
  used: ReadonlySet<number>): Record<string, string> {
  const out: Record<string, string> = {};
  norm.forEach((h, i) => {
    const what = synonyms[h];
    if (what && !used.has(i)) out[headers[i]!] = what;
  });
  return out;
}

/** Source headers the mapping uses. */
export function usedHeaders(m: Mapping): string[] {
  const cols = Object.values(m.columns).filter((c): c is string => !!c);
  return [...new Set([...cols, ...Object.keys(m.offenseColumns ?? {}), ...Object.keys(m.flagColumns ?? {}), ...Object.keys(m.yearColumns ?? {})])];
}

export function missingRequired(kind: KindDef, m: Mapping): string[] {
  const missing = kind.fields.filter((f) => f.required && !m.columns[f.name] && !constantOf(m, f.name)).map((f) => f.label);
  if (kind.wide && Object.keys(m.offenseColumns ?? {}).length === 0) missing.push('at least one offense column');
  if (kind.flags && Object.keys(m.flagColumns ?? {}).length === 0) missing.push('at least one substance column');
  if (kind.byYear && Object.keys(m.yearColumns ?? {}).length === 0) missing.push('at least one year column (2019, 2020, ...)');
  for (const g of kind.requireOneOf ?? []) if (!g.fields.some((f) => m.columns[f])) missing.push(g.label);
  return missing;
}

/** Keeps only what still applies to these headers (a saved mapping reused on a new export). */
export function applySavedMapping(kind: KindDef, saved: Mapping, headers: readonly string[]): Mapping {
  const present = new Set(headers);
  const fresh = proposeMapping(kind, headers);
  const columns = { ...fresh.columns };
  for (const f of kind.fields) {
    const c = saved.columns[f.name];
    if (c === null) columns[f.name] = null;
    else if (c && present.has(c)) columns[f.name] = c;
  }
  const out: Mapping = { kind: kind.id, columns, ...userAnswers(saved, present) };
  const constants = Object.entries(saved.constants ?? {}).filter(([f, v]) => !columns[f] && v.trim() && kind.fields.some((x) => x.name === f && x.typed));
  if (constants.length) out.constants = Object.fromEntries(constants);
  // Value answers travel with their field (a later export may name the column differently).
  const values = Object.entries(saved.values ?? {}).filter(([f, v]) => columns[f] && Object.keys(v).length);
  if (values.length && saved.kind === kind.id) out.values = Object.fromEntries(values);
  if (kind.wide) {
    out.offenseColumns = Object.fromEntries(
      Object.entries(saved.offenseColumns ?? fresh.offenseColumns ?? {}).filter(([h]) => present.has(h)),
    );
  }
  if (kind.flags) {
    out.flagColumns = Object.fromEntries(
      Object.entries(saved.flagColumns ?? fresh.flagColumns ?? {}).filter(([h]) => present.has(h)),
    );
  }
  if (kind.byYear) out.yearColumns = fresh.yearColumns;
  return out;
}

/** The user's answers in a saved mapping that still apply to these headers. */
function userAnswers(saved: Mapping, present: ReadonlySet<string>): Pick<Mapping, 'dateOrder' | 'notPersonal' | 'settled'> {
  const out: Pick<Mapping, 'dateOrder' | 'notPersonal' | 'settled'> = {};
  const settled = Object.entries(saved.settled ?? {}).filter(([h, f]) => present.has(h) && (f.order === 'mdy' || f.order === 'dmy'));
  if (settled.length) out.settled = Object.fromEntries(settled);
  const orders = Object.entries(saved.dateOrder ?? {}).filter(([h, o]) => present.has(h) && (o === 'mdy' || o === 'dmy'));
  if (orders.length) out.dateOrder = Object.fromEntries(orders);
  const vouched = (saved.notPersonal ?? []).filter((h) => present.has(h));
  if (vouched.length) out.notPersonal = vouched;
  return out;
}

/** The mapping with the user's day/month order for these source headers. */
export function withDateOrder(m: Mapping, answers: Record<string, DateOrder>): Mapping {
  return { ...m, dateOrder: { ...m.dateOrder, ...answers } };
}

/** The mapping with one more source header vouched for as not personal data. */
export function vouchNotPersonal(m: Mapping, column: string): Mapping {
  return { ...m, notPersonal: [...new Set([...(m.notPersonal ?? []), column])] };
}

/** The value typed for a field the file has no column for, if any. */
export function constantOf(m: Mapping, field: string): string | null {
  if (m.columns[field]) return null;
  const v = m.constants?.[field]?.trim();
  return v ? v : null;
}

/** The mapping with a value typed for a field the file lacks ('' takes it away). */
export function withConstant(m: Mapping, field: string, value: string): Mapping {
  const constants = { ...m.constants };
  if (value.trim()) constants[field] = value.trim();
  else delete constants[field];
  return { ...m, constants };
}

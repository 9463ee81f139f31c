import type { FieldDef, KindDef } from './kinds/kindDef.ts';
import type { Mapping } from './mapping.ts';
import { NO, UNKNOWN, vocabularyKeyJs, YES } from './parse.ts';
import { CANONICAL_VALUES, suggestValue, vocabFieldOf } from './valueSuggestions.ts';

/** Values recoded once. A vocabulary field (pathway, treatment type, sex, race/ethnicity, primary
 *  substance, naloxone outcome, cost category) counts a value under a standard one when it is
 *  written the standard way, when the user said what it means (`mapping.values`, kept with the
 *  mapping and applied to later files), or when it plainly means one (valueSuggestions.ts: "Bup/Nx"
 *  is MOUD buprenorphine). Anything else is kept as written and shown, never dropped: it counts
 *  under no standard value. */

/** How a value came to count as its standard value. */
export type ValueSource = 'standard' | 'yours' | 'suggested' | 'unmapped';

export interface ValueRow {
  /** As the file writes it (the first spelling seen). */
  value: string;
  /** Its normal form (vocabularyKeyJs): what answers are keyed on. */
  key: string;
  /** Rows with this value (in the whole file once loaded, in the first rows before). */
  n: number;
  /** The standard value it counts as, or null: kept as written. */
  canonical: string | null;
  source: ValueSource;
}

/** Per field name: its values, most frequent first. */
export type ValueTable = Record<string, ValueRow[]>;

/** What the user answered "kept as written" is stored as. */
export const AS_WRITTEN = '';

/** Fields whose values are recoded: text fields with a standard vocabulary, and yes/no fields
 *  (whose plain spellings, yes/y/true/t/1 and the like, the parser reads by itself). */
export function recodableFields(kind: KindDef, mapping: Mapping): FieldDef[] {
  return kind.fields.filter((f) => (f.type === 'text' || isYesNo(f)) && mapping.columns[f.name] && vocabFieldOf(kind.id, f.name));
}

export function isYesNo(f: FieldDef): boolean {
  return f.type === 'boolean' || f.type === 'yesNoUnknown';
}

/** How the parser reads a yes/no value by itself, or null. */
function parsedYesNo(f: FieldDef, key: string): string | null {
  if (YES.includes(key)) return 'yes';
  if (NO.includes(key)) return 'no';
  if (f.type === 'yesNoUnknown' && UNKNOWN.includes(key)) return 'unknown';
  return null;
}

/** Yes/no fields are parsed while the file is read, so their recoding is known before it: the
 *  user's answers, and the suggestions for the values of the first rows the parser cannot read
 *  ("2" in a file that writes 1 for yes and 2 for no, answered once). Per field: key -> yes/no. */
export function yesNoRecodes(kind: KindDef, mapping: Mapping, header: readonly string[], sample: readonly string[][]): Record<string, Record<string, string>> {
  const table = sampleValueTable(kind, mapping, header, sample);
  const out: Record<string, Record<string, string>> = {};
  for (const f of recodableFields(kind, mapping).filter(isYesNo)) {
    const map: Record<string, string> = {};
    for (const r of table[f.name] ?? []) if (r.canonical && r.source !== 'standard') map[r.key] = r.canonical;
    for (const [k, v] of Object.entries(mapping.values?.[f.name] ?? {})) if (v) map[k] = v;
    if (Object.keys(map).length) out[f.name] = map;
  }
  return out;
}

/** The standard values of a field. */
export function standardValues(kind: KindDef, f: FieldDef): readonly string[] {
  const v = vocabFieldOf(kind.id, f.name);
  return f.values ?? (v ? CANONICAL_VALUES[v] : []);
}

/** One value: the standard spelling, the user's answer, a plain suggestion, or as written. */
export function resolveValue(kind: KindDef, f: FieldDef, value: string, answers: Readonly<Record<string, string>> = {}): Pick<ValueRow, 'canonical' | 'source'> {
  const key = vocabularyKeyJs(value);
  const std = isYesNo(f) ? parsedYesNo(f, key) : standardValues(kind, f).find((s) => vocabularyKeyJs(s) === key);
  if (key in answers) return answers[key] ? { canonical: answers[key]!, source: 'yours' } : { canonical: null, source: 'yours' };
  if (std) return { canonical: std, source: 'standard' };
  const vf = vocabFieldOf(kind.id, f.name);
  const s = vf ? suggestValue(vf, value) : null;
  return s ? { canonical: s, source: 'suggested' } : { canonical: null, source: 'unmapped' };
}

/** The value table of counted values (value, n), merged by normal form. */
export function valueRows(kind: KindDef, f: FieldDef, counts: readonly { value: string; n: number }[], mapping: Mapping): ValueRow[] {
  const byKey = new Map<string, ValueRow>();
  const answers = mapping.values?.[f.name] ?? {};
  for (const { value, n } of counts) {
    const key = vocabularyKeyJs(value);
    if (!key) continue;
    const row = byKey.get(key);
    if (row) row.n += n;
    else byKey.set(key, { value, key, n, ...resolveValue(kind, f, value, answers) });
  }
  return [...byKey.values()].sort((a, b) => b.n - a.n || a.value.localeCompare(b.value));
}

/** The value table from the first rows, before loading. */
export function sampleValueTable(kind: KindDef, mapping: Mapping, header: readonly string[], sample: readonly string[][]): ValueTable {
  const out: ValueTable = {};
  for (const f of recodableFields(kind, mapping)) {
    const i = header.indexOf(mapping.columns[f.name]!);
    const counts = new Map<string, number>();
    for (const r of sample) {
      const v = (r[i] ?? '').trim();
      if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    out[f.name] = valueRows(kind, f, [...counts].map(([value, n]) => ({ value, n })), mapping);
  }
  return out;
}

/** The mapping with one value's answer: the standard value it counts as, or AS_WRITTEN. */
export function withValue(m: Mapping, field: string, key: string, canonical: string): Mapping {
  return { ...m, values: { ...m.values, [field]: { ...m.values?.[field], [key]: canonical } } };
}

/** The recoding a load applies: normal form -> standard value, for every value that has one. */
export function recodeMap(rows: readonly ValueRow[]): Record<string, string> {
  return Object.fromEntries(rows.filter((r) => r.canonical != null && r.canonical !== r.value).map((r) => [r.key, r.canonical!]));
}

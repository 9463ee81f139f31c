import { sqlIdent, sqlString } from '../db/sql.ts';
import type { FieldDef } from './kinds/kindDef.ts';
import { constantOf, usedHeaders, yearCountField } from './mapping.ts';
import { expectedText, ifUnparsed, invalidCondition, tr, missingCondition, num, parsedExpr, statusExpr, vocabularyKey, vocabularyKeyJs } from './parse.ts';
import type { LoadPlan } from './plan.ts';
import { isYesNo, recodableFields, yesNoRecodes } from './recode.ts';

/** Pure SQL builders for loading one file. The staged table holds the used columns as text,
 *  renamed c0, c1, ... ; its rowid is the data row's position, so row = rowid + `firstDataRow`
 *  (2, or lower down when title lines sit above the header). */

/** The spreadsheet row of the first data row: the one after the header. */
export function firstDataRow(plan: LoadPlan): number {
  return (plan.sniffed.headerLine ?? 1) + 1;
}

export interface StageNames { stage: string; rejects: string; rejectsScan: string }

export function stageNames(n: number): StageNames {
  return { stage: `_stage_${n}`, rejects: `_rejects_${n}`, rejectsScan: `_rejects_scan_${n}` };
}

/** Staged column alias of each used header. */
export function stageAliases(plan: LoadPlan): Map<string, string> {
  return new Map(usedHeaders(plan.mapping).map((h, i) => [h, `c${i}`]));
}

/** Fields parsed once, while the file is read, into a staged column of their own (`p_<field>`), so
 *  the checks and the insert read the typed value instead of parsing the text again. Text fields
 *  are only trimmed, which costs less than storing them twice. */
function parsedOnRead(plan: LoadPlan) {
  return plan.kind.fields.filter((f) => f.type !== 'text' && plan.mapping.columns[f.name]);
}

/** Source columns mapped only to text fields: staged trimmed, with a blank as NULL, which is all
 *  the parsing a text field gets, so it is done once, while reading. */
function textColumns(plan: LoadPlan): Set<string> {
  const text = new Set<string>();
  const other = new Set<string>([...Object.keys(plan.mapping.offenseColumns ?? {}), ...Object.keys(plan.mapping.yearColumns ?? {})]);
  for (const f of plan.kind.fields) {
    const col = plan.mapping.columns[f.name];
    if (col) (f.type === 'text' ? text : other).add(col);
  }
  for (const c of other) text.delete(c);
  return text;
}

/** `encoding`: how DuckDB reads the registered file, when it is not the file as sniffed (a
 *  Windows-1252 file is registered transcoded to UTF-8, see `loadFile`). `computed`: columns
 *  worked out from the staged ones while reading (`expr AS name`, keepSql.inPlace). The staged
 *  table is an ordinary table, not a temporary one, so that it can become the file's own. */
export function stagingSql(plan: LoadPlan, source: string, names: StageNames, encoding: string = plan.sniffed.encoding,
  computed: readonly string[] = []): string {
  const s = plan.sniffed;
  const columns = s.header.map((h) => `${sqlString(h)}: 'VARCHAR'`).join(', ');
  const text = textColumns(plan);
  const yesNo = yesNoRecodes(plan.kind, plan.mapping, s.header, s.sample);
  const select = [
    ...[...stageAliases(plan)].map(([h, a]) => (text.has(h) ? `NULLIF(${tr(sqlIdent(h))}, '') AS ${a}` : `${sqlIdent(h)} AS ${a}`)),
    ...parsedOnRead(plan).map((f) => `${parsedExpr(f, recoded(sqlIdent(plan.mapping.columns[f.name]!), yesNo[f.name]), plan.formats[f.name] ?? [])} AS p_${f.name}`),
  ].join(', ');
  const read = `SELECT ${select} FROM read_csv(${sqlString(source)},
    columns = {${columns}}, header = true, skip = ${(s.headerLine ?? 1) - 1}, delim = ${sqlString(s.delimiter)}, quote = '"', escape = '"',
    auto_detect = false, encoding = ${sqlString(encoding)}, store_rejects = true,
    rejects_table = ${sqlString(names.rejects)}, rejects_scan = ${sqlString(names.rejectsScan)})`;
  // The computed columns read the staged ones by their aliases (c0, p_date), not the file's headers.
  return `CREATE OR REPLACE TABLE ${names.stage} AS ${computed.length ? `SELECT *, ${computed.join(', ')} FROM (${read})` : read}`;
}

/** A raw value as the standard one it was recoded to, where it was. */
function recoded(raw: string, map: Readonly<Record<string, string>> | undefined): string {
  if (!map || !Object.keys(map).length) return raw;
  const cases = Object.entries(map).map(([k, v]) => `WHEN ${sqlString(k)} THEN ${sqlString(v)}`).join(' ');
  return `(CASE ${vocabularyKey(tr(raw))} ${cases} ELSE ${raw} END)`;
}

/** Expressions over the staged row, by field name. */
export function fieldExprs(plan: LoadPlan) {
  const alias = stageAliases(plan);
  const byName = new Map(plan.kind.fields.map((f) => [f.name, f]));
  const raw = (name: string): string => {
    const col = plan.mapping.columns[name];
    return col ? alias.get(col)! : 'NULL';
  };
  const parsed = new Set(parsedOnRead(plan).map((f) => f.name));
  const text = textColumns(plan);
  const field = (name: string): string => {
    const f = byName.get(name);
    const typed = constantOf(plan.mapping, name);
    if (f && typed) return sqlString(typed);
    if (!f || !plan.mapping.columns[name]) return 'NULL';
    if (parsed.has(name)) return `p_${name}`;
    if (text.has(plan.mapping.columns[name]!)) return raw(name);
    return parsedExpr(f, raw(name), plan.formats[name] ?? []);
  };
  const status = (name: string): string => {
    const f = byName.get(name);
    return f && plan.mapping.columns[name] ? statusExpr(f, raw(name)) : `'missing'`;
  };
  const keep = plan.kind.keepRow ? plan.kind.keepRow(field, raw) : 'true';
  return { raw, field, status, keep, alias };
}

/** Flag values that say absent (with a blank). */
export const FLAG_NO = ['n', 'no', '0', 'false', 'f'];

const OFFENSE_COUNT: FieldDef = { name: 'count', label: 'Count', type: 'number', synonyms: [] };

/** SQL: whether the staged row is a total row (its place is one of kind.byYear.totals). */
export function isTotalRow(plan: LoadPlan): string {
  const { field } = fieldExprs(plan);
  return `coalesce(${vocabularyKey(field('place'))} IN (${(plan.kind.byYear?.totals ?? []).map(sqlString).join(', ')}), false)`;
}
/** One check of the staged rows. */
export interface Check {
  severity: 'error' | 'warning';
  column: string;
  condition: string;
  /** The raw value shown in messages. */
  value: string;
  message: (n: number) => string;
  fix: string;
}

/** `stage`: the staged table, for checks across rows (a total row against the rows it adds up). */
export function checks(plan: LoadPlan, stage = '_stage'): Check[] {
  const { raw, field } = fieldExprs(plan);
  const trimmed = textColumns(plan);
  const out: Check[] = [];
  for (const f of plan.kind.fields) {
    const col = plan.mapping.columns[f.name];
    if (!col) continue;
    const r = raw(f.name);
    // A value that was read as its type is not missing: only the others' text is looked at. A text
    // column was staged trimmed, with a blank as NULL.
    const missing = f.type !== 'text' ? ifUnparsed(field(f.name), missingCondition(r, f))
      : trimmed.has(col) ? `${r} IS NULL` : missingCondition(r, f);
    // A blank that means something (suppressed, not reported) is not a missing value.
    if (f.required && f.blankSkipped) {
      out.push({ severity: 'warning', column: col, condition: missing, value: r,
        message: (n) => `${f.label} is blank${n > 1 ? ` in ${n} rows` : ''}; ${n > 1 ? 'they were' : 'it was'} not loaded and ${n > 1 ? 'are' : 'is'} not counted${f.blankSkippedMeans ? `: ${f.blankSkippedMeans}` : '.'}`,
        fix: `If your records have the ${f.label.toLowerCase()} for ${'these rows'}, fill it in and load the file again; otherwise nothing to do.` });
    } else if (f.required && f.blankKept) {
      out.push({ severity: 'warning', column: col, condition: missing, value: r,
        message: (n) => `${f.label} is blank${n > 1 ? ` in ${n} rows` : ''}; ${n > 1 ? 'they were' : 'it was'} loaded, and count${n > 1 ? '' : 's'} in an offense group only where an offense code says which.`,
        fix: `If the export has another column that describes the ${f.label.toLowerCase()}, map it instead; otherwise nothing to do.` });
    } else if (f.required && !f.blankIsSuppressed && !f.blankMeansNotReported) {
      out.push({ severity: 'error', column: col, condition: missing, value: r,
        message: (n) => `${f.label} is blank${n > 1 ? ` in ${n} rows` : ''}; it is required.`,
        fix: `Fill in ${f.label.toLowerCase()} for every row, or map another column to it.` });
    }
    if (f.type !== 'text') {
      out.push({ severity: 'error', column: col, condition: invalidCondition(f, r, field(f.name)), value: r,
        message: (n) => `${n > 1 ? `${n} values are` : 'The value is'} not ${expected(f, plan)}.`,
        fix: isYesNo(f) && recodableFields(plan.kind, plan.mapping).includes(f)
          ? `Say what each such value means in the value table for ${f.label.toLowerCase()} on this card (for example 2 → no), then load again; the answer is kept for later files.`
          : 'Correct the value in the file, or map a different column.' });
    }
    if (f.type === 'count' || f.type === 'rate' || f.type === 'integer') {
      out.push({ severity: 'error', column: col, condition: `coalesce(${field(f.name)} < 0, false)`, value: r,
        message: (n) => `${n > 1 ? `${n} values are` : 'The value is'} negative; ${f.label.toLowerCase()} cannot be below zero.`,
        fix: 'Some systems write -1 for "unknown": leave such cells blank, or correct the number, then load again.' });
    }
    if (f.type === 'date' || f.type === 'datetime') {
      out.push({ severity: 'warning', column: col, condition: `coalesce(CAST(${field(f.name)} AS DATE) > DATE '${tomorrow()}', false)`, value: r,
        message: (n) => `${n > 1 ? `${n} dates are` : 'The date is'} in the future; loaded as written.`,
        fix: 'Check the year: if it is a typo, correct it in your records system and load the file again.' });
    }
  }
  for (const [h, a] of stageAliases(plan)) {
    if (!plan.mapping.offenseColumns?.[h]) continue;
    out.push({ severity: 'error', column: h,
      condition: invalidCondition(OFFENSE_COUNT, a, `TRY_CAST(${num(a)} AS DOUBLE)`),
      value: a, message: (n) => `${n > 1 ? `${n} values are` : 'The value is'} not a number.`,
      fix: 'Offense columns must hold counts; a blank cell is read as "not reported", never as zero.' });
  }
  if (plan.kind.byYear) {
    const f = yearCountField(plan.kind);
    const total = isTotalRow(plan);
    // A row whose year cells are the years themselves is a header: a second table starts there.
    const years = Object.entries(plan.mapping.yearColumns ?? {});
    const place = plan.mapping.columns.place;
    if (years.length && place) {
      out.push({ severity: 'error', column: place, value: stageAliases(plan).get(place)!,
        condition: years.map(([h, y]) => `coalesce(trim(${stageAliases(plan).get(h)!}) = '${y}', false)`).join(' AND '),
        message: (n) => `${n > 1 ? `${n} rows repeat` : 'This row repeats'} the header's years: a second table starts here (by place of death, say), and its rows would be read as more towns.`,
        fix: 'Save each table as a file of its own and load them one by one; each is kept as its own table of towns.' });
    }
    for (const [h, y] of years) {
      const a = stageAliases(plan).get(h)!;
      out.push({ severity: 'error', column: h, condition: invalidCondition(f, a, parsedExpr(f, a)), value: a,
        message: (n) => `${n > 1 ? `${n} values are` : 'The value is'} not a count (a whole number, or ${Object.keys(f.markers ?? {}).join(' ')} for a count withheld).`,
        fix: 'Year columns hold counts; correct the value, or remove the row.' });
      // The total row, where the places' counts are all given, must be their sum.
      const sum = `(SELECT sum(${parsedExpr(f, a)}) FROM ${stage} WHERE NOT ${total})`;
      const complete = `NOT EXISTS (SELECT 1 FROM ${stage} WHERE NOT ${total} AND ${parsedExpr(f, a)} IS NULL AND NOT (${missingCondition(a)}))`;
      out.push({ severity: 'warning', column: h, value: a,
        condition: `${total} AND ${complete} AND ${parsedExpr(f, a)} IS DISTINCT FROM ${sum}`,
        message: () => `The total row's ${y} count is not the sum of the places above it; the places are loaded as written and the total row is not.`,
        fix: 'Check whether the table lists every place (a place left out, or a second table below the first, changes the sum).' });
    }
  }
  if (plan.kind.flags) {
    const known = [...plan.kind.flags.present, ...FLAG_NO].map(sqlString).join(', ');
    for (const [h, a] of stageAliases(plan)) {
      const g = plan.mapping.flagColumns?.[h];
      if (!g || plan.kind.flags.namedByValue?.includes(g)) continue;
      out.push({ severity: 'warning', column: h, value: a,
        condition: `NOT (${missingCondition(a)}) AND lower(trim(${a})) NOT IN (${known}) AND NOT regexp_matches(lower(trim(${a})), '^y([^a-z]|$)')`,
        message: (n) => `${n > 1 ? `${n} values are` : 'The value is'} neither yes (Y, Yes, 1, true, or Y with a note such as "Y-A") nor no (blank, N, No, 0); read as absent.`,
        fix: 'Check what the export writes in this column; a substance found is usually written Y.' });
    }
  }
  for (const c of plan.kind.checks ?? []) {
    if (!c.needs.every((n) => plan.mapping.columns[n])) continue;
    const col = plan.mapping.columns[c.column]!;
    out.push({ severity: c.severity, column: col, condition: `coalesce(${c.condition(field)}, false)`, value: raw(c.column),
      message: (n) => (n > 1 ? `${c.message} (${n} rows)` : c.message), fix: c.fix });
  }
  return out;
}

function expected(f: FieldDef, plan: LoadPlan): string {
  return expectedText(f, plan.formats[f.name] ?? []);
}

export function checkCountsSql(cs: readonly Check[], stage: string, keep: string): string {
  const parts = cs.map((c, i) => `count(*) FILTER (WHERE ${c.condition}) AS n${i}, min(rowid) FILTER (WHERE ${c.condition}) AS r${i}`);
  return `SELECT count(*) AS total${parts.length ? ', ' + parts.join(', ') : ''} FROM ${stage} WHERE ${keep}`;
}

export function checkRowsSql(c: Check, stage: string, keep: string, firstRow: number, limit = 5): string {
  return `SELECT rowid + ${firstRow} AS row, ${c.value} AS value FROM ${stage} WHERE ${keep} AND ${c.condition} ORDER BY rowid LIMIT ${limit}`;
}

export function duplicatesSql(expr: string, stage: string, keep: string, firstRow: number, limit = 5): string {
  return `SELECT v AS value, count(*) AS n, list(rowid + ${firstRow} ORDER BY rowid)[1:3] AS rows
    FROM (SELECT ${expr} AS v, rowid FROM ${stage} WHERE ${keep}) WHERE v IS NOT NULL
    GROUP BY v HAVING count(*) > 1 ORDER BY min(rowid) LIMIT ${limit}`;
}

export function vocabularySql(f: FieldDef, raw: string, stage: string, keep: string, limit = 5): string {
  const keys = (f.values ?? []).map((v) => sqlString(vocabularyKeyJs(v))).join(', ');
  return `SELECT trim(${raw}) AS value, count(*) AS n FROM ${stage}
    WHERE ${keep} AND NOT (${missingCondition(raw)}) AND ${vocabularyKey(raw)} NOT IN (${keys})
    GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${limit}`;
}

/** Tomorrow's date (UTC), as text: the future-date check compares with a literal because
 *  duckdb-wasm without its ICU extension has no current_date, nor a cast of now() to DATE. */
function tomorrow(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

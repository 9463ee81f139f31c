import { selectList, plainSelectList } from '../db/fileTables.ts';
import { tableColumns, type TableName } from '../db/schema.ts';
import { sqlIdent, sqlString } from '../db/sql.ts';
import type { FieldDef } from './kinds/kindDef.ts';
import { yearCountField } from './mapping.ts';
import { fieldExprs, FLAG_NO, isTotalRow } from './loadSql.ts';
import { num, parsedExpr, statusExpr, vocabularyKey, vocabularyKeyJs } from './parse.ts';
import type { LoadPlan } from './plan.ts';
import { isYesNo, recodableFields } from './recode.ts';

/** Pure SQL builders for keeping a staged file (ingest/load.ts) as its own table (db/fileTables.ts).
 *  Two ways:
 *  - in place (`inPlace`): when every canonical column is a function of one staged row alone, the
 *    columns that need working out are worked out while the file is read (`k_<column>`), and after
 *    the checks the staged table itself becomes the file's table: rows not kept are deleted, the
 *    columns only the checks needed are dropped, and the view names the rest. No row is copied.
 *  - by a copy (`copiedTableSql`): when a column depends on what the whole file holds (a value
 *    recoded from the values found, a field with a vocabulary), or a row becomes several (one per
 *    offense column, drug column or year column), the canonical rows are selected into a new table.
 *    These are the program's own exports and the small public tables. */

type Recodes = Readonly<Record<string, Record<string, string>>>;

/** A field with a vocabulary stores the standard spelling when it matches one, and the standard
 *  value a recoded value counts as (recode.ts: the user's answers and plain suggestions). */
function canonicalValue(f: FieldDef, parsed: string, recodes: Readonly<Record<string, string>> = {}): string {
  const pairs = new Map<string, string>(Object.entries(recodes));
  for (const v of f.values ?? []) if (!pairs.has(vocabularyKeyJs(v))) pairs.set(vocabularyKeyJs(v), v);
  if (!pairs.size) return parsed;
  const cases = [...pairs].map(([k, v]) => `WHEN ${sqlString(k)} THEN ${sqlString(v)}`).join(' ');
  return `(CASE ${vocabularyKey(parsed)} ${cases} ELSE ${parsed} END)`;
}

/** Per canonical column, its value as an expression over the staged row. `recodes`: per field,
 *  normal form of a value -> the standard value it is stored as. Not for tables wide by year. */
function canonicalExprs(plan: LoadPlan, recodes: Recodes = {}): Map<string, string> {
  const { field, status, alias } = fieldExprs(plan);
  const table = plan.kind.table;
  const byName = new Map(plan.kind.fields.map((f) => [f.name, f]));
  const flagged = flagGroups(plan, alias);
  // Wide layouts (one value column per offense): each row becomes one row per offense column, the
  // offense named by its column and the value from it; every other column as for any file.
  const wide = plan.kind.wide;
  const offenses = Object.entries(plan.mapping.offenseColumns ?? {});
  return new Map(tableColumns(table).map((c) => {
    if (wide && c === 'offense') return [c, `unnest([${offenses.map(([, o]) => sqlString(o)).join(', ')}])`];
    if (wide && c === wide.valueColumn) return [c, `unnest([${offenses.map(([h]) => `TRY_CAST(${num(alias.get(h)!)} AS DOUBLE)`).join(', ')}])`];
    const custom = plan.kind.columns?.[c];
    if (custom) return [c, custom(field, status)];
    if (flagged.has(c)) return [c, flagged.get(c)!];
    if (c === 'nibrs_code' && table === 'crime_incidents') {
      // As the file gives it: offenses are matched to codes when queried (db/derived, metrics/crime).
      return [c, `upper(${field('nibrs_code')})`];
    }
    const f = byName.get(c);
    return [c, f ? canonicalValue(f, field(c), recodes[c]) : 'NULL'];
  }));
}

/** The rows kept: those the kind keeps, less those whose `blankSkipped` field is blank (the checks
 *  report them). 'true' when every row is kept. */
function keptRows(plan: LoadPlan): string {
  const { field, keep } = fieldExprs(plan);
  const skipped = plan.kind.fields.filter((f) => f.blankSkipped && plan.mapping.columns[f.name]).map((f) => `${field(f.name)} IS NOT NULL`);
  return [keep, ...skipped].filter((c) => c !== 'true').join(' AND ') || 'true';
}

/** A staged column, a constant or NULL: named by the view as it is, nothing to work out. */
const AS_STAGED = /^(c\d+|p_\w+|NULL|'(?:[^']|'')*')$/;

/** A staged column's name anywhere in an expression (a text constant that looks like one only
 *  makes the expression stored, which is never wrong). */
const STAGED_NAME = /\b(c\d+|p_\w+)\b/;

/** How a file keeps its staged table in place, or undefined when it needs a copy (see above):
 *  `computed`, the columns worked out while reading (`expr AS k_<column>`, for stagingSql); after
 *  the checks, `deleteSql` (or none) and `dropSql` make the staged table the file's table, and
 *  `list` is its SELECT list for the view. */
export function inPlace(plan: LoadPlan, stage: string): { computed: string[]; deleteSql?: string; dropSql: string[]; list: string } | undefined {
  if (plan.kind.byYear || plan.kind.wide) return undefined;
  // Values recoded from what the file holds (recode.ts: a vocabulary's plain suggestions and the
  // user's answers) are known only after the read; yes/no fields are recoded while reading.
  if (plan.kind.fields.some((f) => f.values && plan.mapping.columns[f.name])) return undefined;
  if (recodableFields(plan.kind, plan.mapping).some((f) => !isYesNo(f))) return undefined;
  const exprs = canonicalExprs(plan);
  // unnest: one file row becomes several (the DOSE files' drug columns).
  if ([...exprs.values()].some((e) => /\bunnest\(/i.test(e))) return undefined;
  const computed: string[] = [];
  const named = new Map<string, string>();
  for (const [c, e] of exprs) {
    // A staged column or a constant (no staged column in it: a count of 1 where the file has no
    // count column) is named by the view as it is, not stored once per row.
    if (AS_STAGED.test(e) || !STAGED_NAME.test(e)) named.set(c, e);
    else {
      computed.push(`${e} AS ${sqlIdent(`k_${c}`)}`);
      named.set(c, sqlIdent(`k_${c}`));
    }
  }
  const used = new Set([...named.values()].filter((e) => /^(c\d+|p_\w+|"k_\w+")$/.test(e)).map((e) => e.replace(/"/g, '')));
  const staged = [...fieldExprs(plan).alias.values(), ...plan.kind.fields.filter((f) => f.type !== 'text' && plan.mapping.columns[f.name]).map((f) => `p_${f.name}`)];
  const kept = keptRows(plan);
  return {
    computed,
    deleteSql: kept === 'true' ? undefined : `DELETE FROM ${stage} WHERE NOT coalesce(${kept}, false)`,
    dropSql: staged.filter((c) => !used.has(c)).map((c) => `ALTER TABLE ${stage} DROP COLUMN ${sqlIdent(c)}`),
    list: selectList(plan.kind.table, named),
  };
}

/** The file's rows, selected from the staged table into `target` in the canonical columns; the
 *  view's SELECT list for it is `plainSelectList`. */
export function copiedTableSql(plan: LoadPlan, stage: string, target: string, recodes: Recodes = {}): { sql: string; list: string } {
  const table = plan.kind.table as TableName;
  const list = plainSelectList(table);
  if (plan.kind.byYear) return { sql: byYearTableSql(plan, stage, target), list };
  return { sql: `CREATE TABLE ${target} AS SELECT ${selectList(table, canonicalExprs(plan, recodes))} FROM ${stage} WHERE ${keptRows(plan)}`, list };
}

/** SQL: whether a flag cell says present (kind.flags.present, or Y with a qualifier: "Y-A",
 *  "Y (PTCH)"); blank or anything else is absent. In a column of a group named by its values
 *  (`namedByValue`: an "Other" column writing the substance) any value but a no counts. */
function flagPresent(plan: LoadPlan, a: string, group: string): string {
  const flags = plan.kind.flags!;
  const v = `lower(trim(${a}))`;
  if (flags.namedByValue?.includes(group)) {
    return `coalesce(${v} <> '' AND ${v} NOT IN (${FLAG_NO.map(sqlString).join(', ')}), false)`;
  }
  return `coalesce(${v} IN (${flags.present.map(sqlString).join(', ')}) OR regexp_matches(${v}, '^y([^a-z]|$)'), false)`;
}

/** Flag layouts: each group's column, true when any of the columns marking it (or a group that
 *  implies it) says present. A group no column marks is NULL (not known), never false. */
function flagGroups(plan: LoadPlan, alias: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const flags = plan.kind.flags;
  if (!flags) return out;
  const marks = new Map<string, string[]>();
  for (const [h, g] of Object.entries(plan.mapping.flagColumns ?? {})) {
    for (const x of [g, ...(flags.implies?.[g] ?? [])]) marks.set(x, [...(marks.get(x) ?? []), flagPresent(plan, alias.get(h)!, g)]);
  }
  for (const g of flags.groups) {
    const m = marks.get(g);
    out.set(g, m ? `(${m.join(' OR ')})` : 'NULL');
  }
  return out;
}

/** Tables wide by year: one row per place and year column, a total row left out (it is checked
 *  against the places' sum instead). `basis`: what the place column says it is, from its header
 *  ("city_resid", "City/Town of Residence": residence; "Place of Death", "Occurrence": death). */
function byYearTableSql(plan: LoadPlan, stage: string, target: string): string {
  const { field, keep, alias } = fieldExprs(plan);
  const years = Object.entries(plan.mapping.yearColumns ?? {});
  const f = yearCountField(plan.kind);
  const header = (plan.mapping.columns.place ?? '').toLowerCase();
  const basis = /resid/.test(header) ? 'residence' : /death|occurr/.test(header) ? 'death' : null;
  return `CREATE TABLE ${target} AS SELECT place::VARCHAR AS place, year::INTEGER AS year, count::DOUBLE AS count,
      status::VARCHAR AS status, ${basis ? sqlString(basis) : 'NULL'}::VARCHAR AS basis
    FROM (SELECT ${field('place')} AS place, unnest([${years.map(([, y]) => y).join(', ')}]) AS year,
      unnest([${years.map(([h]) => parsedExpr(f, alias.get(h)!)).join(', ')}]) AS count,
      unnest([${years.map(([h]) => statusExpr(f, alias.get(h)!)).join(', ')}]) AS status
      FROM ${stage} WHERE ${keep} AND ${field('place')} IS NOT NULL AND NOT ${isTotalRow(plan)})`;
}

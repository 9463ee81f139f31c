import type { Connection } from '../db/database.ts';
import { fieldExprs, type StageNames } from './loadSql.ts';
import { missingCondition, tr } from './parse.ts';
import type { LoadPlan } from './plan.ts';
import type { Problem } from './problems.ts';
import { isYesNo, recodableFields, recodeMap, valueRows, type ValueTable } from './recode.ts';

/** The most distinct values listed per field: more than this is not a vocabulary. */
const MAX_VALUES = 200;

/** Every distinct value of the plan's vocabulary fields in the staged file, with its count and the
 *  standard value it counts as (recode.ts), and the load report's notes on them: values recoded by
 *  suggestion (say so, so a wrong one is seen) and values kept as written (they count under none). */
export async function stagedValues(conn: Connection, plan: LoadPlan, names: StageNames): Promise<{ table: ValueTable; problems: Problem[] }> {
  const { raw, keep } = fieldExprs(plan);
  const table: ValueTable = {};
  const problems: Problem[] = [];
  for (const f of recodableFields(plan.kind, plan.mapping)) {
    const r = raw(f.name);
    const counts = await conn.query<{ value: string; n: number }>(`SELECT ${tr(r)} AS value, count(*)::INTEGER AS n FROM ${names.stage}
      WHERE ${keep} AND NOT (${missingCondition(r)}) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${MAX_VALUES}`);
    const rows = valueRows(plan.kind, f, counts.map((c) => ({ value: String(c.value), n: Number(c.n) })), plan.mapping);
    table[f.name] = rows;
    const column = plan.mapping.columns[f.name]!;
    const list = (xs: typeof rows, arrow: boolean) => xs.slice(0, 8).map((x) => `"${x.value}" (${x.n})${arrow ? ` → ${x.canonical}` : ''}`).join(', ')
      + (xs.length > 8 ? ` and ${xs.length - 8} more` : '');
    const suggested = rows.filter((x) => x.source === 'suggested');
    if (suggested.length) {
      problems.push({ severity: 'warning', file: plan.file, column, code: 'values-suggested',
        message: `Values counted as the standard value they plainly mean: ${list(suggested, true)}.`,
        fix: `If one is wrong, change it in the value table for ${f.label.toLowerCase()} on this card; the file is loaded again with your answer, which is kept for later files.` });
    }
    const unmapped = rows.filter((x) => x.canonical == null);
    // A yes/no value the parser cannot read is already an error of the file, by row.
    if (unmapped.length && !isYesNo(f)) {
      const n = unmapped.reduce((a, x) => a + x.n, 0);
      problems.push({ severity: 'warning', file: plan.file, column, code: 'values-unmapped', count: n,
        message: `Values kept as written, so they count under no ${f.label.toLowerCase()} in breakdowns and funder measures: ${list(unmapped, false)}.`,
        fix: `Say what each means in the value table for ${f.label.toLowerCase()} on this card (standard values: ${(f.values ?? []).join(', ') || 'see the table'}).` });
    }
  }
  return { table, problems };
}

/** Per text field: normal form -> standard value, for the insert (yes/no fields were recoded while
 *  the file was read: yesNoRecodes). */
export function recodesOf(plan: LoadPlan, table: ValueTable): Record<string, Record<string, string>> {
  const text = new Set(plan.kind.fields.filter((f) => !isYesNo(f)).map((f) => f.name));
  return Object.fromEntries(Object.entries(table).filter(([f]) => text.has(f)).map(([f, rows]) => [f, recodeMap(rows)]));
}

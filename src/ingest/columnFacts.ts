import type { Connection, Database } from '../db/database.ts';
import { sqlIdent, sqlString } from '../db/sql.ts';
import { readAs, type DateOrder, type DateOrderExample, type DateOrderFact } from './dateOrder.ts';
import type { LoadPlan } from './plan.ts';
import { readable } from './transcode.ts';

const SLASH = `'^\\s*(\\d{1,2})/(\\d{1,2})/(\\d{4})'`;
const part = (col: string, i: number) => `TRY_CAST(regexp_extract(${col}, ${SLASH}, ${i}) AS INTEGER)`;

/** One scan of the file for the columns the plan could not settle: the largest first and second
 *  part of each, and a value proving each order. Every column is read as text, bad rows skipped. */
export function dateOrderScanSql(plan: LoadPlan, source: string, columns: readonly string[], encoding = plan.sniffed.encoding as string): string {
  const s = plan.sniffed;
  const types = s.header.map((h) => `${sqlString(h)}: 'VARCHAR'`).join(', ');
  const parts = columns.flatMap((c, i) => {
    const v = sqlIdent(c);
    return [`max(${part(v, 1)}) AS a${i}`, `max(${part(v, 2)}) AS b${i}`,
      `min(trim(${v})) FILTER (WHERE ${part(v, 1)} > 12) AS pa${i}`, `min(trim(${v})) FILTER (WHERE ${part(v, 2)} > 12) AS pb${i}`];
  });
  return `SELECT ${parts.join(', ')} FROM ${readCsv(plan, source, types, encoding)}`;
}

/** Up to three values of one column that read differently as month/day and as day/month. */
export function dateOrderExamplesSql(plan: LoadPlan, source: string, column: string, encoding = plan.sniffed.encoding as string): string {
  const types = plan.sniffed.header.map((h) => `${sqlString(h)}: 'VARCHAR'`).join(', ');
  const v = sqlIdent(column);
  return `SELECT DISTINCT trim(${v}) AS value FROM ${readCsv(plan, source, types, encoding)}
    WHERE ${part(v, 1)} <> ${part(v, 2)} ORDER BY value LIMIT 3`;
}

function readCsv(plan: LoadPlan, source: string, types: string, encoding: string): string {
  const s = plan.sniffed;
  return `read_csv(${sqlString(source)}, columns = {${types}}, header = true, skip = ${(s.headerLine ?? 1) - 1}, delim = ${sqlString(s.delimiter)},
    quote = '"', escape = '"', auto_detect = false, encoding = ${sqlString(encoding)}, ignore_errors = true)`;
}

/** The order a column's largest parts prove: a first part over 12 with no second part over 12 is
 *  day/month; the reverse is month/day; neither (or both: not one order) settles nothing. */
export function provenOrder(maxFirst: number | null, maxSecond: number | null): DateOrder | null {
  const a = (maxFirst ?? 0) > 12;
  const b = (maxSecond ?? 0) > 12;
  if (a === b) return null;
  return a ? 'dmy' : 'mdy';
}

/** Reads the whole file for the plan's slash-date columns the first rows left open. A file that
 *  cannot be scanned settles nothing (the user is asked, as before). */
export async function settleDateOrders(db: Database, conn: Connection, source: Blob | string, plan: LoadPlan): Promise<Record<string, DateOrderFact>> {
  const columns = plan.ambiguousDates.map((f) => plan.mapping.columns[f]!).filter((c) => !plan.mapping.dateOrder?.[c]);
  if (!columns.length) return {};
  const registered = `facts_${++scans}_${plan.file.replace(/[^A-Za-z0-9._-]/g, '_')}`;
  const out: Record<string, DateOrderFact> = {};
  let ref: string | null = null;
  try {
    const { input, encoding } = await readable(db, source, plan.sniffed.encoding);
    ref = await db.registerFile(registered, input);
    const [r] = await conn.query<Record<string, number | string | null>>(dateOrderScanSql(plan, ref, columns, encoding));
    for (const [i, c] of columns.entries()) {
      const order = provenOrder(num(r?.[`a${i}`]), num(r?.[`b${i}`]));
      if (order) {
        out[c] = { order, proof: String(r?.[order === 'dmy' ? `pa${i}` : `pb${i}`] ?? ''), examples: [] };
        continue;
      }
      const rows = await conn.query<{ value: string }>(dateOrderExamplesSql(plan, ref, c, encoding));
      const examples = rows.map(({ value }) => ({ value, mdy: readAs(value, 'mdy'), dmy: readAs(value, 'dmy') }))
        .filter((e): e is DateOrderExample => !!e.mdy && !!e.dmy);
      const withinTwelve = (num(r?.[`a${i}`]) ?? 0) <= 12 && (num(r?.[`b${i}`]) ?? 0) <= 12;
      out[c] = examples.length || !withinTwelve ? { order: null, examples } : { order: 'mdy', moot: true, proof: '', examples: [] };
    }
    return out;
  } catch {
    return {};
  } finally {
    if (ref) await db.dropFile(registered).catch(() => undefined);
  }
}

let scans = 0;

function num(v: unknown): number | null {
  return v == null ? null : Number(v);
}

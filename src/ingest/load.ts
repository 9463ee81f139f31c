import { Cancelled, type Connection, type Database } from '../db/database.ts';
import { addFileTable, newFileTable } from '../db/fileTables.ts';
import { copiedTableSql, inPlace } from './keepSql.ts';
import { constantOf, usedHeaders } from './mapping.ts';
import {
  checkCountsSql, checkRowsSql, checks, duplicatesSql, fieldExprs, firstDataRow, stageNames, stagingSql,
  vocabularySql, type StageNames,
} from './loadSql.ts';
import type { LoadPlan } from './plan.ts';
import { hasErrors, type Problem } from './problems.ts';
import { explainDuckDbError } from './duckdbErrors.ts';
import { EXCEL_SERIAL } from './dateFormats.ts';
import { dateOrderNote } from './dateOrder.ts';
import { humanFormat } from './parse.ts';
import type { LoadOptions, LoadStep } from './progress.ts';
import { memoryProblem } from './memory.ts';
import { recodesOf, stagedValues } from './loadValues.ts';
import { recodableFields, type ValueTable } from './recode.ts';
import { asBlob, windows1252ToUtf8 } from './transcode.ts';
import { forget, inTransaction, rederive } from './tableChanges.ts';

type InPlace = NonNullable<ReturnType<typeof inPlace>>;
type Recodes = Record<string, Record<string, string>>;

export interface LoadReport {
  file: string;
  kind: string;
  table: string;
  ok: boolean;
  rowsLoaded: number;
  /** Every distinct value of each vocabulary field, with the standard value it counts as. */
  values: ValueTable;
  /** field label -> source column */
  understood: { field: string; column: string }[];
  ignored: string[];
  problems: Problem[];
  ms: number;
}

let counter = 0;

/** Loads one file whole or not at all. Tables loaded earlier are untouched unless this file loads
 *  completely; a file with the same name as an earlier one replaces that file's rows. With a
 *  signal, aborting it rejects with `Cancelled` and leaves every table as it was. */
export async function loadFile(db: Database, conn: Connection, source: Blob | string, plan: LoadPlan, opts: LoadOptions = {}): Promise<LoadReport> {
  const t0 = performance.now();
  const { signal } = opts;
  const step = (s: LoadStep, rows?: number) => {
    if (signal?.aborted) throw new Cancelled();
    opts.onProgress?.({ step: s, totalBytes: plan.size, rows });
  };
  const n = ++counter;
  const names = stageNames(n);
  const problems: Problem[] = [...plan.sniffed.warnings];
  let valueTable: ValueTable = {};
  const report = (rowsLoaded: number): LoadReport => ({
    file: plan.file, kind: plan.kind.label, table: plan.kind.table,
    ok: rowsLoaded > 0 && !hasErrors(problems), rowsLoaded, values: valueTable,
    understood: understood(plan), ignored: ignored(plan), problems, ms: performance.now() - t0,
  });
  // A plan that already carries an error (missing columns, a file cut short) is not staged at all.
  if (hasErrors(problems)) return report(0);
  const memory = await memoryProblem(conn, plan.file, plan.size);
  if (memory) {
    problems.push(memory);
    return report(0);
  }
  const registered = `upload_${n}_${plan.file.replace(/[^A-Za-z0-9._-]/g, '_')}`;
  // DuckDB's 'latin-1' reader refuses the bytes 0x80-0x9F, where Windows-1252 keeps ’ “ ” – — €:
  // such a file is read as UTF-8 after turning it into UTF-8 here. The sniffed warning stays.
  const transcode = plan.sniffed.encoding === 'latin-1';
  let input: Blob | string = source;
  if (transcode) {
    step('reading');
    try {
      input = await windows1252ToUtf8(await asBlob(db, source), signal);
    } catch (e) {
      if (e instanceof Cancelled) throw e;
      problems.push(explainDuckDbError(plan.file, e));
      return report(0);
    }
  }
  const readBytes = typeof input === 'string' ? plan.size : input.size;
  // Kept in place where it can be (keepSql.ts): then the staged table becomes the file's own.
  const direct = inPlace(plan, names.stage);
  const ref = await db.registerFile(registered, input);
  try {
    step('reading');
    const unwatch = db.watchReads?.((bytes) => opts.onProgress?.({ step: 'reading', bytes: bytes * (plan.size / Math.max(1, readBytes)), totalBytes: plan.size }));
    try {
      await conn.run(stagingSql(plan, ref, names, transcode ? 'utf-8' : plan.sniffed.encoding, direct?.computed), signal);
    } catch (e) {
      if (e instanceof Cancelled) throw e;
      problems.push(explainDuckDbError(plan.file, e));
      return report(0);
    } finally {
      unwatch?.();
    }
    step('checking');
    problems.push(...(await rejectedRows(conn, plan, names)));
    if (hasErrors(problems)) return report(0);
    // The value table first: a file refused for a value no one has said the meaning of shows it.
    const values = await stagedValues(conn, plan, names);
    valueTable = values.table;
    const total = await validate(conn, plan, names, problems, signal);
    if (total === 0) {
      problems.push({ severity: 'error', file: plan.file, row: firstDataRow(plan), message: 'The file has a header row but no data rows.',
        fix: 'Export the data again with the rows included.' });
    }
    if (hasErrors(problems)) return report(0);
    for (const f of plan.ambiguousDates) {
      const column = plan.mapping.columns[f]!;
      problems.push(dateOrderNote(plan.file, column, plan.mapping.dateOrder?.[column], plan.dateExamples[f] ?? []));
    }
    problems.push(...dateNotes(plan));
    problems.push(...values.problems);
    step('saving', total);
    try {
      return report(await commit(conn, plan, names, direct ? { inPlace: direct } : { recodes: recodesOf(plan, values.table) }, signal, () => step('summarising', total)));
    } catch (e) {
      // Rolled back: the tables are as they were. Running out of memory is said in words.
      if (e instanceof Cancelled) throw e;
      problems.push(explainDuckDbError(plan.file, e));
      return report(0);
    }
  } finally {
    await cleanup(conn, names);
    await db.dropFile(registered).catch(() => undefined);
  }
}


/** Warnings that say how a date column was read, when it was not written one plain way. */
function dateNotes(plan: LoadPlan): Problem[] {
  const out: Problem[] = [];
  for (const [name, formats] of Object.entries(plan.formats)) {
    const column = plan.mapping.columns[name]!;
    const note = (message: string, fix: string) => out.push({ severity: 'warning', file: plan.file, column, message, fix });
    if (formats.length > 1) {
      note(`Dates in this column are written in ${formats.length} ways (${formats.map(humanFormat).join(', ')}); each was read by its own format.`,
        'Check a few dates in the table below; an export with one date format avoids surprises.');
    }
    // An ambiguous column's order is said by its own note (the user's answer, or the default).
    const settled = plan.settledDates[name];
    if (settled?.moot) {
      note('Every date in this column has the same day and month (such as 01/01), so it reads the same as month/day or day/month; nothing needed asking.',
        'Nothing to do.');
    } else if (settled) {
      const words = settled.order === 'dmy' ? 'day/month (DD/MM/YYYY)' : 'month/day (MM/DD/YYYY)';
      const where = settled.from ? `"${settled.from}", a file of the same layout added with it,` : 'later rows of the file';
      note(`The first rows could be read either way; dates were read as ${words}, because ${where} ${settled.from ? 'has' : 'have'} dates such as "${settled.proof}" that can only be read so.`,
        `If this file writes ${settled.order === 'dmy' ? 'month/day' : 'day/month'}, correct the mapping's date order and load it again.`);
    } else if (!plan.ambiguousDates.includes(name) && formats.some((f) => f.startsWith('%d/%m/%Y'))) {
      note('Dates were read as day/month (DD/MM/YYYY), because some have a first part over 12.',
        'If this file writes month/day, those dates are wrong: correct them and load the file again.');
    }
    if (formats.includes(EXCEL_SERIAL)) {
      const i = plan.sniffed.header.indexOf(column);
      const example = plan.sniffed.sample.map((r) => (r[i] ?? '').trim()).find((v) => /^\d{5}(\.\d+)?$/.test(v));
      const day = example && new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(example)) * 86_400_000).toISOString().slice(0, 10);
      note(`Dates were written as Excel serial numbers (days since 1899-12-30) and were converted${example ? `: "${example}" is ${day}` : ''}.`,
        'Check a few dates in the table below. To avoid this, format the column as a date in the spreadsheet before saving as CSV.');
    }
  }
  return out;
}

async function rejectedRows(conn: Connection, plan: LoadPlan, names: StageNames): Promise<Problem[]> {
  type Rej = { line: number; column_name: string | null; error_type: string; csv_line: string | null; error_message: string };
  const rows = await conn.query<Rej>(
    `SELECT line, column_name, error_type, csv_line, error_message FROM ${names.rejects} ORDER BY line LIMIT 1000`);
  // A notes block after the data (CDC WONDER: a line "---" and then notes) is not data.
  const notesStart = rows.find((r) => /^"?---"?/.test((r.csv_line ?? '').trim()))?.line;
  // DuckDB reports a short row once per missing column; one problem per row is enough.
  const seen = new Set<number>();
  const real = rows.filter((r) => (notesStart == null || r.line < notesStart) && !seen.has(r.line) && seen.add(r.line));
  const width = plan.sniffed.header.length;
  return real.slice(0, 10).map((r): Problem => {
    const found = /Found: (\d+)/.exec(r.error_message)?.[1];
    const tooFew = r.error_type === 'MISSING COLUMNS';
    const tooMany = r.error_type === 'TOO MANY COLUMNS';
    const message = tooFew || tooMany
      ? `This row has ${found ?? (tooFew ? 'fewer' : 'more')} values where the header has ${width} columns.`
      : `This row could not be read (${r.error_type.toLowerCase()}).`;
    return { severity: 'error', file: plan.file, row: Number(r.line), column: r.column_name ?? undefined,
      message, fix: plan.kind.byYear && tooFew
        ? 'If a second table starts here (a title line, then its own header: deaths by place of death, say), save each table as a file of its own and load them one by one; otherwise check for a missing delimiter on that row.'
        : 'Check for a missing or extra delimiter, or an unclosed quote, on that row.', count: real.length > 10 && r === real[0] ? real.length : undefined };
  });
}

async function validate(conn: Connection, plan: LoadPlan, names: StageNames, problems: Problem[], signal?: AbortSignal): Promise<number> {
  const { keep, raw, field } = fieldExprs(plan);
  const cs = checks(plan, names.stage);
  const [counts] = await conn.query<Record<string, number | null>>(checkCountsSql(cs, names.stage, keep));
  const total = Number(counts?.total ?? 0);
  for (const [i, c] of cs.entries()) {
    const count = Number(counts?.[`n${i}`] ?? 0);
    if (!count) continue;
    if (signal?.aborted) throw new Cancelled();
    const rows = await conn.query<{ row: number; value: string | null }>(checkRowsSql(c, names.stage, keep, firstDataRow(plan)));
    const examples = rows.map((r) => `row ${r.row}: "${r.value ?? ''}"`).join(', ');
    problems.push({ severity: c.severity, file: plan.file, row: rows[0]?.row, column: c.column,
      message: `${c.message(count)}${count > 1 && examples ? ` First: ${examples}.` : rows[0]?.value ? ` Found "${rows[0].value}".` : ''}`,
      fix: c.fix, count, rows: rows.map((r) => r.row) });
  }
  for (const f of plan.kind.fields) {
    const col = plan.mapping.columns[f.name];
    if (!col) continue;
    if (signal?.aborted) throw new Cancelled();
    if (f.unique) {
      const dups = await conn.query<{ value: string; n: number; rows: number[] }>(duplicatesSql(field(f.name), names.stage, keep, firstDataRow(plan)));
      if (dups.length) {
        const d = dups[0]!;
        // One row per participant was assumed from the first rows (contentCues.ts): the file says otherwise.
        const borrowed = f.name === 'encounter_id' && plan.mapping.columns.participant_id === col;
        problems.push({ severity: 'error', file: plan.file, row: Number(d.rows[1] ?? d.rows[0]), column: col,
          message: borrowed
            ? `The file has no encounter ID column, and "${col}" was taken for one because its first rows had one row per participant; but "${d.value}" appears ${d.n} times (rows ${[...d.rows].join(', ')}).`
            : `${f.label} "${d.value}" appears ${d.n} times (rows ${[...d.rows].join(', ')}); each must be unique.`,
          fix: borrowed ? 'Map a column that numbers each visit or contact to Encounter ID, or export one with it.'
            : 'Remove the repeated rows or give each row its own ID, then export again.', count: dups.length });
      }
    }
    if (f.repeatsMean) {
      const [rep] = await conn.query<{ ids: number; rows: number; first: number | null; value: string | null }>(`SELECT count(*)::INTEGER AS ids,
        coalesce(sum(n), 0)::INTEGER AS rows, min(r) AS first, arg_min(v, r) AS value
        FROM (SELECT v, count(*) AS n, min(rowid) + ${firstDataRow(plan)} AS r FROM (SELECT ${field(f.name)} AS v, rowid FROM ${names.stage} WHERE ${keep})
          WHERE v IS NOT NULL GROUP BY v HAVING count(*) > 1)`);
      if (rep && rep.ids > 0) {
        problems.push({ severity: 'warning', file: plan.file, column: col, row: rep.first ?? undefined, count: rep.ids,
          message: `${rep.ids} ${f.label.toLowerCase()}s appear on more than one row (${rep.rows} rows; the first is "${rep.value}"): ${f.repeatsMean}`,
          fix: 'Nothing to do if that is what you want to count; otherwise export one row per incident.' });
      }
    }
    if (f.values && !recodableFields(plan.kind, plan.mapping).includes(f)) {
      const odd = await conn.query<{ value: string; n: number }>(vocabularySql(f, raw(f.name), names.stage, keep));
      if (odd.length) {
        problems.push({ severity: 'warning', file: plan.file, column: col,
          message: `Values not in the standard list were kept as written: ${odd.map((o) => `"${o.value}" (${o.n})`).join(', ')}.`,
          fix: `The standard values are: ${f.values.join(', ')}.` });
      }
    }
  }
  return total;
}

/** Removes everything one file loaded, all or nothing. */
export function removeLoadedFile(conn: Connection, file: string): Promise<void> {
  return inTransaction(conn, async () => rederive(conn, await forget(conn, file)));
}

/** Keeps the checked file as its own table, in place or by a copy (keepSql.ts), replacing a file
 *  of the same name, and rebuilds what is derived from its table: all in one transaction. */
async function commit(conn: Connection, plan: LoadPlan, names: StageNames, keep: { inPlace: InPlace } | { recodes: Recodes },
  signal: AbortSignal | undefined, summarising: () => void): Promise<number> {
  // Rows not kept leave the staged table before the transaction: DuckDB refuses to commit a
  // transaction that deletes rows of a table and then alters it. Nothing else sees that table yet.
  if ('inPlace' in keep && keep.inPlace.deleteSql) await conn.run(keep.inPlace.deleteSql, signal);
  return inTransaction(conn, async () => {
    const replaced = await forget(conn, plan.file);
    const record = { source_file: plan.file, kind: plan.kind.id, table_name: plan.kind.table, bytes: plan.size, mapping: JSON.stringify(plan.mapping) };
    const target = newFileTable();
    let list: string;
    if ('inPlace' in keep) {
      const k = keep.inPlace;
      for (const sql of k.dropSql) await conn.run(sql, signal);
      await conn.run(`ALTER TABLE ${names.stage} RENAME TO ${target}`);
      list = k.list;
    } else {
      const copy = copiedTableSql(plan, names.stage, target, keep.recodes);
      await conn.run(copy.sql, signal);
      list = copy.list;
    }
    // Adding it works out what is derived from it alone (db/derived.ts): the summarising.
    summarising();
    const rows = await addFileTable(conn, record, target, list);
    await rederive(conn, [...replaced, plan.kind.table], signal);
    return rows;
  });
}

/** Drops the staged tables (a staged table that became the file's has its new name). */
async function cleanup(conn: Connection, names: StageNames): Promise<void> {
  for (const t of [names.stage, names.rejects, names.rejectsScan]) {
    await conn.run(`DROP TABLE IF EXISTS ${t}`).catch(() => undefined);
  }
}

function understood(plan: LoadPlan) {
  const out = plan.kind.fields
    .filter((f) => plan.mapping.columns[f.name])
    .map((f) => ({ field: f.label, column: plan.mapping.columns[f.name]! }));
  for (const [h, o] of Object.entries(plan.mapping.offenseColumns ?? {})) out.push({ field: `Offense: ${o}`, column: h });
  for (const [h, g] of Object.entries(plan.mapping.flagColumns ?? {})) out.push({ field: `Substance: ${g}`, column: h });
  for (const [h, y] of Object.entries(plan.mapping.yearColumns ?? {})) out.push({ field: `Year: ${y}`, column: h });
  for (const f of plan.kind.fields) {
    const typed = constantOf(plan.mapping, f.name);
    if (typed) out.push({ field: f.label, column: `"${typed}" (typed, for every row)` });
  }
  return out;
}

function ignored(plan: LoadPlan): string[] {
  const used = new Set(usedHeaders(plan.mapping));
  return plan.sniffed.header.filter((h) => !used.has(h));
}

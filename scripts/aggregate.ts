/** npm run aggregate -- <files or folders...> --out <file.csv> [--agency ORI ...]
 *
 *  For crime data too big for a browser tab: a state's FBI NIBRS extracts over several years, or a
 *  big city's decade of incidents. Runs the dashboard's own recognition, mapping and SQL on native
 *  DuckDB (every core, spilling to disk past memory) and writes agency × month × offense counts as a
 *  monthly-counts CSV that the Data page loads like any other, a month an agency did not report
 *  left blank.
 *
 *  - A zip archive is unpacked first (to a scratch folder, removed at the end), one folder each.
 *  - A folder holding an extract's tables (agencies.csv, NIBRS_incident.csv, NIBRS_OFFENSE.csv,
 *    NIBRS_OFFENSE_TYPE.csv, NIBRS_month.csv; any letter case) is one extract: one folder per
 *    state and year, as the Crime Data Explorer's zips unpack. The same SQL as the browser's
 *    (src/ingest/nibrs/extractSql.ts).
 *  - Any other CSV is loaded as a dropped file is (src/ingest/load.ts): crime incident records or
 *    monthly counts are written as monthly counts; other kinds are refused.
 *  - `--agency` keeps only the agencies with those ORIs (of extracts); without it, every agency. */
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, openAsBlob, readdirSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { Unzip, UnzipInflate } from 'fflate';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { nodeDatabase } from '../src/db/nativeDatabase.ts';
import { sqlString } from '../src/db/sql.ts';
import type { Connection } from '../src/db/database.ts';
import { COUNTS_COLUMNS, incidentCountsSql, monthlyCountsSql } from '../src/ingest/countsFile.ts';
import { loadFile } from '../src/ingest/load.ts';
import { prepareFileSettled } from '../src/ingest/loadPath.ts';
import { notReadyProblem } from '../src/ingest/prepare.ts';
import { problemText } from '../src/ingest/problems.ts';
import { dropExtract, extractFileOf, ExtractError, groupExtract, readExtract, type ExtractFile } from '../src/ingest/nibrs/extract.ts';
import { extractCountsSql } from '../src/ingest/nibrs/extractSql.ts';
import { NIBRS_FILE_NAMES } from '../src/ingest/nibrs/parts.ts';

export interface AggregateResult {
  out: string;
  rows: number;
  /** Bytes of input read. */
  bytes: number;
  ms: number;
  /** Per source: what it was and what was said about it. */
  sources: { name: string; what: string; rows: number; notes: string[] }[];
}

type Log = (line: string) => void;

/** The CSV files under the paths; a zip archive (the FBI's extract comes as one) is unpacked into
 *  `scratch` first, one folder per archive. */
async function csvFiles(paths: readonly string[], scratch: string, log: Log): Promise<string[]> {
  const out: string[] = [];
  const walk = async (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const e of readdirSync(p).sort()) await walk(join(p, e));
    else if (/\.(csv|tsv|txt)$/i.test(p)) out.push(resolve(p));
    else if (/\.zip$/i.test(p)) {
      const dir = join(scratch, `${out.length}-${basename(p, '.zip').replace(/[^A-Za-z0-9._-]/g, '_')}`);
      log(`${basename(p)}: unpacking…`);
      await unzipTables(p, dir);
      await walk(dir);
    }
  };
  for (const p of paths) await walk(p);
  return out;
}

/** Writes a zip's tables (.csv, .tsv, .txt) into `dir`, streaming: nothing is held whole. */
async function unzipTables(zip: string, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const writes: Promise<void>[] = [];
  const unzip = new Unzip((entry) => {
    const name = entry.name.replace(/^.*[\\/]/, '');
    if (!/\.(csv|tsv|txt)$/i.test(name) || name.startsWith('._')) return;
    const out: WriteStream = createWriteStream(join(dir, name));
    writes.push(new Promise<void>((res, rej) => {
      entry.ondata = (err, chunk, final) => {
        if (err) { rej(err); return; }
        out.write(chunk);
        if (final) out.end(() => res());
      };
    }));
    entry.start();
  });
  unzip.register(UnzipInflate);
  const input = createReadStream(zip, { highWaterMark: 4 * 1024 * 1024 });
  for await (const chunk of input) unzip.push(new Uint8Array(chunk as Buffer));
  unzip.push(new Uint8Array(0), true);
  await Promise.all(writes);
}

const OUT_TABLE = 'aggregate_out';

export async function aggregate(inputs: readonly string[], out: string, { agencies, log = () => undefined, threads = 'all' }: {
  agencies?: readonly string[]; log?: Log; threads?: number | 'all';
} = {}): Promise<AggregateResult> {
  const t0 = performance.now();
  const spill = mkdtempSync(join(tmpdir(), 'dd-aggregate-'));
  const files = await csvFiles(inputs, join(spill, 'unzipped'), log);
  if (!files.length) {
    rmSync(spill, { recursive: true, force: true });
    throw new Error('No CSV files (or zip archives of them) in the paths given.');
  }
  const db = await nodeDatabase({ threads, tempDirectory: spill });
  const conn = await db.connect();
  const sources: AggregateResult['sources'] = [];
  let bytes = 0;
  try {
    await conn.run(`CREATE TEMP TABLE ${OUT_TABLE} (month VARCHAR, ori VARCHAR, agency_name VARCHAR, state_abbr VARCHAR, offense_code VARCHAR,
      offense VARCHAR, count BIGINT)`);
    // Files of one folder that are an extract's tables make one extract; the rest load one by one.
    const byFolder = new Map<string, ExtractFile[]>();
    const plain: string[] = [];
    for (const f of files) {
      const part = await extractFileOf(basename(f), await openAsBlob(f), f);
      if (part) byFolder.set(dirname(f), [...(byFolder.get(dirname(f)) ?? []), part]);
      else plain.push(f);
    }
    for (const [folder, parts] of byFolder) {
      if (!parts.some((p) => p.part.role !== 'agencies' && p.part.role !== 'other')) {
        plain.push(...parts.map((p) => p.file as string));
        continue;
      }
      const group = groupExtract(parts);
      if (group.missing.length || group.repeated.length) {
        throw new Error(`${folder}: ${group.missing.length ? `missing ${group.missing.map((r) => NIBRS_FILE_NAMES[r]).join(', ')}` : `two files for ${group.repeated.join(', ')}`}. One folder per extract (state and year), holding all its CSV files.`);
      }
      const size = parts.filter((p) => p.part.role !== 'other').reduce((s, p) => s + statSync(p.file as string).size, 0);
      bytes += size;
      const t = performance.now();
      log(`${basename(folder)}: reading the NIBRS extract (${mb(size)})…`);
      const summary = await withProgress(conn, log, () => readExtract(db, conn, group)).catch((e: unknown) => {
        throw new Error(e instanceof ExtractError ? problemText(e.problem) : String(e));
      });
      const ids = agencies ? summary.agencies.filter((a) => agencies.includes(a.ori)).map((a) => a.id) : null;
      const before = await count(conn);
      await conn.run(`INSERT INTO ${OUT_TABLE} ${extractCountsSql(summary.prefix, ids)}`);
      const rows = (await count(conn)) - before;
      await dropExtract(conn, summary.prefix);
      const secs = (performance.now() - t) / 1000;
      log(`  ${summary.tallies.offenses.toLocaleString('en-US')} offenses of ${summary.agencies.length} agencies (${summary.years.join(', ')}) in ${secs.toFixed(1)} s, ${Math.round(summary.tallies.offenses / secs).toLocaleString('en-US')} offenses/s; ${rows.toLocaleString('en-US')} rows.`);
      const notes = summary.notes.map((p) => p.message);
      for (const n of notes) log(`  note: ${n}`);
      sources.push({ name: basename(folder), what: `NIBRS extract ${summary.state ?? ''} ${summary.years.join(', ')}`.replace(/\s+/g, ' '), rows, notes });
    }
    for (const f of plain) {
      const size = statSync(f).size;
      bytes += size;
      const t = performance.now();
      log(`${basename(f)}: loading (${mb(size)})…`);
      const p = await prepareFileSettled({ db, conn }, f);
      if (!p.ok) throw new Error(problemText(p.problem));
      const table = p.plan.kind.table;
      if (table !== 'crime_incidents' && table !== 'crime_monthly') throw new Error(`${basename(f)}: recognised as ${p.plan.kind.label}, not crime incidents or monthly counts.`);
      const blocking = notReadyProblem(p);
      if (blocking) throw new Error(problemText(blocking));
      const report = await withProgress(conn, log, () => loadFile(db, conn, f, p.plan));
      if (!report.ok) throw new Error(report.problems.map(problemText).join('\n'));
      log(`  ${report.rowsLoaded.toLocaleString('en-US')} rows as ${p.plan.kind.label} in ${((performance.now() - t) / 1000).toFixed(1)} s.`);
      sources.push({ name: basename(f), what: p.plan.kind.label, rows: report.rowsLoaded, notes: report.problems.map((x) => x.message) });
    }
    if (plain.length) {
      await conn.run(`INSERT INTO ${OUT_TABLE} ${incidentCountsSql()}`);
      await conn.run(`INSERT INTO ${OUT_TABLE} ${monthlyCountsSql()}`);
    }
    const rows = await count(conn);
    log(`Writing ${rows.toLocaleString('en-US')} rows to ${out}…`);
    await conn.run(`COPY (SELECT ${COUNTS_COLUMNS.join(', ')} FROM ${OUT_TABLE} ORDER BY ori, month, offense_code, offense)
      TO ${sqlString(out)} (FORMAT csv, HEADER true, DELIMITER ',')`);
    return { out, rows, bytes, ms: performance.now() - t0, sources };
  } finally {
    await conn.close();
    rmSync(spill, { recursive: true, force: true });
  }
}

const count = async (conn: Connection) => Number((await conn.query<{ n: number }>(`SELECT count(*) AS n FROM ${OUT_TABLE}`))[0]!.n);
const mb = (b: number) => `${(b / 1e6).toFixed(b < 1e7 ? 1 : 0)} MB`;

/** Runs `job`, saying how far DuckDB is every few seconds. */
async function withProgress<T>(conn: Connection, log: Log, job: () => Promise<T>): Promise<T> {
  const c = conn as Connection & { progress?: () => number };
  let last = -1;
  const timer = setInterval(() => {
    const p = c.progress?.() ?? -1;
    if (p >= 0 && Math.floor(p) !== last) {
      last = Math.floor(p);
      log(`  … ${last}%`);
    }
  }, 2000);
  try {
    return await job();
  } finally {
    clearInterval(timer);
  }
}

function parse(argv: string[]) {
  const inputs: string[] = [];
  const agencies: string[] = [];
  let out = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--out') out = argv[++i] ?? '';
    else if (a === '--agency') agencies.push(argv[++i] ?? '');
    else inputs.push(a);
  }
  if (!out || !inputs.length) throw new Error('usage: npm run aggregate -- <files or folders...> --out <counts.csv> [--agency ORI ...]');
  return { inputs, out, agencies: agencies.length ? agencies : undefined };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = parse(process.argv.slice(2));
  aggregate(args.inputs, args.out, { agencies: args.agencies, log: (l) => console.log(l) }).then((r) => {
    console.log(`Done: ${r.rows.toLocaleString('en-US')} rows in ${(r.ms / 1000).toFixed(1)} s (${mb(r.bytes)} read, peak memory ${mb(process.resourceUsage().maxRSS * 1024)}). Load ${r.out} on the Data page.`);
  }).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}

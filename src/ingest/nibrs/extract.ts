import Papa from 'papaparse';
import { Cancelled, type Connection, type Database } from '../../db/database.ts';
import { COUNTS_COLUMNS } from '../countsFile.ts';
import { explainDuckDbError } from '../duckdbErrors.ts';
import type { Problem } from '../problems.ts';
import { readable } from '../transcode.ts';
import {
  dropExtractSql, extractAgenciesSql, extractCountsSql, extractSql, extractTalliesSql, type ExtractTable, type ExtractTables,
} from './extractSql.ts';
import { sniffBytes } from '../sniff.ts';
import { NIBRS_FILE_NAMES, nibrsPart, type NibrsPart, type NibrsRole } from './parts.ts';

/** One file of an extract as added: what it is, and what its first bytes said. */
export interface ExtractFile {
  name: string;
  file: Blob | string;
  part: NibrsPart;
  header: readonly string[];
  encoding: string;
}

const HEAD_BYTES = 64 * 1024;

/** A file as an extract's table, from its first bytes; null when it is not one (or cannot be read).
 *  No size limit: the extract is read a table at a time into counts, never staged whole. */
export async function extractFileOf(name: string, blob: Blob, file: Blob | string = blob): Promise<ExtractFile | null> {
  const head = new Uint8Array(await blob.slice(0, HEAD_BYTES).arrayBuffer());
  // The first lines only: the last one, perhaps cut, is dropped.
  const cut = head.lastIndexOf(10);
  const s = sniffBytes(name, cut > 0 && head.length < blob.size ? head.subarray(0, cut + 1) : head, cut > 0 && head.length < blob.size ? cut + 1 : head.length);
  if (!s.ok) return null;
  const part = nibrsPart(name, s.sniffed.header);
  return part ? { name, file, part, header: s.sniffed.header, encoding: s.sniffed.encoding } : null;
}

/** The files of one extract, sorted: the tables the counts read, the ones they do not, and the
 *  required tables that are missing. */
export interface ExtractGroup {
  tables: Partial<Record<NibrsRole, ExtractFile>>;
  ignored: string[];
  missing: NibrsRole[];
  /** Two files given for one table (two years' extracts dropped together). */
  repeated: NibrsRole[];
  /** 'offense_type_id' (2016-2020) or 'offense_code' (2021 on), once the offense table is known. */
  layout?: 'offense_code' | 'offense_type_id';
}

export function groupExtract(files: readonly ExtractFile[]): ExtractGroup {
  const tables: ExtractGroup['tables'] = {};
  const ignored: string[] = [];
  const repeated = new Set<NibrsRole>();
  let layout: ExtractGroup['layout'];
  for (const f of files) {
    if (f.part.role === 'other') {
      ignored.push(f.name);
      continue;
    }
    if (tables[f.part.role]) repeated.add(f.part.role);
    else tables[f.part.role] = f;
    if (f.part.role === 'offense') layout = f.part.layout;
  }
  const needed: NibrsRole[] = ['agencies', 'incident', 'offense', ...(layout === 'offense_type_id' ? ['offense_type' as const] : [])];
  return { tables, ignored, missing: needed.filter((r) => !tables[r]), repeated: [...repeated], layout };
}

export interface ExtractAgencyRow extends Record<string, unknown> {
  id: number; ori: string; name: string; state: string | null; county: string | null; type: string | null; population: number | null;
  /** Offenses dated in the covered years; of which addiction-associated (shipped code table). */
  offenses: number; associated: number;
  /** Months reported (I or Z) of `months`, the covered years' months. */
  reported: number; months: number;
}

export interface ExtractTallies extends Record<string, unknown> {
  offenses: number; noIncident: number; noCode: number; noDate: number; before: number; after: number; unreported: number;
  years: string | null; agencies: number;
}

export interface ExtractSummary {
  prefix: string;
  years: number[];
  state: string | null;
  agencies: ExtractAgencyRow[];
  tallies: ExtractTallies;
  /** Said about the extract as a whole: what is not counted, and why. */
  notes: Problem[];
  hasMonthTable: boolean;
}

let counter = 0;

/** A short label for an extract's problems and file: "NIBRS extract". */
export const EXTRACT_LABEL = 'NIBRS extract';

/** Reads an extract's tables into working tables on `conn` (kept until `dropExtract`), and
 *  summarises it. Rejects with a Problem-bearing `ExtractError` when a file cannot be read. */
export async function readExtract(db: Database, conn: Connection, group: ExtractGroup, signal?: AbortSignal): Promise<ExtractSummary> {
  const prefix = `nibrs_${++counter}`;
  const registered: string[] = [];
  const refs = new Map<string, string>();
  const tables: Partial<Record<NibrsRole, ExtractTable>> = {};
  try {
    for (const [role, f] of Object.entries(group.tables) as [NibrsRole, ExtractFile][]) {
      const { input } = await readable(db, f.file, f.encoding, signal);
      const name = `${prefix}_${role}.csv`;
      const ref = await db.registerFile(name, input);
      registered.push(name);
      refs.set(ref, f.name);
      tables[role] = { ref, header: f.header };
    }
    for (const sql of extractSql(tables as ExtractTables, prefix)) {
      try {
        await conn.run(sql, signal);
      } catch (e) {
        if (e instanceof Cancelled) throw e;
        throw new ExtractError(problemOf(e, refs));
      }
    }
  } finally {
    for (const name of registered) await db.dropFile(name).catch(() => undefined);
  }
  const agencies = await conn.query<ExtractAgencyRow>(extractAgenciesSql(prefix));
  const [tallies] = await conn.query<ExtractTallies>(extractTalliesSql(prefix));
  const years = (tallies!.years ?? '').split(', ').filter(Boolean).map(Number);
  const states = [...new Set(agencies.map((a) => a.state).filter(Boolean))];
  return {
    prefix, years, state: states.length === 1 ? states[0]! : null, agencies, tallies: tallies!,
    notes: extractNotes(group, tallies!), hasMonthTable: !!group.tables.month,
  };
}

/** A read that failed, said as a problem naming the file. */
export class ExtractError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

function problemOf(e: unknown, refs: Map<string, string>): Problem {
  const text = e instanceof Error ? e.message : String(e);
  const file = [...refs].find(([ref]) => text.includes(ref))?.[1] ?? EXTRACT_LABEL;
  return explainDuckDbError(file, e);
}

const n = (x: number) => x.toLocaleString('en-US');

/** Names in a sentence: all of a few, or the first few and how many more. */
export function listed(names: readonly string[], few = 4): string {
  return names.length <= few + 1 ? names.join(', ') : `${names.slice(0, few).join(', ')} and ${n(names.length - few)} more`;
}

/** What the counts leave out, each said once with its figure. */
export function extractNotes(group: ExtractGroup, t: ExtractTallies): Problem[] {
  const out: Problem[] = [];
  const note = (message: string, fix: string, file = EXTRACT_LABEL) => out.push({ severity: 'warning', file, message, fix });
  if (!group.tables.month) {
    note(`${NIBRS_FILE_NAMES.month} was not added, so which months each agency reported is not known: a month in which an agency has no offense at all is shown as not reported (a gap), never as zero.`,
      `Add ${NIBRS_FILE_NAMES.month} from the same folder with the other files to mark the months from the FBI's own record.`);
  }
  if (t.before || t.after) {
    note(`${n(t.before + t.after)} offenses are dated outside the extract's year${t.years?.includes(',') ? 's' : ''} (${t.years}): reported late, they are in this extract but not counted, so a month is never made of late reports alone.`,
      'Load the extract of the year they happened in to count them there.');
  }
  if (t.unreported) {
    note(`${n(t.unreported)} offenses are dated in months their agency did not report (NIBRS_month gives no I or Z for them): those months are gaps, and these offenses are not counted.`,
      'Nothing to do: the FBI marks these months as not reported.');
  }
  if (t.noDate) note(`${n(t.noDate)} offenses have an incident date that could not be read, and are not counted.`, 'Check the incident_date column of NIBRS_incident.csv.', NIBRS_FILE_NAMES.incident);
  if (t.noIncident) note(`${n(t.noIncident)} offenses name an incident that ${NIBRS_FILE_NAMES.incident} does not have, and are not counted.`, 'Check that NIBRS_incident.csv and NIBRS_OFFENSE.csv come from the same extract.', NIBRS_FILE_NAMES.offense);
  if (t.noCode) note(`${n(t.noCode)} offenses have an offense type that ${NIBRS_FILE_NAMES.offense_type} does not list, and are not counted.`, 'Check that NIBRS_OFFENSE_TYPE.csv comes from the same extract.', NIBRS_FILE_NAMES.offense);
  if (group.ignored.length) {
    note(`Not needed for offense counts, so not read: ${listed(group.ignored)}.`, 'Nothing to do.');
  }
  return out;
}

/** The chosen agencies' monthly counts as a monthly-counts CSV file's text (ingest/kinds/crimeFiles). */
export async function extractCountsCsv(conn: Connection, prefix: string, agencyIds: readonly number[] | null): Promise<string> {
  const rows = await conn.query(extractCountsSql(prefix, agencyIds));
  return Papa.unparse({ fields: [...COUNTS_COLUMNS], data: rows.map((r) => COUNTS_COLUMNS.map((c) => (r[c] == null ? '' : String(r[c])))) }, { newline: '\n' }) + '\n';
}


/** The name of the counts file made from an extract: its state, years and agencies. */
export function countsFileName(s: ExtractSummary, chosen: readonly ExtractAgencyRow[]): string {
  const years = s.years.length > 1 ? `${s.years[0]}-${s.years.at(-1)}` : String(s.years[0] ?? '');
  const who = chosen.length === s.agencies.length && chosen.length > 1 ? 'all agencies'
    : chosen.length <= 3 ? chosen.map((a) => a.name).join(', ')
      : `${chosen[0]!.name} and ${chosen.length - 1} more ${shortHash(chosen.map((a) => a.ori).sort().join(','))}`;
  return `NIBRS ${[s.state, years].filter(Boolean).join(' ')} - ${who}.csv`.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ');
}

function shortHash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36).slice(0, 5);
}

export async function dropExtract(conn: Connection, prefix: string): Promise<void> {
  for (const sql of dropExtractSql(prefix)) await conn.run(sql).catch(() => undefined);
}

import { useCallback, useMemo, useRef, useState } from 'react';
import { Cancelled, type Connection, type Database } from '../db/database.ts';
import type { KindId } from '../ingest/kinds/kindDef.ts';
import { loadFile, type LoadReport } from '../ingest/load.ts';
import { setLoadProgress } from '../ingest/loadProgress.ts';
import type { Mapping } from '../ingest/mapping.ts';
import { notReadyProblem, prepare, type Prepared } from '../ingest/prepare.ts';
import { sniffFile, type Sniffed, type SniffResult } from '../ingest/sniff.ts';
import { settleDateOrders } from '../ingest/columnFacts.ts';
import type { DateOrderFact } from '../ingest/dateOrder.ts';
import type { ColumnFacts } from '../ingest/plan.ts';
import { DATE_ORDER } from '../ingest/dateOrder.ts';
import { SKIPPED, type WriteQueue } from './writeQueue.ts';

/** One file added on the Data page (or restored from this browser), as its card shows it. */
export interface Upload {
  id: number;
  /** The workspace the file was added to. */
  workspace: string;
  file: File;
  prepared: Prepared;
  status: 'sniffing' | 'needs-attention' | 'queued' | 'loading' | 'loaded' | 'failed' | 'cancelled';
  report?: LoadReport;
  error?: string;
  /** Restored from this browser's store: when it was first added (ISO 8601). */
  restored?: string;
  /** The store already holds this file with this kind and mapping. */
  kept?: boolean;
  /** What a scan of the whole file settled that its first rows could not (columnFacts.ts). */
  facts?: ColumnFacts;
  /** The kind and mapping as the user (or the kept copy) chose them; absent while they are guesses. */
  choice?: { kind?: KindId; mapping?: Mapping };
  /** How many files of its layout were dropped with it (itself included). */
  batchMates?: number;
}

/** Files of one layout (the same header and delimiter): files dropped together that share it share
 *  one kind, mapping and set of answers. */
export function layoutOf(p: Prepared): string | null {
  return p.ok ? layoutKey(p.plan.sniffed) : null;
}

function layoutKey(s: Sniffed): string {
  return `${s.delimiter}\u001f${s.header.join('\u001f')}`;
}

/** Open cards whose choices follow this one's: same layout and workspace, not loaded or loading. */
export function siblingsOf(u: Upload, all: readonly Upload[]): Upload[] {
  const layout = layoutOf(u.prepared);
  return all.filter((x) => x.id !== u.id && x.workspace === u.workspace && layout != null && layoutOf(x.prepared) === layout
    && x.status === 'needs-attention');
}

/** The card whose choices a batch of one layout follows: the first file added. */
export function leadOf(u: Upload, all: readonly Upload[]): Upload {
  return siblingsOf(u, all).reduce((a, b) => (b.id < a.id ? b : a), u);
}

/** A card prepared again with a choice, keeping what its first preparation knew (the whole-file
 *  facts, the batch it came in). */
function again(x: Upload, choice: Upload['choice']): Prepared {
  if (!x.prepared.ok) return x.prepared;
  return prepare(x.file.name, x.file.size, { ok: true, sniffed: x.prepared.plan.sniffed }, choice, { facts: x.facts, batchMates: x.batchMates });
}

/** Day/month orders that files of this layout settled from their data, for a file whose own data
 *  cannot: the same export from the same system writes its dates one way. */
function settledBySiblings(u: Upload, all: readonly Upload[]): Record<string, DateOrderFact> {
  const layout = layoutOf(u.prepared);
  const out: Record<string, DateOrderFact> = {};
  for (const x of all) {
    if (x.id === u.id || x.workspace !== u.workspace || layoutOf(x.prepared) !== layout) continue;
    for (const [c, f] of Object.entries(provenOrders(x))) if (!out[c]) out[c] = { ...f, from: x.file.name };
  }
  return out;
}

/** The day/month orders a file's own data prove, by column: from its first rows or a whole-file scan. */
function provenOrders(x: Upload): Record<string, DateOrderFact> {
  const out: Record<string, DateOrderFact> = {};
  if (!x.prepared.ok) return out;
  const plan = x.prepared.plan;
  for (const [c, f] of Object.entries(x.facts?.dateOrder ?? {})) if (f.order && !f.from && !f.moot) out[c] = f;
  for (const [field, formats] of Object.entries(plan.formats)) {
    const col = plan.mapping.columns[field];
    if (!col || out[col] || plan.ambiguousDates.includes(field) || plan.settledDates[field] || plan.mapping.dateOrder?.[col]) continue;
    const slash = formats.find((f) => f.startsWith('%m/%d/%Y') || f.startsWith('%d/%m/%Y'));
    if (!slash) continue;
    const order = slash.startsWith('%d') ? 'dmy' : 'mdy';
    const i = plan.sniffed.header.indexOf(col);
    const proof = plan.sniffed.sample.map((r) => (r[i] ?? '').trim())
      .find((v) => Number(v.split('/')[order === 'dmy' ? 0 : 1]) > 12);
    if (proof) out[col] = { order, proof, examples: [] };
  }
  return out;
}

export interface SavedChoice { kind: KindId; mapping: Mapping; addedAt: string }

export interface UploadDeps {
  queue: WriteQueue;
  /** The database and the connection every write uses, once started. */
  db: () => { db: Database; loader: Connection } | null;
  /** Reads the tables again after a change, so every view sees it. */
  refresh: () => Promise<void>;
  /** Called inside the load's turn once a file loaded, with the workspace it loaded into. */
  loaded: (u: Upload) => Promise<void>;
}

let uploadId = 0;

/** The upload cards and the one path every file takes: sniff, prepare (with the stored choice for
 *  a restored file), then, when nothing needs the user, a load through the write queue. Progress
 *  goes to loadProgress.ts, so a tick re-renders only its card. */
export function useUploads({ queue, db, refresh, loaded }: UploadDeps) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const aborts = useRef(new Map<number, AbortController>());
  // The latest cards, for callbacks that act on one (state updaters must stay free of side effects).
  const latest = useRef(uploads);
  latest.current = uploads;

  const patch = useCallback((id: number, p: Partial<Upload>) => {
    setUploads((us) => us.map((u) => (u.id === id ? { ...u, ...p } : u)));
  }, []);

  /** Loads one prepared file in its workspace's turn; resolves to the outcome. */
  const enqueue = useCallback(async (u: Upload): Promise<Partial<Upload>> => {
    const abort = new AbortController();
    aborts.current.set(u.id, abort);
    patch(u.id, { status: 'queued', error: undefined });
    const outcome = await queue.run(`Loading ${u.file.name}`, async (): Promise<Partial<Upload>> => {
      const d = db();
      if (!d || !u.prepared.ok) return { status: 'failed', error: 'The in-browser database is not running.' };
      if (abort.signal.aborted) return { status: 'cancelled' };
      patch(u.id, { status: 'loading' });
      let out: Partial<Upload>;
      try {
        const report = await loadFile(d.db, d.loader, u.file, u.prepared.plan,
          { signal: abort.signal, onProgress: (p) => setLoadProgress(u.id, p) });
        out = { status: report.ok ? 'loaded' : 'failed', report };
      } catch (e) {
        out = e instanceof Cancelled ? { status: 'cancelled' }
          : { status: 'failed', error: 'The file could not be loaded; the data loaded before are unchanged. Add it again, or reload the page if this repeats.' };
      } finally {
        setLoadProgress(u.id, undefined);
      }
      // The tables first, then the card: once a file says "Loaded", every view already sees it.
      await refresh();
      patch(u.id, out);
      if (out.status === 'loaded') await loaded(u);
      return out;
    }, u.workspace).catch((): Partial<Upload> => ({ status: 'failed', error: 'The file could not be loaded; the data loaded before are unchanged.' }));
    aborts.current.delete(u.id);
    if (outcome === SKIPPED) {
      const out: Partial<Upload> = { status: 'cancelled', error: 'Not loaded: another workspace was opened before its turn. Open its workspace and add it again.' };
      patch(u.id, out);
      return out;
    }
    return outcome;
  }, [queue, db, refresh, loaded, patch]);

  /** Reads the whole of a file's open date columns (in the write queue's turn, as every database
   *  job is), then takes what files of the same layout settled for columns its data leave open. */
  const settleDates = useCallback(async (u: Upload): Promise<Record<string, DateOrderFact>> => {
    if (!u.prepared.ok) return {};
    const plan = u.prepared.plan;
    const own = await queue.run(`Reading the dates in ${u.file.name}`, async (): Promise<Record<string, DateOrderFact>> => {
      const d = db();
      return d ? settleDateOrders(d.db, d.loader, u.file, plan) : {};
    }, u.workspace).catch((): Record<string, DateOrderFact> => ({}));
    const mine: Record<string, DateOrderFact> = own === SKIPPED ? {} : own;
    const theirs = settledBySiblings(u, latest.current);
    for (const [c, f] of Object.entries(mine)) if ((!f.order || f.moot) && theirs[c]) mine[c] = theirs[c]!;
    return mine;
  }, [queue, db]);

  /** A file whose data settled a date order settles it for the open cards of its layout still asking. */
  const followSettledDates = useCallback((u: Upload) => {
    const proven = Object.fromEntries(Object.entries(provenOrders(u)).map(([c, f]) => [c, { ...f, from: u.file.name }]));
    if (!Object.keys(proven).length) return;
    for (const x of siblingsOf(u, latest.current)) {
      if (!asksDateOrder(x.prepared) || !x.prepared.ok) continue;
      const facts: ColumnFacts = { dateOrder: { ...x.facts?.dateOrder, ...Object.fromEntries(Object.entries(proven)
        .filter(([c]) => !x.facts?.dateOrder?.[c]?.order)) } };
      // Its own choice, if any: a guessed kind stays a guess (and is not loaded without a look).
      const prepared = prepare(x.file.name, x.file.size, { ok: true, sniffed: x.prepared.plan.sniffed }, x.choice, { facts, batchMates: x.batchMates });
      const next: Upload = { ...x, prepared, facts };
      patch(x.id, { prepared, facts });
      if (prepared.ok && !notReadyProblem(prepared)) void enqueue(next);
    }
  }, [enqueue, patch]);

  /** Adds one file to a workspace; resolves to whether it loaded. A restored file (`saved`, with the
   *  kind and mapping it loaded with before) or a sample file (`quiet`) gets a card only when it
   *  does not load. */
  const addFile = useCallback(async (file: File, workspace: string, { saved, quiet = !!saved, sniffed: early, batch = [], reopened = false }: {
    saved?: SavedChoice; quiet?: boolean;
    /** A kept file opened again on its card to change its mapping or values (not a restore). */
    reopened?: boolean;
    /** The file already being read, and every file dropped with it (see DataContext.addFiles). */
    sniffed?: Promise<SniffResult>; batch?: Promise<SniffResult>[];
  } = {}): Promise<boolean> => {
    const id = ++uploadId;
    const placeholder: Upload = { id, workspace, file, status: 'sniffing', restored: reopened ? undefined : saved?.addedAt, kept: !!saved || quiet,
      prepared: { ok: false, file: file.name, problem: { severity: 'warning', file: file.name, message: 'Reading…', fix: '' } } };
    if (!quiet) setUploads((us) => [placeholder, ...us]);
    const sniffed = await (early ?? sniffSafely(file));
    const mine = sniffed.ok ? layoutKey(sniffed.sniffed) : null;
    const batchMates = (await Promise.all(batch)).filter((b) => b.ok && layoutKey(b.sniffed) === mine).length;
    let prepared = prepare(file.name, file.size, sniffed, saved, { batchMates });
    let facts: ColumnFacts | undefined;
    if (asksDateOrder(prepared)) {
      // The first rows could not settle a date column's day/month order: the whole column may.
      const dateOrder = await settleDates({ ...placeholder, prepared });
      facts = { dateOrder };
      prepared = prepare(file.name, file.size, sniffed, saved, { facts, batchMates });
    }
    let u: Upload = { ...placeholder, prepared, facts, batchMates, choice: saved ? { kind: saved.kind, mapping: saved.mapping } : undefined,
      status: prepared.ok ? 'needs-attention' : 'failed' };
    patch(id, u);
    followSettledDates(u);
    // A kept file opened again waits on its card for the change it was opened for.
    if (!reopened && prepared.ok && !notReadyProblem(prepared)) u = { ...u, ...(await enqueue(u)) };
    if (quiet && u.status !== 'loaded') setUploads((us) => [u, ...us]);
    return u.status === 'loaded';
  }, [enqueue, patch, settleDates, followSettledDates]);

  /** Prepares a card again with the user's choice of kind and mapping (and answers in it). A choice
   *  made on the card a batch follows goes to every card of the batch, which load too when `load`
   *  and ready; a choice on a following card (its own personal-data answer) stays on it. */
  const reprepare = useCallback((id: number, choice: { kind?: KindId; mapping?: Mapping }, opts?: { load?: boolean }) => {
    const u = latest.current.find((x) => x.id === id);
    if (!u || !u.prepared.ok) return;
    const batch = u.status === 'needs-attention' && leadOf(u, latest.current) === u ? siblingsOf(u, latest.current) : [];
    for (const x of [u, ...batch]) {
      if (!x.prepared.ok) continue;
      const prepared = again(x, choice);
      const p: Partial<Upload> = { prepared, choice, status: 'needs-attention', report: undefined, kept: false };
      patch(x.id, p);
      if (opts?.load && prepared.ok && !notReadyProblem(prepared)) void enqueue({ ...x, ...p });
    }
  }, [enqueue, patch]);

  /** Loads a card, and the open cards of its layout that are ready with the same choices. */
  const loadUpload = useCallback((id: number) => {
    const u = latest.current.find((x) => x.id === id);
    if (!u) return;
    void enqueue(u);
    if (!u.prepared.ok) return;
    // Loading the card a batch follows confirms its kind and mapping for the batch.
    if (leadOf(u, latest.current) !== u) return;
    const choice = { kind: u.prepared.plan.kind.id, mapping: u.prepared.plan.mapping };
    for (const x of siblingsOf(u, latest.current)) {
      const prepared = again(x, choice);
      if (!prepared.ok || notReadyProblem(prepared)) continue;
      patch(x.id, { prepared, choice });
      void enqueue({ ...x, prepared, choice });
    }
  }, [enqueue, patch]);

  const cancelUpload = useCallback((id: number) => aborts.current.get(id)?.abort(), []);
  const dismissUpload = useCallback((id: number) => {
    aborts.current.get(id)?.abort();
    setUploads((us) => us.filter((u) => u.id !== id));
  }, []);
  /** Drops the cards of a file kept again under the same name (its newer copy replaced it). */
  const dropRestoredCards = useCallback((u: Upload) => {
    setUploads((us) => us.filter((x) => !(x.restored && x.id !== u.id && x.workspace === u.workspace && x.file.name === u.file.name)));
  }, []);

  return useMemo(() => ({ uploads, latest, addFile, reprepare, loadUpload, cancelUpload, dismissUpload, dropRestoredCards }),
    [uploads, addFile, reprepare, loadUpload, cancelUpload, dismissUpload, dropRestoredCards]);
}

/** The file waits on a day/month question. */
function asksDateOrder(p: Prepared): boolean {
  return p.ok && p.plan.sniffed.warnings.some((w) => w.code === DATE_ORDER);
}

/** Reads a file's first bytes; a read that fails (the file moved, permission) is a problem on its card. */
export function sniffSafely(file: File): Promise<SniffResult> {
  return sniffFile(file.name, file).catch((e: unknown): SniffResult => ({ ok: false, problem: { severity: 'error', file: file.name,
    message: `The file could not be read (${e instanceof Error ? e.message : String(e)}).`, fix: 'Add the file again.' } }));
}

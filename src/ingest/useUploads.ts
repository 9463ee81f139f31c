import { useCallback, useMemo, useRef, useState } from 'react';
import { Cancelled, type Connection, type Database } from '../db/types.ts';
import type { KindId } from './kinds/types.ts';
import { loadFile, type LoadReport } from './load.ts';
import { setLoadProgress } from './loadProgress.ts';
import type { Mapping } from './mapping.ts';
import { notReadyProblem, prepare, type Prepared } from './prepare.ts';
import { sniffFile, type SniffResult } from './sniff.ts';
import { SKIPPED, type WriteQueue } from '../state/writeQueue.ts';

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

  /** Adds one file to a workspace; resolves to whether it loaded. A restored file (`saved`, with the
   *  kind and mapping it loaded with before) or a sample file (`quiet`) gets a card only when it
   *  does not load. */
  const addFile = useCallback(async (file: File, workspace: string, { saved, quiet = !!saved }: { saved?: SavedChoice; quiet?: boolean } = {}): Promise<boolean> => {
    const id = ++uploadId;
    const placeholder: Upload = { id, workspace, file, status: 'sniffing', restored: saved?.addedAt, kept: !!saved || quiet,
      prepared: { ok: false, file: file.name, problem: { severity: 'warning', file: file.name, message: 'Reading…', fix: '' } } };
    if (!quiet) setUploads((us) => [placeholder, ...us]);
    const sniffed = await sniffFile(file.name, file).catch((e: unknown): SniffResult => ({ ok: false, problem: { severity: 'error', file: file.name,
      message: `The file could not be read (${e instanceof Error ? e.message : String(e)}).`, fix: 'Add the file again.' } }));
    const prepared = prepare(file.name, file.size, sniffed, saved);
    let u: Upload = { ...placeholder, prepared, status: prepared.ok ? 'needs-attention' : 'failed' };
    patch(id, u);
    if (prepared.ok && !notReadyProblem(prepared)) u = { ...u, ...(await enqueue(u)) };
    if (quiet && u.status !== 'loaded') setUploads((us) => [u, ...us]);
    return u.status === 'loaded';
  }, [enqueue, patch]);

  const reprepare = useCallback((id: number, choice: { kind?: KindId; mapping?: Mapping }, opts?: { load?: boolean }) => {
    const u = latest.current.find((x) => x.id === id);
    if (!u || !u.prepared.ok) return;
    const prepared = prepare(u.file.name, u.file.size, { ok: true, sniffed: u.prepared.plan.sniffed }, choice);
    const next: Upload = { ...u, prepared, status: 'needs-attention', report: undefined, kept: false };
    patch(id, { prepared, status: 'needs-attention', report: undefined, kept: false });
    if (opts?.load && prepared.ok && !notReadyProblem(prepared)) void enqueue(next);
  }, [enqueue, patch]);

  const loadUpload = useCallback((id: number) => {
    const u = latest.current.find((x) => x.id === id);
    if (u) void enqueue(u);
  }, [enqueue]);

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

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { browserDatabase } from '../db/browser.ts';
import type { Connection, Database } from '../db/types.ts';
import { loadFile, removeLoadedFile, type LoadReport } from '../ingest/load.ts';
import type { LoadProgress } from '../ingest/progress.ts';
import { Cancelled } from '../db/types.ts';
import type { KindId } from '../ingest/kinds/types.ts';
import type { Mapping } from '../ingest/mapping.ts';
import { notReadyProblem, prepare, type Prepared } from '../ingest/prepare.ts';
import { sniffFile, type SniffResult } from '../ingest/sniff.ts';
import { SAMPLE_PROGRAM, saveProgram, savedProgram, type ProgramInfo } from './program.ts';
import { SAMPLE_PREFIX, sampleFiles } from './sampleFiles.ts';
import { saveOffenseMap, savedOffenseMap, type OffenseMap } from './offenseMap.ts';
import { userAliasesSql } from '../db/codes.ts';
import { describeStoreError, FileStore, forgetEverything, keepable, restoreKept, storedFile, type RestoreState } from './persist.ts';

export interface LoadedFile { source_file: string; kind: string; table_name: string; rows: number; bytes: number; loaded_at: Date }

export interface Upload {
  id: number;
  file: File;
  prepared: Prepared;
  status: 'sniffing' | 'needs-attention' | 'queued' | 'loading' | 'loaded' | 'failed' | 'cancelled';
  report?: LoadReport;
  /** While loading: the step and, while reading, the bytes read. */
  progress?: LoadProgress;
  error?: string;
  /** Restored from this browser's store: when it was first added (ISO 8601). */
  restored?: string;
  /** The store already holds this file with this kind and mapping. */
  kept?: boolean;
}

interface DataState {
  status: 'starting' | 'ready' | 'failed';
  error?: string;
  conn?: Connection;
  /** Bumped after every change to the tables, so views re-query. */
  version: number;
  loads: LoadedFile[];
  sampleLoaded: boolean;
  program: ProgramInfo;
  uploads: Upload[];
  addFiles: (files: File[]) => void;
  /** Prepares a file again with another kind or mapping; with `load`, loads it too when it is then ready. */
  reprepare: (id: number, choice: { kind?: KindId; mapping?: Mapping }, opts?: { load?: boolean }) => void;
  loadUpload: (id: number) => void;
  /** Stops a queued or running load; the tables stay as they were before it. */
  cancelUpload: (id: number) => void;
  dismissUpload: (id: number) => void;
  removeFile: (sourceFile: string) => Promise<void>;
  setProgram: (p: ProgramInfo | null) => void;
  /** The user's offense assignments; `assignOffense(key, null)` removes one. */
  offenseMap: OffenseMap;
  assignOffense: (key: string, code: string | null) => Promise<void>;
  restore?: RestoreState;
  /** Why files are not (all) kept in this browser, when they are not. */
  keepProblem?: string;
  /** Removes a restored file that did not load again from the store, and its card. */
  forgetSaved: (id: number) => Promise<void>;
  /** Clears the kept files and the saved settings, then reloads the page. */
  forgetAll: () => Promise<void>;
}

const Ctx = createContext<DataState | null>(null);

export function useData(): DataState {
  const c = useContext(Ctx);
  if (!c) throw new Error('useData outside DataProvider');
  return c;
}

let uploadId = 0;

export function DataProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<DataState['status']>('starting');
  const [error, setError] = useState<string>();
  const [conn, setConn] = useState<Connection>();
  const [version, setVersion] = useState(0);
  const [loads, setLoads] = useState<LoadedFile[]>([]);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [userProgram, setUserProgram] = useState<ProgramInfo | null>(() => savedProgram());
  const db = useRef<{ db: Database; loader: Connection } | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const aborts = useRef(new Map<number, AbortController>());

  const refresh = useCallback(async (c: Connection) => {
    setLoads(await c.query<LoadedFile & Record<string, unknown>>('SELECT * FROM _loads ORDER BY loaded_at, source_file'));
    setVersion((v) => v + 1);
  }, []);

  const patch = useCallback((id: number, p: Partial<Upload>) => {
    setUploads((us) => us.map((u) => (u.id === id ? { ...u, ...p } : u)));
  }, []);

  const store = useRef<FileStore | null>(null);
  const [keepProblem, setKeepProblem] = useState<string>();
  const [restore, setRestore] = useState<RestoreState>();

  /** Keeps a file that loaded in the store (never the sample); a browser that will not is said on the Data page. */
  const keep = useCallback(async (u: Upload) => {
    if (!store.current || u.kept || !u.prepared.ok || !keepable(u.file.name)) return;
    try {
      await store.current.put(await storedFile(u.file, u.prepared.plan.kind.id, u.prepared.plan.mapping));
      // A saved copy that did not load again is replaced by this one: its card goes.
      setUploads((us) => us.filter((x) => !(x.restored && x.id !== u.id && x.file.name === u.file.name)));
    } catch (e) {
      setKeepProblem(`"${u.file.name}" is loaded, but this browser could not keep it (${describeStoreError(e)}), so it will not be here after a reload.`);
    }
  }, []);

  /** Loads one prepared file on the loader connection; loads run one at a time. Resolves to the outcome. */
  const enqueue = useCallback((u: Upload): Promise<Partial<Upload>> => {
    const abort = new AbortController();
    aborts.current.set(u.id, abort);
    patch(u.id, { status: 'queued', error: undefined });
    const run = queue.current.then(async (): Promise<Partial<Upload>> => {
      const d = db.current;
      if (!d || !u.prepared.ok) return { status: 'failed' };
      let out: Partial<Upload>;
      if (abort.signal.aborted) {
        out = { status: 'cancelled' };
      } else {
        patch(u.id, { status: 'loading', progress: undefined });
        try {
          const report = await loadFile(d.db, d.loader, u.file, u.prepared.plan,
            { signal: abort.signal, onProgress: (progress) => patch(u.id, { progress }) });
          out = { status: report.ok ? 'loaded' : 'failed', report };
        } catch (e) {
          out = e instanceof Cancelled ? { status: 'cancelled' } : { status: 'failed', error: e instanceof Error ? e.message : String(e) };
        }
      }
      aborts.current.delete(u.id);
      out.progress = undefined;
      // The tables first, then the card: once a file says "Loaded", every view already sees it.
      await refresh(d.loader);
      patch(u.id, out);
      if (out.status === 'loaded') await keep(u);
      return out;
    });
    queue.current = run;
    return run;
  }, [keep, patch, refresh]);

  /** The one path every file takes: sniff, prepare (with the stored choice for a restored file),
   *  then load when it is ready. A restored file gets a card only when it does not load again. */
  const addFile = useCallback(async (file: File, saved?: { kind: KindId; mapping: Mapping; addedAt: string }): Promise<boolean> => {
    const id = ++uploadId;
    const placeholder: Upload = { id, file, status: 'sniffing', restored: saved?.addedAt, kept: !!saved,
      prepared: { ok: false, file: file.name, problem: { severity: 'warning', file: file.name, message: 'Reading…', fix: '' } } };
    if (!saved) setUploads((us) => [placeholder, ...us]);
    const sniffed = await sniffFile(file.name, file).catch((e: unknown): SniffResult => ({ ok: false, problem: { severity: 'error', file: file.name,
      message: `The file could not be read (${e instanceof Error ? e.message : String(e)}).`, fix: 'Add the file again.' } }));
    const prepared = prepare(file.name, file.size, sniffed, saved);
    let u: Upload = { ...placeholder, prepared, status: prepared.ok ? 'needs-attention' : 'failed' };
    patch(id, u);
    if (prepared.ok && !notReadyProblem(prepared)) u = { ...u, ...(await enqueue(u)) };
    if (saved && u.status !== 'loaded') setUploads((us) => [u, ...us]);
    return u.status === 'loaded';
  }, [enqueue, patch]);

  const addFiles = useCallback((files: File[]) => {
    for (const file of files) void addFile(file);
  }, [addFile]);

  // The latest uploads, for callbacks that act on one (state updaters must stay free of side effects).
  const uploadsRef = useRef(uploads);
  uploadsRef.current = uploads;

  const reprepare = useCallback((id: number, choice: { kind?: KindId; mapping?: Mapping }, opts?: { load?: boolean }) => {
    const u = uploadsRef.current.find((x) => x.id === id);
    if (!u || !u.prepared.ok) return;
    const prepared = prepare(u.file.name, u.file.size, { ok: true, sniffed: u.prepared.plan.sniffed }, choice);
    const next: Upload = { ...u, prepared, status: 'needs-attention', report: undefined, kept: false };
    patch(id, { prepared, status: 'needs-attention', report: undefined, kept: false });
    if (opts?.load && prepared.ok && !notReadyProblem(prepared)) void enqueue(next);
  }, [enqueue, patch]);
  const loadUpload = useCallback((id: number) => {
    const u = uploadsRef.current.find((x) => x.id === id);
    if (u) void enqueue(u);
  }, [enqueue]);

  const cancelUpload = useCallback((id: number) => aborts.current.get(id)?.abort(), []);
  const dismissUpload = useCallback((id: number) => {
    aborts.current.get(id)?.abort();
    setUploads((us) => us.filter((u) => u.id !== id));
  }, []);

  const [offenseMap, setOffenseMap] = useState<OffenseMap>(() => savedOffenseMap());
  const offenseMapRef = useRef(offenseMap);
  const assignOffense = useCallback(async (key: string, code: string | null) => {
    const next = { ...offenseMapRef.current };
    if (code) next[key] = code; else delete next[key];
    offenseMapRef.current = next;
    saveOffenseMap(next);
    setOffenseMap(next);
    const d = db.current;
    if (!d) return;
    await (queue.current = queue.current.then(async () => {
      for (const sql of userAliasesSql(next)) await d.loader.run(sql);
      setVersion((v) => v + 1);
    }));
  }, []);

  const removeFile = useCallback(async (sourceFile: string) => {
    const d = db.current;
    if (!d) return;
    await (queue.current = queue.current.then(async () => {
      await removeLoadedFile(d.loader, sourceFile);
      await store.current?.delete(sourceFile).catch(() => undefined);
      await refresh(d.loader);
    }));
  }, [refresh]);

  const forgetSaved = useCallback(async (id: number) => {
    const u = uploadsRef.current.find((x) => x.id === id);
    if (u) await store.current?.delete(u.file.name).catch(() => undefined);
    setUploads((us) => us.filter((x) => x.id !== id));
  }, []);

  const forgetAll = useCallback(async () => {
    await (queue.current = queue.current.catch(() => undefined).then(() => forgetEverything(store.current)));
    window.location.reload();
  }, []);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const opening = FileStore.open().catch((e: unknown) => {
        setKeepProblem(`This browser will not keep the files you add (${describeStoreError(e)}): they stay loaded until the page is closed or reloaded.`);
        return null;
      });
      const database = await browserDatabase();
      const [main, loader] = [await database.connect(), await database.connect()];
      if (cancelled) return;
      db.current = { db: database, loader };
      setConn(main);
      for (const sql of userAliasesSql(offenseMapRef.current)) await loader.run(sql);
      const [{ n } = { n: 0 }] = await loader.query<{ n: number }>('SELECT count(*) AS n FROM _loads');
      if (n === 0) {
        for (const file of await sampleFiles()) {
          const s = await sniffFile(file.name, file);
          const p = prepare(file.name, file.size, s);
          if (p.ok) await loadFile(database, loader, file, p.plan);
        }
      }
      await refresh(loader);
      setStatus('ready');
      store.current = await opening;
      if (store.current && !cancelled) {
        await restoreKept(store.current, addFile, setRestore)
          .catch((e: unknown) => setKeepProblem(`The files kept in this browser could not be read (${describeStoreError(e)}).`));
      }
    })().catch((e: unknown) => {
      setError(e instanceof Error ? e.message : String(e));
      setStatus('failed');
    });
    return () => { cancelled = true; };
  }, [refresh, addFile]);

  const sampleLoaded = loads.some((l) => l.source_file.startsWith(SAMPLE_PREFIX));
  const program = userProgram ?? (sampleLoaded ? SAMPLE_PROGRAM : { ...SAMPLE_PROGRAM, name: 'Your program', synthetic: false, population: null, events: [], awards: [] });
  const setProgram = useCallback((p: ProgramInfo | null) => { saveProgram(p); setUserProgram(p); }, []);

  const value = useMemo<DataState>(() => ({
    status, error, conn, version, loads, sampleLoaded, program, uploads,
    addFiles, reprepare, loadUpload, cancelUpload, dismissUpload, removeFile, setProgram, offenseMap, assignOffense,
    restore, keepProblem, forgetSaved, forgetAll,
  }), [status, error, conn, version, loads, sampleLoaded, program, uploads, addFiles, reprepare, loadUpload, cancelUpload, dismissUpload, removeFile,
    setProgram, offenseMap, assignOffense, restore, keepProblem, forgetSaved, forgetAll]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

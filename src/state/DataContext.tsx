import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { browserDatabase } from '../db/browser.ts';
import type { Connection, Database } from '../db/types.ts';
import { loadFile, removeLoadedFile, type LoadReport } from '../ingest/load.ts';
import type { KindId } from '../ingest/kinds/types.ts';
import type { Mapping } from '../ingest/mapping.ts';
import { notReadyProblem, prepare, type Prepared } from '../ingest/prepare.ts';
import { sniffFile } from '../ingest/sniff.ts';
import { SAMPLE_PROGRAM, saveProgram, savedProgram, type ProgramInfo } from './program.ts';
import { SAMPLE_PREFIX, sampleFiles } from './sampleFiles.ts';
import { saveOffenseMap, savedOffenseMap, type OffenseMap } from './offenseMap.ts';
import { userAliasesSql } from '../db/codes.ts';

export interface LoadedFile { source_file: string; kind: string; table_name: string; rows: number; bytes: number; loaded_at: Date }

export interface Upload {
  id: number;
  file: File;
  prepared: Prepared;
  status: 'sniffing' | 'needs-attention' | 'queued' | 'loading' | 'loaded' | 'failed';
  report?: LoadReport;
  error?: string;
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
  dismissUpload: (id: number) => void;
  removeFile: (sourceFile: string) => Promise<void>;
  setProgram: (p: ProgramInfo | null) => void;
  /** The user's offense assignments; `assignOffense(key, null)` removes one. */
  offenseMap: OffenseMap;
  assignOffense: (key: string, code: string | null) => Promise<void>;
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

  const refresh = useCallback(async (c: Connection) => {
    setLoads(await c.query<LoadedFile & Record<string, unknown>>('SELECT * FROM _loads ORDER BY loaded_at, source_file'));
    setVersion((v) => v + 1);
  }, []);

  const patch = useCallback((id: number, p: Partial<Upload>) => {
    setUploads((us) => us.map((u) => (u.id === id ? { ...u, ...p } : u)));
  }, []);

  /** Loads one prepared file on the loader connection; loads run one at a time. */
  const enqueue = useCallback((u: Upload) => {
    patch(u.id, { status: 'queued' });
    queue.current = queue.current.then(async () => {
      const d = db.current;
      if (!d || !u.prepared.ok) return;
      patch(u.id, { status: 'loading' });
      try {
        const report = await loadFile(d.db, d.loader, u.file, u.prepared.plan);
        patch(u.id, { status: report.ok ? 'loaded' : 'failed', report });
      } catch (e) {
        patch(u.id, { status: 'failed', error: e instanceof Error ? e.message : String(e) });
      }
      await refresh(d.loader);
    });
    return queue.current;
  }, [patch, refresh]);

  const addFiles = useCallback((files: File[]) => {
    for (const file of files) {
      const id = ++uploadId;
      const placeholder: Upload = { id, file, status: 'sniffing', prepared: { ok: false, file: file.name, problem: { severity: 'warning', file: file.name, message: 'Reading…', fix: '' } } };
      setUploads((us) => [placeholder, ...us]);
      void sniffFile(file.name, file).then((s) => {
        const prepared = prepare(file.name, file.size, s);
        const u: Upload = { ...placeholder, prepared, status: 'needs-attention' };
        patch(id, u);
        if (prepared.ok && !notReadyProblem(prepared)) void enqueue(u);
        else if (!prepared.ok) patch(id, { status: 'failed' });
      });
    }
  }, [enqueue, patch]);

  // The latest uploads, for callbacks that act on one (state updaters must stay free of side effects).
  const uploadsRef = useRef(uploads);
  uploadsRef.current = uploads;

  const reprepare = useCallback((id: number, choice: { kind?: KindId; mapping?: Mapping }, opts?: { load?: boolean }) => {
    const u = uploadsRef.current.find((x) => x.id === id);
    if (!u || !u.prepared.ok) return;
    const prepared = prepare(u.file.name, u.file.size, { ok: true, sniffed: u.prepared.plan.sniffed }, choice);
    const next: Upload = { ...u, prepared, status: 'needs-attention', report: undefined };
    patch(id, { prepared, status: 'needs-attention', report: undefined });
    if (opts?.load && prepared.ok && !notReadyProblem(prepared)) void enqueue(next);
  }, [enqueue, patch]);
  const loadUpload = useCallback((id: number) => {
    const u = uploadsRef.current.find((x) => x.id === id);
    if (u) void enqueue(u);
  }, [enqueue]);

  const dismissUpload = useCallback((id: number) => setUploads((us) => us.filter((u) => u.id !== id)), []);

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
      await refresh(d.loader);
    }));
  }, [refresh]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
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
    })().catch((e: unknown) => {
      setError(e instanceof Error ? e.message : String(e));
      setStatus('failed');
    });
    return () => { cancelled = true; };
  }, [refresh]);

  const sampleLoaded = loads.some((l) => l.source_file.startsWith(SAMPLE_PREFIX));
  const program = userProgram ?? (sampleLoaded ? SAMPLE_PROGRAM : { ...SAMPLE_PROGRAM, name: 'Your program', synthetic: false, population: null, events: [], awards: [] });
  const setProgram = useCallback((p: ProgramInfo | null) => { saveProgram(p); setUserProgram(p); }, []);

  const value = useMemo<DataState>(() => ({
    status, error, conn, version, loads, sampleLoaded, program, uploads,
    addFiles, reprepare, loadUpload, dismissUpload, removeFile, setProgram, offenseMap, assignOffense,
  }), [status, error, conn, version, loads, sampleLoaded, program, uploads, addFiles, reprepare, loadUpload, dismissUpload, removeFile, setProgram, offenseMap, assignOffense]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { browserDatabase } from '../db/browser.ts';
import type { Connection, Database } from '../db/database.ts';
import { SqlAnswers } from './sqlAnswers.ts';
import { removeLoadedFile } from '../ingest/load.ts';
import { keptMapping } from '../ingest/plan.ts';
import { sniffSafely, useUploads, type Upload } from './useUploads.ts';
import type { KindId } from '../ingest/kinds/kindDef.ts';
import type { Mapping } from '../ingest/mapping.ts';
import { firstEncounterDay, NO_PROGRAM, readProgram, type ProgramData } from '../metrics/records.ts';
import type { ProgramInfo } from '../domain/programInfo.ts';
import { storedSample } from './sampleStored.ts';
import { storedFormOf } from '../ingest/restore.ts';
import { fillWorkspace, PROGRAM_TABLES } from './fillWorkspace.ts';
import { saveOffenseMap, savedOffenseMap, type OffenseMap } from './offenseMap.ts';
import { userAliasesSql } from '../db/codes.ts';
import { describeStoreError, fileOf, FileStore, forgetEverything, keepable, LEGACY_WORKSPACE, storedFile, type RestoreState, type StoredFile } from './persist.ts';
import { WriteQueue } from './writeQueue.ts';
import { useWorkspaces, type WorkspacesState } from './useWorkspaces.ts';
import { extractFilesOf, mayBeExtractTable, useExtracts, type ExtractCard } from './useExtracts.ts';
import { filesInZip, isZipName } from '../ingest/zipFiles.ts';
import { SAMPLE_WORKSPACE } from './workspaces.ts';

export type { Upload } from './useUploads.ts';

export interface LoadedFile { source_file: string; kind: string; table_name: string; rows: number; bytes: number; loaded_at: Date }

/** Files of the open workspace being loaded at start or on a switch: the sample's, or the kept ones. */
export interface Opening { workspace: string; what: 'sample' | 'kept'; total: number; loaded: number; done: boolean; failed: number }

interface DataState extends WorkspacesState {
  status: 'starting' | 'ready' | 'failed';
  error?: string;
  conn?: Connection;
  /** Bumped after every change to the tables, so views re-query. */
  version: number;
  /** The program's records (encounters, costs, naloxone), read again whenever a program file is
   *  loaded or removed; every program metric is worked out from them (state/useProgram.ts). Null
   *  until first read. */
  programData: ProgramData | null;
  /** SQL metrics answered or asked for the current data, by query text (state/sqlAnswers.ts): new
   *  whenever the data change. */
  answers: SqlAnswers;
  /** Rows of program metrics already worked out from the current records, by metric and arguments
   *  (state/useProgram.ts): a new map whenever the records are read again. */
  programAnswers: Map<unknown, Map<string, unknown[]>>;
  loads: LoadedFile[];
  /** The open workspace is the bundled sample (every figure is synthetic). */
  isSample: boolean;
  program: ProgramInfo;
  /** The open workspace's files still coming in (start-up, restore, switch); undefined when all are in. */
  opening?: Opening;
  uploads: Upload[];
  /** FBI NIBRS extracts added (state/useExtracts.ts), of the open workspace. */
  extracts: ExtractCard[];
  /** Makes the chosen agencies' monthly counts from an extract and loads them as a file. */
  loadExtractAgencies: (id: number, agencyIds: number[]) => void;
  dismissExtract: (id: number) => void;
  /** Adds files to the user's workspace (starting one, and leaving the sample, when the sample is open). */
  addFiles: (files: File[]) => void;
  /** Prepares a file again with another kind or mapping; with `load`, loads it too when it is then ready. */
  reprepare: (id: number, choice: { kind?: KindId; mapping?: Mapping }, opts?: { load?: boolean }) => void;
  loadUpload: (id: number) => void;
  /** Stops a queued or running load; the tables stay as they were before it. */
  cancelUpload: (id: number) => void;
  dismissUpload: (id: number) => void;
  removeFile: (sourceFile: string) => Promise<void>;
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
  /** Opens a loaded file's card again (from this browser's store), to change its mapping or values;
   *  resolves to false when the file is not kept here. */
  reopenFile: (sourceFile: string) => Promise<boolean>;
}

const Ctx = createContext<DataState | null>(null);

/** The open workspace's files still coming in, or undefined (also outside the provider: a chart
 *  drawn alone, as in the chart tests). */
export function useOpening(): Opening | undefined {
  return useContext(Ctx)?.opening;
}

export function useData(): DataState {
  const c = useContext(Ctx);
  if (!c) throw new Error('useData outside DataProvider');
  return c;
}

/** The database and everything that writes to it. Every write goes through one WriteQueue, in
 *  order; the database holds the open workspace's files only (workspaces.ts). */
export function DataProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<DataState['status']>('starting');
  const [error, setError] = useState<string>();
  const [conn, setConn] = useState<Connection>();
  const [version, setVersion] = useState(0);
  const [loads, setLoads] = useState<LoadedFile[]>([]);
  const [programData, setProgramData] = useState<ProgramData | null>(null);
  const programRead = useRef<string | null>(null);
  const programNow = useRef<ProgramData>(NO_PROGRAM);
  const [firstEncounter, setFirstEncounter] = useState<string | null>(null);
  const db = useRef<{ db: Database; loader: Connection } | null>(null);
  const ws = useWorkspaces(firstEncounter);
  const openRef = ws.openRef;
  const queue = useMemo(() => new WriteQueue(() => openRef.current), [openRef]);
  const store = useRef<FileStore | null>(null);
  const [keepProblem, setKeepProblem] = useState<string>();
  const [restore, setRestore] = useState<RestoreState>();
  const [opening, setOpening] = useState<Opening>();
  // From the start (and from a switch) until the workspace's files have all been asked for: the
  // pages are marked as loading even before the first file's turn comes.
  const [filling, setFilling] = useState(true);

  const refresh = useCallback(async () => {
    const c = db.current?.loader;
    if (!c) return;
    const now = await c.query<LoadedFile & Record<string, unknown>>('SELECT * FROM _loads ORDER BY loaded_at, source_file');
    // In the write queue, so no load runs meanwhile: the records read are those the loads list.
    const key = programKey(now);
    if (key !== programRead.current) {
      // No program file: nothing to ask (a cold start asks this before the sample is in).
      programNow.current = key ? await readProgram(c) : NO_PROGRAM;
      setProgramData(programNow.current);
      programRead.current = key;
    }
    setLoads(now);
    // From the records just read, not another query (it took 20-50 ms of a cold start).
    setFirstEncounter(firstEncounterDay(programNow.current));
    setVersion((v) => v + 1);
  }, []);

  /** Adds a loaded file's rows to the record kept for it (ingest/restore.ts), so a reload need not
   *  read it again (not for the largest files). Only onto that same record: a file removed meanwhile
   *  stays removed, and one added again meanwhile keeps its own rows. */
  const keepRows = useCallback(async (kept: StoredFile) => {
    const d = db.current;
    if (!d || !store.current) return;
    const t0 = performance.now();
    const rows = await storedFormOf(d.db, d.loader, kept.name).catch(() => undefined);
    performance.measure(`kept:rows written ${kept.name}`, { start: t0 });
    const now = rows && await store.current.get(kept.workspace, kept.name).catch(() => undefined);
    const t1 = performance.now();
    if (now && now.addedAt === kept.addedAt && !now.rows) await store.current.put({ ...now, rows }).catch(() => undefined);
    performance.measure(`kept:rows put ${kept.name}`, { start: t1 });
    // Done, whether or not the rows were kept (the largest files' are not).
    performance.mark(`kept:rows done ${kept.name}`);
  }, []);

  /** Keeping the rows is a job of its own at the end of the write queue: files added together all
   *  load first, and the rows are written once the page is still (db/activity.ts); no load runs
   *  while they are written, and a workspace opened meanwhile skips it. */
  const keepRowsLater = useCallback((kept: StoredFile) => {
    void queue.run(`Keeping the rows of ${kept.name}`, () => keepRows(kept), kept.workspace).catch(() => undefined);
  }, [queue, keepRows]);

  /** Keeps a file that loaded in the store, under the workspace it loaded into (never the sample's):
   *  the file itself at once, then its rows beside it. */
  const loaded = useCallback(async (u: Upload) => {
    if (!store.current || !u.prepared.ok || u.workspace === SAMPLE_WORKSPACE || !keepable(u.file.name)) return;
    if (u.kept) {
      // Kept before its rows were kept with it: read again this once, its rows are added now.
      const r = await store.current.get(u.workspace, u.file.name).catch(() => undefined);
      if (r && !r.rows) keepRowsLater(r);
      return;
    }
    let record: StoredFile;
    try {
      record = await storedFile(u.workspace, u.file, u.prepared.plan.kind.id, keptMapping(u.prepared.plan));
      await store.current.put(record);
      performance.mark(`kept:stored ${u.file.name}`);
      uploadsApi.dropRestoredCards(u);
    } catch (e) {
      setKeepProblem(`"${u.file.name}" is loaded, but this browser could not keep it (${describeStoreError(e)}), so it will not be here after a reload.`);
      return;
    }
    keepRowsLater(record);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const currentDb = useCallback(() => db.current, []);
  const uploadsApi = useUploads({ queue, db: currentDb, refresh, loaded });
  const { addFile } = uploadsApi;
  const addCountsFile = useCallback((file: File, workspace: string) => void addFile(file, workspace), [addFile]);
  const extractsApi = useExtracts({ queue, db: currentDb, addCountsFile });
  const { addExtract } = extractsApi;

  /** Loads the open workspace's files (state/fillWorkspace.ts). */
  const fillWith = useCallback((id: string) => fillWorkspace(id, {
    queue, db: () => db.current, store: () => store.current, isOpen: (w) => openRef.current === w, refresh, addFile,
    setOpening, setRestore, setKeepProblem,
  }), [queue, refresh, addFile, openRef]);

  const fill = useCallback((id: string) => fillWith(id).finally(() => { if (openRef.current === id) setFilling(false); }),
    [fillWith, openRef]);

  /** Empties the database of the workspace that was open (in the queue, after every write before it). */
  const clearTables = useCallback(() => queue.run('Closing the workspace', async () => {
    const d = db.current;
    if (!d) return;
    const files = await d.loader.query<{ source_file: string }>('SELECT source_file FROM _loads');
    for (const f of files) await removeLoadedFile(d.loader, f.source_file);
    await refresh();
  }), [queue, refresh]);

  /** Opens a workspace: jobs queued for the one open before are skipped from now on, its tables are
   *  emptied, and the new one's files load. */
  const generation = useRef(0);
  const openWorkspace = useCallback(async (id: string) => {
    if (openRef.current === id) return;
    generation.current++;
    ws.setOpen(id);
    setFilling(true);
    setRestore(undefined);
    setOpening(undefined);
    await clearTables();
    await fill(id);
  }, [ws, clearTables, fill, openRef]);

  /** The workspace new files go to: the open one, or (with the sample open) the user's newest
   *  workspace, or a new one. */
  const addFiles = useCallback((files: File[]) => {
    if (!files.length) return;
    let target = openRef.current;
    if (target === SAMPLE_WORKSPACE) {
      target = ws.latestOrNew();
      void openWorkspace(target);
    }
    // An FBI NIBRS extract's tables are read together into counts (useExtracts); its files are
    // told apart by their columns, so only files named like its tables wait for that look.
    const add = (batch: File[]) => {
      // Files dropped together are read first, so each knows the others of its layout (batchMates).
      const sniffs = batch.map(sniffSafely);
      batch.forEach((file, i) => void addFile(file, target, { sniffed: sniffs[i], batch: sniffs }));
    };
    const route = (batch: File[]) => {
      add(batch.filter((f) => !mayBeExtractTable(f.name)));
      const named = batch.filter((f) => mayBeExtractTable(f.name));
      if (!named.length) return;
      void extractFilesOf(named).then((parts) => {
        if (parts.length) void addExtract(parts, target);
        add(named.filter((f) => !parts.some((p) => p.file === f)));
      });
    };
    route(files.filter((f) => !isZipName(f.name)));
    // A zip archive (the FBI's extract comes as one) is opened here: its tables are a batch of their
    // own, one extract per archive. An archive without tables gets a card saying what it is.
    for (const zip of files.filter((f) => isZipName(f.name))) {
      void filesInZip(zip).then((z) => (z.files.length ? route(z.files) : add([zip])), () => add([zip]));
    }
  }, [addFile, openWorkspace, ws, openRef, addExtract]);

  const [offenseMap, setOffenseMap] = useState<OffenseMap>(() => savedOffenseMap());
  const offenseMapRef = useRef(offenseMap);
  const assignOffense = useCallback(async (key: string, code: string | null) => {
    const next = { ...offenseMapRef.current };
    if (code) next[key] = code; else delete next[key];
    offenseMapRef.current = next;
    saveOffenseMap(next);
    setOffenseMap(next);
    await queue.run('Saving an offense assignment', async () => {
      const d = db.current;
      if (!d) return;
      for (const sql of userAliasesSql(next)) await d.loader.run(sql);
      setVersion((v) => v + 1);
    });
  }, [queue]);

  const removeFile = useCallback(async (sourceFile: string) => {
    const workspace = openRef.current;
    await queue.run(`Removing ${sourceFile}`, async () => {
      const d = db.current;
      if (!d) return;
      await removeLoadedFile(d.loader, sourceFile);
      await store.current?.delete(workspace, sourceFile).catch(() => undefined);
      await refresh();
    }, workspace);
  }, [queue, refresh, openRef]);

  const forgetSaved = useCallback(async (id: number) => {
    const u = uploadsApi.latest.current.find((x) => x.id === id);
    if (u) await store.current?.delete(u.workspace, u.file.name).catch(() => undefined);
    uploadsApi.dismissUpload(id);
  }, [uploadsApi]);

  const reopenFile = useCallback(async (name: string) => {
    const open = openRef.current;
    if (uploadsApi.latest.current.some((u) => u.workspace === open && u.file.name === name)) return true;
    const r = (await store.current?.all(open).catch(() => []))?.find((x) => x.name === name);
    if (!r) return false;
    void addFile(fileOf(r), open, { saved: r, quiet: false, reopened: true });
    return true;
  }, [uploadsApi, addFile, openRef]);

  const forgetAll = useCallback(async () => {
    await queue.run('Forgetting all data', () => forgetEverything(store.current)).catch(() => undefined);
    window.location.reload();
  }, [queue]);

  // The start-up is the queue's first job, queued before anything a user can do: a file added in
  // the first second waits for the database rather than finding none.
  useEffect(() => {
    let cancelled = false;
    // The sample's files are fetched while the database starts, when the sample is what opens.
    if (openRef.current === SAMPLE_WORKSPACE) void storedSample().catch(() => undefined);
    const started = queue.run('Starting the database', async () => {
      const opening = FileStore.open().catch((e: unknown) => {
        setKeepProblem(`This browser will not keep the files you add (${describeStoreError(e)}): they stay loaded until the page is closed or reloaded.`);
        return null;
      });
      const database = await browserDatabase();
      const [main, loader] = [await database.connect(), await database.connect()];
      db.current = { db: database, loader };
      // Nothing is loaded yet: the coded counts are empty whatever the assignments.
      for (const sql of userAliasesSql(offenseMapRef.current, { recode: false })) await loader.run(sql);
      store.current = await opening;
      // Files kept before workspaces existed belong to a workspace made for them.
      if (store.current && generation.current === 0 && (await store.current.workspaces().catch((): string[] => [])).includes(LEGACY_WORKSPACE)) ws.adoptLegacy();
      setConn(main);
      await refresh();
      setStatus('ready');
    });
    started.then(async () => {
      // A workspace opened while the database started (a file added at once) fills itself.
      if (!cancelled && generation.current === 0) await fill(openRef.current);
    }).catch(() => {
      setFilling(false);
      setError('The in-browser database could not start');
      setStatus('failed');
    });
    return () => { cancelled = true; };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const answers = useMemo(() => new SqlAnswers(conn), [conn, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const programAnswers = useMemo(() => new Map<unknown, Map<string, unknown[]>>(), [programData]); // eslint-disable-line react-hooks/exhaustive-deps
  const isSample = ws.open === SAMPLE_WORKSPACE;
  const current = opening && !opening.done && opening.workspace === ws.open ? opening
    : filling ? { workspace: ws.open, what: ws.open === SAMPLE_WORKSPACE ? 'sample' as const : 'kept' as const, total: 0, loaded: 0, done: false, failed: 0 } : undefined;
  const uploads = useMemo(() => uploadsApi.uploads.filter((u) => u.workspace === ws.open), [uploadsApi.uploads, ws.open]);
  const extracts = useMemo(() => extractsApi.extracts.filter((u) => u.workspace === ws.open), [extractsApi.extracts, ws.open]);

  const value = useMemo<DataState>(() => ({
    ...ws, openWorkspace, status, error, conn, version, programData, answers, programAnswers, loads, isSample, opening: current, uploads,
    extracts, loadExtractAgencies: extractsApi.loadAgencies, dismissExtract: extractsApi.dismissExtract,
    addFiles, reprepare: uploadsApi.reprepare, loadUpload: uploadsApi.loadUpload, cancelUpload: uploadsApi.cancelUpload,
    dismissUpload: uploadsApi.dismissUpload, removeFile, offenseMap, assignOffense,
    restore: restore?.workspace === ws.open ? restore : undefined, keepProblem, forgetSaved, forgetAll, reopenFile,
  }), [ws, openWorkspace, status, error, conn, version, programData, answers, programAnswers, loads, isSample, current, uploads, extracts, extractsApi, addFiles, uploadsApi, removeFile,
    offenseMap, assignOffense, restore, keepProblem, forgetSaved, forgetAll, reopenFile]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}


/** What identifies the program's data: its files, their rows and when they were loaded. */
function programKey(loads: readonly LoadedFile[]): string {
  return loads.filter((l) => PROGRAM_TABLES.has(l.table_name))
    .map((l) => `${l.source_file}\u0000${l.rows}\u0000${new Date(l.loaded_at).getTime()}`).join('\u0001');
}

import type { Connection, Database } from '../db/database.ts';
import { restoreStored } from '../ingest/restore.ts';
import { rederive } from '../ingest/tableChanges.ts';
import { describeStoreError, restoreKept, type FileStore, type RestoreState, type StoredFile } from './persist.ts';
import { sampleFiles } from './sampleFiles.ts';
import { storedSample } from './sampleStored.ts';
import type { SavedChoice } from './useUploads.ts';
import { SAMPLE_WORKSPACE } from './workspaces.ts';
import { SKIPPED, type WriteQueue } from './writeQueue.ts';

/** The program's tables: their files come back first, so the overview's own figures show while the
 *  context files follow. */
export const PROGRAM_TABLES = new Set(['encounters', 'costs', 'naloxone']);

/** Files of the open workspace still coming in, as DataContext shows them. */
export interface OpeningState { workspace: string; what: 'sample' | 'kept'; total: number; loaded: number; done: boolean; failed: number }

export interface FillDeps {
  queue: WriteQueue;
  db: () => { db: Database; loader: Connection } | null;
  store: () => FileStore | null;
  /** Whether the workspace is still the open one. */
  isOpen: (workspace: string) => boolean;
  /** Reads the tables again after a change, so every view sees it. */
  refresh: () => Promise<void>;
  addFile: (file: File, workspace: string, opts: { saved?: SavedChoice & Partial<StoredFile>; quiet?: boolean }) => Promise<boolean>;
  setOpening: (s: OpeningState) => void;
  setRestore: (s: RestoreState) => void;
  setKeepProblem: (text: string) => void;
}

/** Loads the open workspace's files: the bundled sample (from its stored form, or its CSVs if that
 *  no longer fits), or the files kept for a user's workspace (their kept rows first, then any file
 *  that must be read again), saying how far it got. */
export async function fillWorkspace(id: string, deps: FillDeps): Promise<void> {
  if (id === SAMPLE_WORKSPACE) return fillSample(id, deps);
  const kept = deps.store();
  if (!kept) return;
  // Read once: the kept rows go back first, the rest are loaded from the same records.
  let all: StoredFile[];
  try {
    const t0 = performance.now();
    all = await kept.all(id);
    performance.measure('kept:read records', { start: t0 });
  } catch (e) {
    deps.setKeepProblem(`The files kept in this browser could not be read (${describeStoreError(e)}).`);
    return;
  }
  const already = await restoreKeptRows(id, all, deps);
  await restoreKept({ all: async () => all }, id, async (file, r) => {
    // Removed while the restore ran, or another workspace opened: skip it.
    if (!deps.isOpen(id) || !(await kept.has(id, r.name))) return true;
    return deps.addFile(file, id, { saved: r });
  }, (s) => {
    deps.setRestore(s);
    deps.setOpening({ workspace: id, what: 'kept', total: s.total, loaded: s.loaded, done: s.done, failed: s.failed });
  }, { already }).catch((e: unknown) => deps.setKeepProblem(`The files kept in this browser could not be read (${describeStoreError(e)}).`));
}

/** The sample's stored form first: its tables put back as a load left them, the program's files
 *  first. Else (a stored form that no longer fits the tables) its CSVs, loaded as any file. */
async function fillSample(id: string, { queue, db, refresh, addFile, isOpen, setOpening }: FillDeps): Promise<void> {
  const stored = await queue.run('Opening the sample', async () => {
    const d = db();
    if (!d) return 0;
    const loads = await storedSample();
    setOpening({ workspace: id, what: 'sample', total: loads.length, loaded: 0, done: false, failed: 0 });
    const program = loads.filter((l) => PROGRAM_TABLES.has(l.table_name));
    await restoreStored(d.db, d.loader, program);
    await refresh();
    performance.mark('sample:program restored');
    setOpening({ workspace: id, what: 'sample', total: loads.length, loaded: program.length, done: false, failed: 0 });
    await restoreStored(d.db, d.loader, loads.filter((l) => !PROGRAM_TABLES.has(l.table_name)));
    performance.mark('sample:restored');
    await refresh();
    return loads.length;
  }, id).catch(() => 0);
  if (stored !== SKIPPED && stored > 0) {
    setOpening({ workspace: id, what: 'sample', total: stored, loaded: stored, done: true, failed: 0 });
    return;
  }
  if (!isOpen(id)) return;
  const files = await sampleFiles();
  let failed = 0;
  setOpening({ workspace: id, what: 'sample', total: files.length, loaded: 0, done: false, failed });
  for (const [i, file] of files.entries()) {
    if (!isOpen(id)) return;
    if (!(await addFile(file, id, { quiet: true }).catch(() => false))) failed++;
    setOpening({ workspace: id, what: 'sample', total: files.length, loaded: i + 1, done: i + 1 === files.length, failed });
  }
}

/** Puts back the rows kept with a workspace's files (ingest/restore.ts), each file all or nothing,
 *  in one turn of the queue, the derived tables rebuilt once at the end; returns the files that
 *  came back. A file whose rows do not fit the tables as they are now is read again after. */
async function restoreKeptRows(id: string, all: readonly StoredFile[], { queue, db, refresh, setOpening, setRestore }: FillDeps): Promise<Set<string>> {
  const records = all.filter((r) => r.rows);
  if (!records.length) return new Set();
  const done = await queue.run('Restoring the kept files', async () => {
    const d = db();
    const back = new Set<string>();
    if (!d) return back;
    const tables = new Set<string>();
    const progress = (loaded: number) => {
      const s = { workspace: id, total: all.length, loaded, done: false, failed: 0 };
      setRestore(s);
      setOpening({ ...s, what: 'kept' });
    };
    progress(0);
    for (const r of records) {
      const t0 = performance.now();
      try {
        for (const t of await restoreStored(d.db, d.loader, [{ ...r.rows!, source_file: r.name }], { derive: false })) tables.add(t);
        back.add(r.name);
      } catch {
        // Read again through the load path after.
      }
      performance.measure(`kept:restore ${r.name}`, { start: t0 });
      progress(back.size);
    }
    const t1 = performance.now();
    await rederive(d.loader, [...tables]);
    performance.measure('kept:derive', { start: t1 });
    performance.mark(`kept:restored ${back.size}`);
    await refresh();
    return back;
  }, id).catch(() => new Set<string>());
  return done === SKIPPED ? new Set() : done;
}

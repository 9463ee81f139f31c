import type { Connection, Database } from '../db/database.ts';
import { hasDerived, restoreDerivedFirst, restoreRowsSlice, restoreStored, type PendingRows } from '../ingest/restore.ts';
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

/** Puts back the files kept with their rows (ingest/restore.ts), each file all or nothing, in one
 *  turn of the queue, the derived views rebuilt once at the end; returns the files that came back.
 *  A file kept with what was derived from it alone gets that back first, and its rows after, a
 *  slice at a time (`restoreRowsLater`); a file whose stored form does not fit the tables as they
 *  are now is read again after. */
async function restoreKeptRows(id: string, all: readonly StoredFile[], deps: FillDeps): Promise<Set<string>> {
  const { queue, db, refresh, setOpening, setRestore } = deps;
  const records = all.filter((r) => r.rows);
  if (!records.length) return new Set();
  const pending: PendingRows[] = [];
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
      const stored = { ...r.rows!, source_file: r.name };
      try {
        if (hasDerived(stored)) {
          const first = await restoreDerivedFirst(d.db, d.loader, [stored]);
          for (const t of first.tables) tables.add(t);
          pending.push(...first.pending);
          performance.mark(`kept:derived back ${r.name}`);
        } else {
          for (const t of await restoreStored(d.db, d.loader, [stored], { derive: false })) tables.add(t);
        }
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
  if (done === SKIPPED) return new Set();
  restoreRowsLater(id, pending, deps);
  return done;
}

/** The rows of files whose derived tables are back, a slice per turn of the queue (so a file the
 *  user adds meanwhile waits for one slice, not for all of them), each started once the page's own
 *  queries are still. A file removed or loaded again meanwhile is left as it is now. */
function restoreRowsLater(id: string, pending: readonly PendingRows[], { queue, db, setKeepProblem }: FillDeps): void {
  const jobs = pending.flatMap((p) => p.slices.map((_, i) => ({ p, i })));
  const t0 = performance.now();
  const next = (k: number): void => {
    const job = jobs[k];
    if (!job) return;
    void queue.run(`Restoring the rows of ${job.p.source_file}`, async () => {
      const d = db();
      if (!d) return;
      await d.db.whenQuiet?.();
      // Not counted as the page's own queries, or each slice would wait for the last one to be still.
      const conn = (await d.db.backgroundConnection?.()) ?? d.loader;
      let failed: unknown;
      try {
        if (!(await restoreRowsSlice(d.db, conn, job.p, job.i))) return;
      } catch (e) {
        failed = e;
      }
      // After the last slice, whether or not it went in: a file short of rows is said.
      if (job.i === job.p.slices.length - 1) {
        const [c] = await conn.query<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${job.p.dataTable}`);
        if (Number(c?.n) !== job.p.rows) {
          setKeepProblem(`The rows kept for "${job.p.source_file}" came back incomplete (${Number(c?.n)} of ${job.p.rows}); its figures are whole, but remove the file and add it again to keep it whole.`);
        }
        performance.measure(`kept:rows restored ${job.p.source_file}`, { start: t0 });
      }
      if (failed) throw failed;
    }, id).then((r) => { if (r !== SKIPPED) next(k + 1); }, () => next(k + 1));
  };
  next(0);
}

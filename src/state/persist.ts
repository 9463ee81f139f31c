import type { KindId } from '../ingest/kinds/kindDef.ts';
import type { StoredLoad } from '../ingest/restore.ts';
import type { Mapping } from '../ingest/mapping.ts';
import { SAMPLE_PREFIX } from './sampleNames.ts';

/** One file the user added and loaded, kept in this browser's IndexedDB so that it loads again,
 *  through the same path and with the same choices, after a reload. */
export interface StoredFile {
  /** The workspace the file belongs to (workspaces.ts). */
  workspace: string;
  /** The file's name: with the workspace, the key (a file loaded again with the same name into the
   *  same workspace replaces it; two workspaces may each hold a file of the same name). */
  name: string;
  type: string;
  lastModified: number;
  /** The original bytes, as read when the file loaded. */
  bytes: Blob;
  /** The kind and column mapping the file loaded with. */
  kind: KindId;
  mapping: Mapping;
  /** When the file was added (ISO 8601). */
  addedAt: string;
  /** Its rows as its table held them once loaded (ingest/restore.ts), so that a reload puts them
   *  back without reading and checking the file again; absent for the largest files (and for files
   *  kept before this existed), which are read again. */
  rows?: Omit<StoredLoad, 'source_file'>;
}

const DB_NAME = 'deflection-dashboard';
const DB_VERSION = 2;
const STORE = 'kept';
/** Version 1's store, keyed by name alone: its files move to LEGACY_WORKSPACE on upgrade. */
const V1_STORE = 'files';
/** The workspace files kept before workspaces existed belong to (a workspace is made for it). */
export const LEGACY_WORKSPACE = 'w-kept';

const keyOf = (workspace: string, name: string) => [workspace, name];
/** Every localStorage key the dashboard writes starts with this (mappings, offense map, program,
 *  populations, report narratives). The public page's language choice is not data and stays. */
export const SETTINGS_PREFIX = 'deflection.';

/** Only files the user added are kept; the bundled sample reloads itself. */
export function keepable(name: string): boolean {
  return !name.startsWith(SAMPLE_PREFIX);
}

/** The record to keep for a file that loaded with this kind and mapping. Its bytes are the file's
 *  own, by reference: IndexedDB copies them as it stores the record, away from the page. (Reading
 *  them into a new Blob first held a 472 MB file in the page twice, and copying it blocked the page
 *  for about 1.8 s, just as the file's first charts were being looked at; issue 21.) A file changed
 *  on disk since it was chosen cannot be read: keeping it then fails like any failed keep, which the
 *  Data page says. */
export async function storedFile(workspace: string, file: File, kind: KindId, mapping: Mapping, now = new Date()): Promise<StoredFile> {
  const bytes = file.slice(0, file.size, file.type);
  return { workspace, name: file.name, type: file.type, lastModified: file.lastModified, bytes, kind, mapping, addedAt: now.toISOString() };
}

/** The kept record as a file again, to go through the load path like a dropped one. */
export function fileOf(r: StoredFile): File {
  return new File([r.bytes], r.name, { type: r.type, lastModified: r.lastModified });
}

/** Why the browser would not keep a file, in words for the Data page. */
export function describeStoreError(e: unknown): string {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  if (name === 'QuotaExceededError') return 'the storage this browser allows the page is full';
  // The file's bytes are copied as the record is stored: a file moved or changed on disk since it
  // was chosen cannot be read then.
  if (name === 'NotReadableError' || name === 'NotFoundError') return 'the file could not be read again to keep it (was it moved or changed since it was chosen?)';
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'NotAllowedError' || name === 'UnknownError') {
    return 'this browser does not let the page store data, as in some private windows';
  }
  return `the browser said: ${e instanceof Error ? e.message : String(e)}`;
}

/** Removes the dashboard's saved settings (every `deflection.` key) from a Storage. */
export function forgetSettings(storage: Pick<Storage, 'length' | 'key' | 'removeItem'>): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k?.startsWith(SETTINGS_PREFIX)) keys.push(k);
  }
  for (const k of keys) storage.removeItem(k);
  return keys;
}

/** "Restoring 3 of 11 files saved in this browser…" */
export function restoringText(done: number, n: number): string {
  return `Restoring ${Math.min(done + 1, n)} of ${n} ${n === 1 ? 'file' : 'files'} saved in this browser…`;
}

/** After the restore: how many loaded again, and how many need the user. */
export function restoredText(total: number, failed: number): string {
  const files = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;
  const loaded = `Restored ${total - failed} of ${files(total)} saved in this browser.`;
  return failed ? `${loaded} ${files(failed)} did not load again: see ${failed === 1 ? 'it' : 'them'} below.` : loaded;
}

/** The files kept in this browser being loaded again: `loaded` of `total` so far. */
export interface RestoreState { workspace: string; total: number; loaded: number; done: boolean; failed: number }

/** Loads every file kept for a workspace again, one at a time, through `load` (the path a dropped
 *  file takes, which reports a file that does not load), saying how far it got after each. Nothing
 *  is removed from the store here. */
export async function restoreKept(store: Pick<FileStore, 'all'>, workspace: string, load: (file: File, kept: StoredFile) => Promise<boolean>,
  progress: (s: RestoreState) => void, { already = new Set<string>() }: {
    /** Files already back (their rows restored): counted as loaded, not loaded again. */
    already?: ReadonlySet<string>;
  } = {}): Promise<void> {
  const all = await store.all(workspace);
  if (!all.length) return;
  const kept = all.filter((r) => !already.has(r.name));
  const total = all.length;
  let failed = 0;
  let loaded = total - kept.length;
  progress({ workspace, total, loaded, done: kept.length === 0, failed });
  for (const r of kept) {
    if (!(await load(fileOf(r), r).catch(() => false))) failed++;
    loaded++;
    progress({ workspace, total, loaded, done: loaded === total, failed });
  }
}

/** "Forget all data": empties the store (opening it if need be) and removes the saved settings. */
export async function forgetEverything(store: FileStore | null): Promise<void> {
  await (store ?? await FileStore.open().catch(() => null))?.clear().catch(() => undefined);
  try { forgetSettings(localStorage); } catch { /* storage blocked: nothing was saved there */ }
}

/** The files kept in this browser, in IndexedDB (raw API). */
export class FileStore {
  private constructor(private readonly db: IDBDatabase) {
    db.onversionchange = () => db.close();
  }

  static open(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<FileStore> {
    return new Promise((resolve, reject) => {
      if (!factory) {
        reject(new DOMException('IndexedDB is not available.', 'InvalidStateError'));
        return;
      }
      let req: IDBOpenDBRequest;
      try {
        req = factory.open(DB_NAME, DB_VERSION);
      } catch (e) {
        reject(e);
        return;
      }
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: ['workspace', 'name'] }).createIndex('workspace', 'workspace');
        if (!db.objectStoreNames.contains(V1_STORE)) return;
        // Version 1 kept files by name alone: move them into the legacy workspace, then drop its store.
        const t = req.transaction!;
        const to = t.objectStore(STORE);
        const cursor = t.objectStore(V1_STORE).openCursor();
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (c) {
            to.put({ ...(c.value as StoredFile), workspace: LEGACY_WORKSPACE });
            c.continue();
          } else {
            db.deleteObjectStore(V1_STORE);
          }
        };
      };
      req.onsuccess = () => resolve(new FileStore(req.result));
      req.onerror = () => reject(req.error ?? new DOMException('IndexedDB could not be opened.', 'UnknownError'));
    });
  }

  /** Every file kept for a workspace (or for all of them), oldest first. */
  async all(workspace?: string): Promise<StoredFile[]> {
    const rows = (await this.tx('readonly', (s) => (workspace === undefined ? s.getAll() : s.index('workspace').getAll(workspace)))) as StoredFile[];
    return rows.sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.name.localeCompare(b.name));
  }

  /** The workspaces that have kept files. */
  async workspaces(): Promise<string[]> {
    const keys = (await this.tx('readonly', (s) => s.index('workspace').getAllKeys())) as [string, string][];
    return [...new Set(keys.map((k) => k[0]))];
  }

  /** One kept file, or undefined. */
  async get(workspace: string, name: string): Promise<StoredFile | undefined> {
    return (await this.tx('readonly', (s) => s.get(keyOf(workspace, name)))) as StoredFile | undefined;
  }

  /** Whether a file is kept for a workspace (without reading it). */
  async has(workspace: string, name: string): Promise<boolean> {
    return ((await this.tx('readonly', (s) => s.count(keyOf(workspace, name)))) as number) > 0;
  }

  /** Keeps a file, replacing one of the same name in the same workspace. */
  put(r: StoredFile): Promise<unknown> { return this.tx('readwrite', (s) => s.put(r)); }

  delete(workspace: string, name: string): Promise<unknown> { return this.tx('readwrite', (s) => s.delete(keyOf(workspace, name))); }

  clear(): Promise<unknown> { return this.tx('readwrite', (s) => s.clear()); }

  /** Runs one request in its own transaction; settles when the transaction has committed (a full
   *  disk shows up as the transaction aborting with a QuotaExceededError). */
  private tx(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest): Promise<unknown> {
    return new Promise((resolve, reject) => {
      let t: IDBTransaction;
      let req: IDBRequest;
      try {
        t = this.db.transaction(STORE, mode);
        req = fn(t.objectStore(STORE));
      } catch (e) {
        reject(e);
        return;
      }
      t.oncomplete = () => resolve(req.result);
      t.onabort = t.onerror = () => reject(t.error ?? req.error ?? new DOMException('The transaction was aborted.', 'AbortError'));
    });
  }
}

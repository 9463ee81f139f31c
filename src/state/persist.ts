import type { KindId } from '../ingest/kinds/types.ts';
import type { Mapping } from '../ingest/mapping.ts';
import { SAMPLE_PREFIX } from './sampleFiles.ts';

/** One file the user added and loaded, kept in this browser's IndexedDB so that it loads again,
 *  through the same path and with the same choices, after a reload. */
export interface StoredFile {
  /** The file's name: the key (a file loaded with the same name replaces it). */
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
}

const DB_NAME = 'deflection-dashboard';
const DB_VERSION = 1;
const STORE = 'files';
/** Every localStorage key the dashboard writes starts with this (mappings, offense map, program,
 *  populations, report narratives). The public page's language choice is not data and stays. */
export const SETTINGS_PREFIX = 'deflection.';

/** Only files the user added are kept; the bundled sample reloads itself. */
export function keepable(name: string): boolean {
  return !name.startsWith(SAMPLE_PREFIX);
}

/** The record to keep for a file that loaded with this kind and mapping. */
export async function storedFile(file: File, kind: KindId, mapping: Mapping, now = new Date()): Promise<StoredFile> {
  const bytes = new Blob([await file.arrayBuffer()], { type: file.type });
  return { name: file.name, type: file.type, lastModified: file.lastModified, bytes, kind, mapping, addedAt: now.toISOString() };
}

/** The kept record as a file again, to go through the load path like a dropped one. */
export function fileOf(r: StoredFile): File {
  return new File([r.bytes], r.name, { type: r.type, lastModified: r.lastModified });
}

/** Why the browser would not keep a file, in words for the Data page. */
export function describeStoreError(e: unknown): string {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  if (name === 'QuotaExceededError') return 'the storage this browser allows the page is full';
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

/** "Restoring 2 files saved in this browser…" */
export function restoringText(n: number): string {
  return `Restoring ${n} ${n === 1 ? 'file' : 'files'} saved in this browser…`;
}

/** After the restore: how many loaded again, and how many need the user. */
export function restoredText(total: number, failed: number): string {
  const files = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;
  const loaded = `Restored ${total - failed} of ${files(total)} saved in this browser.`;
  return failed ? `${loaded} ${files(failed)} did not load again: see ${failed === 1 ? 'it' : 'them'} below.` : loaded;
}

/** The files kept in this browser being loaded again at start. */
export interface RestoreState { total: number; done: boolean; failed: number }

/** Loads every kept file again, one at a time, through `load` (the path a dropped file takes, which
 *  reports a file that does not load). Nothing is removed from the store here. */
export async function restoreKept(store: Pick<FileStore, 'all'>, load: (file: File, kept: StoredFile) => Promise<boolean>,
  progress: (s: RestoreState) => void): Promise<void> {
  const kept = await store.all();
  if (!kept.length) return;
  progress({ total: kept.length, done: false, failed: 0 });
  let failed = 0;
  for (const r of kept) {
    if (!(await load(fileOf(r), r).catch(() => false))) failed++;
  }
  progress({ total: kept.length, done: true, failed });
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
        if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'name' });
      };
      req.onsuccess = () => resolve(new FileStore(req.result));
      req.onerror = () => reject(req.error ?? new DOMException('IndexedDB could not be opened.', 'UnknownError'));
    });
  }

  /** Every kept file, oldest first. */
  async all(): Promise<StoredFile[]> {
    const rows = (await this.tx('readonly', (s) => s.getAll())) as StoredFile[];
    return rows.sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.name.localeCompare(b.name));
  }

  /** Keeps a file, replacing one of the same name. */
  put(r: StoredFile): Promise<unknown> { return this.tx('readwrite', (s) => s.put(r)); }

  delete(name: string): Promise<unknown> { return this.tx('readwrite', (s) => s.delete(name)); }

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

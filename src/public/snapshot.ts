import { SNAPSHOT_VERSION, type Cell, type Snapshot, type SnapshotTable, type SnapshotTableId } from '../snapshot/snapshotFormat.ts';

export type LoadState =
  | { status: 'loading' }
  | { status: 'ready'; snapshot: Snapshot }
  | { status: 'failed'; error: 'load' | 'version' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCell = (v: unknown): v is Cell => (typeof v === 'number' && Number.isFinite(v)) || v === 'suppressed' || v === 'n/a';
const isCells = (v: unknown, columns: string[]) => isObject(v) && columns.every((c) => c in v && isCell(v[c]));
const isText = (v: unknown) => isObject(v) && typeof v.en === 'string' && typeof v.es === 'string';

function isTable(t: unknown): t is SnapshotTable {
  if (!isObject(t) || typeof t.id !== 'string' || typeof t.rowKey !== 'string') return false;
  const columns = t.columns;
  if (!Array.isArray(columns) || !columns.every((c) => typeof c === 'string')) return false;
  if (!Array.isArray(t.rows) || !t.rows.every((r) => isObject(r) && typeof r.key === 'string' && isCells(r.cells, columns))) return false;
  return t.total === undefined || isCells(t.total, columns);
}

/** The snapshot if `v` has its shape; "version" if it is a snapshot of another format version. */
export function validate(v: unknown): Snapshot | 'version' | null {
  if (!isObject(v)) return null;
  if (v.version !== SNAPSHOT_VERSION) return typeof v.version === 'number' ? 'version' : null;
  const p = v.program;
  if (typeof v.generated !== 'string' || !isObject(v.coverage) || !isObject(v.rules)) return null;
  if (!isObject(p) || typeof p.name !== 'string' || !isText(p.about) || !isText(p.howToGetHelp) || typeof p.synthetic !== 'boolean') return null;
  if (!Array.isArray(v.tables) || !v.tables.every(isTable)) return null;
  return v as unknown as Snapshot;
}

/** Fetches snapshot.json from the page's own folder (a relative address: the page makes no other
 *  request for data). */
export async function loadSnapshot(url = 'snapshot.json'): Promise<LoadState> {
  try {
    const res = await fetch(url, { cache: 'no-cache' });
    if (!res.ok) return { status: 'failed', error: 'load' };
    const s = validate(await res.json());
    if (s === 'version') return { status: 'failed', error: 'version' };
    return s ? { status: 'ready', snapshot: s } : { status: 'failed', error: 'load' };
  } catch {
    return { status: 'failed', error: 'load' };
  }
}

export const tableById = (s: Snapshot, id: SnapshotTableId): SnapshotTable | undefined => s.tables.find((t) => t.id === id);

/** The first of `preferred` the table has, else its last (`last`) or first value column. */
export function pickColumn(t: SnapshotTable, preferred: readonly string[], fallback: 'first' | 'last' = 'first'): string | undefined {
  return preferred.find((c) => t.columns.includes(c)) ?? (fallback === 'last' ? t.columns.at(-1) : t.columns[0]);
}

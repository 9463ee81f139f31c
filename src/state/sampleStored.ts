import type { StoredLoad } from '../ingest/restore.ts';
import manifest from '../../data/sample/stored/manifest.json';

/** The bundled sample in its stored form (scripts/sample-stored.ts): the CSVs of its tables this
 *  site serves, in the order they load (the program's encounters first). */
const urls = import.meta.glob('../../data/sample/stored/*.csv', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

const ORDER = ['encounters', 'costs', 'naloxone'];
const rank = (t: string) => (ORDER.includes(t) ? ORDER.indexOf(t) : ORDER.length);

let fetched: Promise<StoredLoad[]> | null = null;

/** Fetched once per page (started while the database starts). */
export function storedSample(): Promise<StoredLoad[]> {
  fetched ??= Promise.all([...manifest].sort((a, b) => rank(a.table_name) - rank(b.table_name) || a.file.localeCompare(b.file)).map(async (m) => {
    const url = Object.entries(urls).find(([p]) => p.endsWith(`/${m.file}`))?.[1];
    if (!url) throw new Error(`The stored sample has no ${m.file}.`);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`Could not read the stored sample file ${m.file} (${res.status}).`);
    const { file: _file, ...load } = m;
    return { ...load, data: await res.blob() };
  }));
  fetched.catch(() => { fetched = null; });
  return fetched;
}

import { SAMPLE_PREFIX } from './sampleNames.ts';

export { SAMPLE_PREFIX };

/** The bundled sample program's CSVs, served from this site (Vite copies them into the build). */
const urls = import.meta.glob('../../data/sample/*.csv', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

/** The files in the order they load: the program's encounters first, so the overview's own
 *  figures come with the first file, then the other program files, then the context files. */
const ORDER = ['encounters.csv', 'costs.csv', 'naloxone.csv'];
const rank = (path: string) => {
  const i = ORDER.indexOf(path.split('/').pop()!);
  return i < 0 ? ORDER.length : i;
};

let fetched: Promise<File[]> | null = null;

/** Fetched once per page: started while the database starts, read when the sample loads. */
export function sampleFiles(): Promise<File[]> {
  fetched ??= fetchAll();
  fetched.catch(() => { fetched = null; });
  return fetched;
}

async function fetchAll(): Promise<File[]> {
  const entries = Object.entries(urls).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  return Promise.all(entries.map(async ([path, url]) => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`Could not read the bundled sample file ${path} (${res.status}).`);
    return new File([await res.blob()], SAMPLE_PREFIX + path.split('/').pop()!, { type: 'text/csv' });
  }));
}

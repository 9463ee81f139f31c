/** The bundled sample program's CSVs, served from this site (Vite copies them into the build). */
const urls = import.meta.glob('../../data/sample/*.csv', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

export const SAMPLE_PREFIX = 'sample/';

export async function sampleFiles(): Promise<File[]> {
  const entries = Object.entries(urls).sort(([a], [b]) => a.localeCompare(b));
  return Promise.all(entries.map(async ([path, url]) => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`Could not read the bundled sample file ${path} (${res.status}).`);
    return new File([await res.blob()], SAMPLE_PREFIX + path.split('/').pop()!, { type: 'text/csv' });
  }));
}

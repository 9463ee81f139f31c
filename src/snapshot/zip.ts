import { strToU8, zipSync, type Zippable } from 'fflate';

/** Every entry's modification time: 1980-01-01 00:00, the earliest a ZIP (DOS) date can hold, so the
 *  same snapshot always gives the same bytes. fflate reads the date's local-time fields, so it is built
 *  from local fields too (a UTC instant such as `'1980-01-01'` would fall in 1979 west of Greenwich,
 *  which fflate refuses). */
const MTIME = new Date(1980, 0, 1, 0, 0, 0);

/** The snapshot's few small text files as one ZIP archive (stored, not compressed: they are small,
 *  and the bytes then depend on nothing but the files), written by fflate. Names are UTF-8; fflate
 *  sets the UTF-8 flag on any name that is not plain ASCII. Entries keep the order given. */
export function zipFiles(files: readonly { name: string; text: string }[]): Uint8Array {
  const entries: Zippable = {};
  for (const f of files) {
    if (Object.hasOwn(entries, f.name)) throw new Error(`zip: two files are named ${f.name}`);
    // Names that are whole numbers would be reordered by the object; the snapshot's all have extensions.
    if (/^\d+$/.test(f.name)) throw new Error(`zip: a file name cannot be a bare number (${f.name})`);
    entries[f.name] = strToU8(f.text);
  }
  return zipSync(entries, { level: 0, mtime: MTIME });
}

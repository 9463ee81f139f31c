import { Unzip, UnzipInflate } from 'fflate';

/** A zip archive's text tables as files, read a slice at a time (the archive is never held whole,
 *  and the page stays responsive between slices): the FBI's NIBRS state extract comes as a zip, and
 *  so do many portal downloads. Only entries named like a table (.csv, .tsv, .txt) are taken, each
 *  under its own name without its folder; anything else in the archive is skipped. */

const TABLE = /\.(csv|tsv|txt)$/i;

export function isZipName(name: string): boolean {
  return /\.zip$/i.test(name);
}

export interface Unzipped {
  files: File[];
  /** Entries left out: not tables, or stored with a method this reader does not know. */
  skipped: string[];
}

export async function filesInZip(zip: Blob, signal?: AbortSignal): Promise<Unzipped> {
  const files: File[] = [];
  const skipped: string[] = [];
  const pending: Promise<void>[] = [];
  const unzip = new Unzip((entry) => {
    const name = entry.name.replace(/^.*[\\/]/, '');
    if (!name || entry.name.endsWith('/') || !TABLE.test(name) || name.startsWith('._')) {
      if (name && !entry.name.endsWith('/')) skipped.push(entry.name);
      return;
    }
    const parts: Uint8Array[] = [];
    pending.push(new Promise<void>((resolve, reject) => {
      entry.ondata = (err, chunk, final) => {
        if (err) { reject(err); return; }
        parts.push(chunk);
        if (final) {
          files.push(new File(parts as BlobPart[], name, { type: 'text/csv' }));
          resolve();
        }
      };
    }));
    try {
      entry.start();
    } catch {
      skipped.push(entry.name);
      pending.pop();
    }
  });
  unzip.register(UnzipInflate);
  const reader = zip.stream().getReader();
  for (;;) {
    if (signal?.aborted) throw new DOMException('Cancelled', 'AbortError');
    const { value, done } = await reader.read();
    unzip.push(value ?? new Uint8Array(0), done);
    if (done) break;
  }
  await Promise.all(pending);
  return { files, skipped };
}

import { Cancelled, type Database } from '../db/database.ts';
import { decodeWindows1252 } from './sniff.ts';

/** Windows-1252 files are read by DuckDB as UTF-8 after converting them here: its 'latin-1' reader
 *  refuses the bytes 0x80-0x9F, where Windows-1252 keeps ’ “ ” – — €. Used by every read of a
 *  whole file (loading, and the day/month scan). */

/** Bytes transcoded at a time. Windows-1252 has one byte per character, so a slice never splits one. */
export const TRANSCODE_CHUNK_BYTES = 8 * 1024 * 1024;

/** A Windows-1252 file as UTF-8, read and converted a slice at a time (`decodeWindows1252`). */
export async function windows1252ToUtf8(file: Blob, signal?: AbortSignal, chunkBytes = TRANSCODE_CHUNK_BYTES): Promise<Blob> {
  const encoder = new TextEncoder();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let at = 0; at < file.size; at += chunkBytes) {
    if (signal?.aborted) throw new Cancelled();
    parts.push(encoder.encode(decodeWindows1252(new Uint8Array(await file.slice(at, at + chunkBytes).arrayBuffer()))));
  }
  if (signal?.aborted) throw new Cancelled();
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}

/** The file's bytes as a Blob: the browser is given one; in Node the database opens the path. */
export async function asBlob(db: Database, source: Blob | string): Promise<Blob> {
  if (typeof source !== 'string') return source;
  if (!db.openFile) throw new Error('This database cannot open a file by its path.');
  return db.openFile(source);
}

/** A source DuckDB can read, with the encoding to read it in: a Windows-1252 file converted. */
export async function readable(db: Database, source: Blob | string, encoding: string, signal?: AbortSignal): Promise<{ input: Blob | string; encoding: string }> {
  if (encoding !== 'latin-1') return { input: source, encoding };
  return { input: await windows1252ToUtf8(await asBlob(db, source), signal), encoding: 'utf-8' };
}

import { createRequire } from 'node:module';
import { unzipSync } from 'fflate';

// buffer-crc32 is CommonJS: its functions hang off module.exports.
const crc32 = (createRequire(import.meta.url)('buffer-crc32') as { unsigned: (b: Buffer) => number }).unsigned;

/** Reads a zip archive with fflate (not the project's own writer), and checks each entry's CRC-32
 *  against its bytes, as Python's `zipfile.testzip()` does. Returns every entry as UTF-8 text. */
export function unzipText(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The central directory: its offset and entry count are in the end record (no zip64 here).
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip archive: no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const crc = view.getUint32(at + 16, true);
    const nameLength = view.getUint16(at + 28, true), extra = view.getUint16(at + 30, true), comment = view.getUint16(at + 32, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const data = files[name];
    if (!data) throw new Error(`${name}: listed but not read`);
    if (crc32(Buffer.from(data)) !== crc) throw new Error(`${name}: CRC-32 does not match its bytes`);
    at += 46 + nameLength + extra + comment;
  }
  return Object.fromEntries(Object.entries(files).map(([n, d]) => [n, decoder.decode(d)]));
}

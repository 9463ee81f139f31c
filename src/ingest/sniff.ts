import Papa from 'papaparse';
import type { Problem } from './problems.ts';

/** What the first bytes of a file say about it: delimiter, encoding, header and a sample. */
export interface Sniffed {
  delimiter: string;
  /** DuckDB `read_csv` encoding name. */
  encoding: 'utf-8' | 'latin-1';
  bom: boolean;
  /** Header names as written (trimmed; blanks named `column N`; repeats numbered). */
  header: string[];
  /** Up to `SAMPLE_ROWS` data rows from the start of the file. */
  sample: string[][];
  /** The sample is the whole file. */
  complete: boolean;
  warnings: Problem[];
}

export type SniffResult = { ok: true; sniffed: Sniffed } | { ok: false; problem: Problem };

export const SNIFF_BYTES = 256 * 1024;
export const SAMPLE_ROWS = 500;

const MAGIC: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive (an Excel .xlsx workbook is one)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel .xls or other Office file'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x1f, 0x8b], 'a gzip-compressed file'],
  [[0x50, 0x41, 0x52, 0x31], 'a Parquet file'],
];

const SAVE_AS = 'Open it in a spreadsheet and save it as "CSV UTF-8 (comma delimited)", then drop that file here.';

export async function sniffFile(name: string, file: Blob): Promise<SniffResult> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  return sniffBytes(name, head, file.size);
}

/** Pure: decides from the first bytes of a file. */
export function sniffBytes(name: string, bytes: Uint8Array, totalSize: number): SniffResult {
  const fail = (message: string, fix: string, row?: number): SniffResult => ({
    ok: false, problem: { severity: 'error', file: name, row, message, fix },
  });
  if (totalSize === 0 || bytes.length === 0) return fail('The file is empty (0 bytes).', 'Export the data again and check that the export finished.');
  for (const [magic, what] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) return fail(`This is ${what}, not a CSV text file.`, SAVE_AS);
  }
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) return fail('The file is saved as UTF-16 text, which cannot be read directly.', SAVE_AS);
  const probe = bytes.subarray(0, Math.min(bytes.length, 8192));
  let control = 0;
  for (const b of probe) if (b === 0 || (b < 9) || (b > 13 && b < 32 && b !== 27)) control++;
  if (control > 0 && (probe.includes(0) || control / probe.length > 0.01)) {
    return fail('This is not a text file: it contains binary data.', `Check that you picked the right file. ${SAVE_AS}`);
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const complete = bytes.length >= totalSize;
  let encoding: Sniffed['encoding'] = 'utf-8';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(bom ? 3 : 0));
  } catch {
    // An invalid sequence may be only a character cut at the end of the sample.
    const loose = new TextDecoder('utf-8').decode(bytes.subarray(bom ? 3 : 0));
    const firstBad = loose.indexOf('\uFFFD');
    if (!complete && firstBad >= loose.length - 4) text = loose.slice(0, firstBad);
    else {
      encoding = 'latin-1';
      text = new TextDecoder('windows-1252').decode(bytes);
    }
  }
  if (!complete) {
    const cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    if (cut > 0) text = text.slice(0, cut);
  }
  if (text.trim() === '') return fail('The file has no text in it.', 'Export the data again and check that the export finished.');
  const parsed = Papa.parse<string[]>(text, {
    preview: SAMPLE_ROWS + 1,
    delimitersToGuess: [',', '\t', ';', '|'],
    skipEmptyLines: 'greedy',
  });
  const rows = parsed.data;
  const delimiter = parsed.meta.delimiter || ',';
  const first = rows[0] ?? [];
  if (first.length < 2) {
    return fail('Only one column was found: the file is not comma-, tab-, semicolon- or pipe-separated, or its first row is not a header.',
      'Check that the first row holds the column names and that columns are separated by commas or tabs.', 1);
  }
  const header = uniqueHeader(first);
  const warnings: Problem[] = [];
  if (encoding === 'latin-1') {
    warnings.push({ severity: 'warning', file: name, message: 'The file is not UTF-8; it was read as Windows-1252 (Latin-1) text.',
      fix: 'Check that accented letters (é, ñ) look right below; if not, save the file as "CSV UTF-8" and load it again.' });
  }
  if (header.some((h, i) => h !== first[i]!.trim())) {
    warnings.push({ severity: 'warning', file: name, row: 1, message: 'Some column names were blank or repeated; they were renamed (for example "column 3", "date 2").',
      fix: 'Give every column a distinct name in the header row if you want to map them by name.' });
  }
  return { ok: true, sniffed: { delimiter, encoding, bom, header, sample: rows.slice(1), complete, warnings } };
}

export function uniqueHeader(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    let name = h.replace(/^\uFEFF/, '').trim() || `column ${i + 1}`;
    const n = seen.get(name.toLowerCase()) ?? 0;
    seen.set(name.toLowerCase(), n + 1);
    if (n > 0) name = `${name} ${n + 1}`;
    return name;
  });
}

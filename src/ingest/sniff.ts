import Papa from 'papaparse';
import type { Problem } from './problems.ts';

/** What the first bytes of a file say about it: delimiter, encoding, header and a sample. */
export interface Sniffed {
  delimiter: string;
  /** DuckDB `read_csv` encoding name. */
  encoding: 'utf-8' | 'latin-1' | 'utf-16';
  bom: boolean;
  /** Header names as written (trimmed; blanks named `column N`; repeats numbered). */
  header: string[];
  /** The header's line in the file (1-based): 1, or below title lines ("Opioid-related deaths by
   *  city/town, 2017-2022") that a state's table puts above it. The first data row is the next. */
  headerLine: number;
  /** Up to `SAMPLE_ROWS` data rows from the start of the file. */
  sample: string[][];
  /** The sample is the whole file. */
  complete: boolean;
  /** How the file ends, when its end was read (the whole file, or its last bytes). */
  tail: Tail | null;
  /** Problems found before loading. Those of severity 'error' stop the load (a file cut short).
   *  `prepare` adds problems of the plan (see `PLAN_PROBLEM_CODES` there). */
  warnings: Problem[];
}

/** The end of a file: enough to tell an export that was cut short from a complete one. */
export interface Tail {
  /** The last record of the file, or the last before a notes block. */
  last: string[];
  /** Its spreadsheet row (the header is row 1), when the whole file was read. */
  lastRow?: number;
  /** The file ends with a line break, as complete exports do. */
  endsWithLineBreak: boolean;
  /** The last record opens a quote that is never closed. */
  openQuote: boolean;
  /** A notes block follows the data: a line "---", as CDC WONDER writes. */
  notes: boolean;
}

export type SniffResult = { ok: true; sniffed: Sniffed } | { ok: false; problem: Problem };

export const SNIFF_BYTES = 256 * 1024;
/** How much of the end of a larger file is read to see whether it was cut short. */
export const TAIL_BYTES = 64 * 1024;
export const SAMPLE_ROWS = 500;
/** The largest file loaded: a browser tab cannot stage much more than this in DuckDB-wasm. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

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
  const tail = file.size > SNIFF_BYTES
    ? new Uint8Array(await file.slice(Math.max(SNIFF_BYTES, file.size - TAIL_BYTES)).arrayBuffer())
    : undefined;
  return sniffBytes(name, head, file.size, tail);
}

/** Pure: decides from the first bytes of a file, and from its last bytes (`tailBytes`) when the
 *  first bytes are not the whole file. Without either, whether the file was cut short is not checked. */
export function sniffBytes(name: string, bytes: Uint8Array, totalSize: number, tailBytes?: Uint8Array): SniffResult {
  const fail = (message: string, fix: string, row?: number): SniffResult => ({
    ok: false, problem: { severity: 'error', file: name, row, message, fix },
  });
  if (totalSize === 0 || bytes.length === 0) return fail('The file is empty (0 bytes).', 'Export the data again and check that the export finished.');
  if (totalSize > MAX_FILE_BYTES) {
    return fail(`The file is ${megabytes(totalSize)}; files larger than ${megabytes(MAX_FILE_BYTES)} cannot be loaded in the browser.`,
      'Export a smaller extract (for example a range of years, or only your agency) and load that. Data loaded earlier is unchanged.');
  }
  for (const [magic, what] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) return fail(`This is ${what}, not a CSV text file.`, SAVE_AS);
  }
  // Excel's "Unicode Text" is UTF-16 little-endian with a byte order mark: DuckDB reads it. Big-endian it does not.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return fail('The file is saved as UTF-16 big-endian text, which cannot be read directly.', SAVE_AS);
  const probe = bytes.subarray(0, Math.min(bytes.length, 8192));
  let control = 0;
  for (const b of probe) if (b === 0 || (b < 9) || (b > 13 && b < 32 && b !== 27)) control++;
  if (!utf16 && control > 0 && (probe.includes(0) || control / probe.length > 0.01)) {
    return fail('This is not a text file: it contains binary data.', `Check that you picked the right file. ${SAVE_AS}`);
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const complete = bytes.length >= totalSize;
  let encoding: Sniffed['encoding'] = 'utf-8';
  let text: string;
  if (utf16) {
    encoding = 'utf-16';
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2, bytes.length - (bytes.length % 2)));
  } else try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(bom ? 3 : 0));
  } catch {
    // An invalid sequence may be only a character cut at the end of the sample.
    const loose = new TextDecoder('utf-8').decode(bytes.subarray(bom ? 3 : 0));
    const firstBad = loose.indexOf('\uFFFD');
    if (!complete && firstBad >= loose.length - 4) text = loose.slice(0, firstBad);
    else {
      encoding = 'latin-1';
      text = decodeWindows1252(bytes);
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
  const delimiter = parsed.meta.delimiter || ',';
  // Title lines above the header (one text each, the rest of the line blank) are skipped: the header
  // is the first row of several names that the rows after it are as wide as.
  const titles = titleRows(parsed.data);
  const rows = parsed.data.slice(titles);
  const headerLine = titles ? physicalLine(text, titles, delimiter) : 1;
  const first = rows[0] ?? [];
  if (first.length < 2) {
    return fail('Only one column was found: the file is not comma-, tab-, semicolon- or pipe-separated, or its first row is not a header.',
      'Check that the first row holds the column names and that columns are separated by commas or tabs.', 1);
  }
  const header = uniqueHeader(first);
  const warnings: Problem[] = [];
  const tail = complete ? readTail(text, delimiter, true)
    : tailBytes?.length ? readTail(decodeTail(tailBytes, encoding), delimiter, false) : null;
  const cut = tail ? cutShortProblem(name, header.length, tail) : null;
  if (cut) warnings.push(cut);
  if (encoding === 'utf-16') {
    warnings.push({ severity: 'warning', file: name, message: 'The file is saved as UTF-16 text (Excel "Unicode Text"); it was read as UTF-16.',
      fix: 'Nothing to do if the values below look right. Saving as "CSV UTF-8" makes the file half the size.' });
  }
  if (encoding === 'latin-1') {
    warnings.push({ severity: 'warning', file: name, message: 'The file is not UTF-8; it was read as Windows-1252 (Latin-1) text.',
      fix: 'Check that accented letters (é, ñ) look right below; if not, save the file as "CSV UTF-8" and load it again.' });
  }
  const renamed = header.flatMap((h, i) => {
    const was = first[i]!.replace(/^\uFEFF/, '').trim();
    return h === was ? [] : [was ? `"${was}" in column ${i + 1} is now "${h}"` : `column ${i + 1} has no name and is now "${h}"`];
  });
  if (renamed.length) {
    warnings.push({ severity: 'warning', file: name, row: headerLine,
      message: `Some column names were blank or repeated, so they were renamed: ${renamed.slice(0, 5).join('; ')}${renamed.length > 5 ? `; and ${renamed.length - 5} more` : ''}. A repeated name is matched by its first column.`,
      fix: 'Check that the right column was used below, or give every column a distinct name in the header row and load again.' });
  }
  if (titles) {
    const said = parsed.data.slice(0, titles).map((r) => r.find((c) => c.trim())?.trim() ?? '').join(' / ');
    warnings.push({ severity: 'warning', file: name, row: 1, code: 'title-lines',
      message: `The file starts with ${titles === 1 ? 'a title line' : `${titles} title lines`} above its header ("${said.length > 120 ? `${said.slice(0, 117)}…` : said}"): ${titles === 1 ? 'it was' : 'they were'} skipped, and the header read from line ${headerLine}.`,
      fix: 'Nothing to do if the columns below are right.' });
  }
  return { ok: true, sniffed: { delimiter, encoding, bom, header, headerLine, sample: rows.slice(1), complete, tail, warnings } };
}

/** Cells with something in them. */
const filled = (r: readonly string[]) => r.filter((c) => c.trim() !== '').length;

/** How many rows at the top are title lines: rows of one text at most, above a row of three or more
 *  names that the next row is about as wide as. Never more than five; 0 for a file without. */
export function titleRows(rows: readonly (readonly string[])[]): number {
  for (let i = 0; i < Math.min(5, rows.length - 1); i++) {
    if (filled(rows[i]!) > 1) return i > 0 && filled(rows[i]!) >= 3 && filled(rows[i + 1]!) >= Math.min(3, filled(rows[i]!)) ? i : 0;
    // A title is words ("Overdose deaths by town, 2017-2022"), not a lone short name: a header of
    // one name and blank cells ("ID,,,") is a header.
    const text = rows[i]!.find((c) => c.trim())?.trim() ?? '';
    if (text && !/\S+\s+\S+/.test(text)) return 0;
  }
  return 0;
}

/** The 1-based line of the row after `skip` non-blank rows (blank lines, and lines of delimiters
 *  only, are not rows: Papa's greedy skip). */
function physicalLine(text: string, skip: number, delimiter: string): number {
  const lines = text.split(/\r\n|\n|\r/);
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.split(delimiter).every((c) => c.replace(/"/g, '').trim() === '')) continue;
    if (seen === skip) return i + 1;
    seen++;
  }
  return skip + 1;
}

/** Windows-1252's characters at bytes 0x80-0x9F (the five unassigned bytes keep the control
 *  character of the same number, as browsers decode them). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Windows-1252 bytes as text. Node 20's TextDecoder decodes 'windows-1252' as ISO-8859-1 (0x92
 *  becomes U+0092, not ’); browsers decode it right. Either way, what comes out is Windows-1252. */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** The last bytes of a file as text, from the first line break on (the line before it is partial). */
function decodeTail(bytes: Uint8Array, encoding: Sniffed['encoding']): string {
  const text = encoding === 'latin-1' ? decodeWindows1252(bytes) : new TextDecoder(encoding === 'utf-16' ? 'utf-16le' : 'utf-8').decode(bytes);
  const nl = text.search(/[\r\n]/);
  return nl < 0 ? '' : text.slice(nl).replace(/^[\r\n]+/, '');
}

/** How a text ends. `whole`: the text is the whole file (minus a BOM), so rows can be numbered. */
export function readTail(text: string, delimiter: string, whole: boolean): Tail | null {
  const from = whole && text.length > TAIL_BYTES ? nextLineStart(text, text.length - TAIL_BYTES) : 0;
  // A CRLF file whose last line ends in a lone CR (cut between \r and \n) still ends its last row:
  // read so, the closing quote before it is not taken for one left open.
  const part = text.slice(from).replace(/"\r$/, '"\r\n');
  const records: { data: string[]; start: number; openQuote: boolean }[] = [];
  let cursor = 0;
  Papa.parse<string[]>(part, {
    delimiter, skipEmptyLines: 'greedy',
    step: (r) => {
      records.push({ data: r.data, start: cursor, openQuote: r.errors.some((e) => e.code === 'MissingQuotes') });
      cursor = r.meta.cursor;
    },
  });
  const notesAt = records.findIndex((r) => (r.data[0] ?? '').trim().startsWith('---'));
  const last = records[(notesAt >= 0 ? notesAt : records.length) - 1];
  if (!last) return null;
  let start = from + last.start;
  while (text[start] === '\r' || text[start] === '\n') start++;
  return {
    last: last.data,
    lastRow: whole ? lineNumber(text, start) : undefined,
    endsWithLineBreak: /[\r\n]$/.test(text),
    openQuote: last.openQuote,
    notes: notesAt >= 0,
  };
}

function nextLineStart(text: string, at: number): number {
  const i = text.slice(at).search(/[\r\n]/);
  if (i < 0) return at;
  let j = at + i;
  while (text[j] === '\r' || text[j] === '\n') j++;
  return j;
}

/** 1-based line of a position: \r\n, \n and \r each end a line. */
function lineNumber(text: string, pos: number): number {
  return (text.slice(0, pos).match(/\r\n|\n|\r/g)?.length ?? 0) + 1;
}

export const CUT_FIX = 'Download or export the file again and check that the download finished; then load the new copy. Data loaded earlier is unchanged.';

/** A last row with fewer values than the header and no line break after it, or a quote left open
 *  at the very end: the file was cut short (an interrupted download, a copy that ran out of room). */
export function cutShortProblem(file: string, width: number, tail: Tail): Problem | null {
  if (tail.notes) return null;
  const short = tail.last.length < width && !tail.endsWithLineBreak;
  if (!short && !tail.openQuote) return null;
  const what = tail.openQuote ? 'ends inside a quoted value'
    : `has ${tail.last.length} of the ${width} values the header names, and no line break after it`;
  return { severity: 'error', file, row: tail.lastRow, code: 'cut-short',
    message: `The export looks cut short (a download or copy that stopped early): its last row ${what}.`, fix: CUT_FIX };
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

function megabytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}

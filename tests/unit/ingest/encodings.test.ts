import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { windows1252ToUtf8 } from '../../../src/ingest/transcode.ts';
import { problemText } from '../../../src/ingest/problems.ts';
import { decodeWindows1252 } from '../../../src/ingest/sniff.ts';
import { punctuatedEncounters, punctuatedText, PUNCTUATED_RESIDENCES } from '../../helpers/cp1252.ts';
import { loadPath, prepareFile, tempFile, testDb, type TestDb } from '../../helpers/node.ts';

/** Windows-1252 files whose punctuation sits in bytes 0x80-0x9F (’ “ ” – — Ÿ €): DuckDB's
 *  'latin-1' reader refuses those bytes ("File is not latin-1 encoded"), so the file is turned into
 *  UTF-8 before DuckDB reads it. The file is made byte by byte (tests/helpers/cp1252.ts). */

const BAD = fileURLToPath(new URL('../../fixtures/bad/', import.meta.url));
const RESIDENCES = PUNCTUATED_RESIDENCES;

describe('Windows-1252 with bytes 0x80-0x9F', () => {
  let t: TestDb;
  beforeAll(async () => { t = await testDb(); });

  it('the file holds the bytes DuckDB refuses as latin-1', () => {
    const bytes = punctuatedEncounters();
    for (const b of [0x92, 0x93, 0x94, 0x96, 0x97, 0x9f, 0x80, 0xe9]) expect(bytes.includes(b), b.toString(16)).toBe(true);
  });

  it('loads both rows, with the warning that says how it was read, and stores the right characters', async () => {
    const path = tempFile('punctuation-1252.csv', punctuatedEncounters());
    const p = prepareFile(path);
    if (!p.ok) throw new Error(p.problem.message);
    expect(p.plan.sniffed.encoding).toBe('latin-1');
    const r = await loadPath(t, path);
    expect(r.problems.map(problemText)).toEqual(['punctuation-1252.csv: The file is not UTF-8; it was read as Windows-1252 (Latin-1) text. '
      + 'Check that accented letters (é, ñ) look right below; if not, save the file as "CSV UTF-8" and load it again.']);
    expect(r.ok).toBe(true);
    expect(r.rowsLoaded).toBe(2);
    const rows = await t.conn.query<{ residence: string }>(
      `SELECT residence FROM encounters WHERE source_file = 'punctuation-1252.csv' ORDER BY encounter_id`);
    expect(rows.map((x) => x.residence)).toEqual(RESIDENCES);
    // Character by character: U+2019, U+201C, U+201D, U+2013, U+0178, U+00E9, U+2014, U+20AC.
    expect([...rows[1]!.residence].filter((c) => c.codePointAt(0)! > 0x7f).map((c) => c.codePointAt(0)!.toString(16)))
      .toEqual(['201c', '201d', '2013', '178', '2019', 'e9', '2014', '20ac']);
    expect(rows[0]!.residence.codePointAt(7)).toBe(0x2019);
  });

  it('the plain Latin-1 fixture still loads as before', async () => {
    const r = await loadPath(t, `${BAD}windows-1252.csv`);
    expect(r.rowsLoaded).toBe(2);
    const rows = await t.conn.query<{ residence: string }>(
      `SELECT residence FROM encounters WHERE source_file = 'windows-1252.csv' ORDER BY encounter_id`);
    expect(rows.map((x) => x.residence)).toEqual(['Peñasco', 'Élan Park']);
  });

  it('transcoding a slice at a time gives the same text as decoding the whole file', async () => {
    const bytes = punctuatedEncounters();
    const whole = punctuatedText();
    expect(whole).toContain('“Old Town” – Ÿvette’s Café — €5');
    for (const chunk of [1, 7, 64, bytes.length, bytes.length + 1]) {
      const out = await windows1252ToUtf8(new Blob([bytes]), undefined, chunk);
      expect(await out.text(), `chunk ${chunk}`).toBe(whole);
    }
  });

  it('every byte 0x80-0x9F decodes to its Windows-1252 character (Node 20 alone would give U+0080-U+009F)', () => {
    // The Unicode mapping of cp1252 (unicode.org WindowsBestFit / WHATWG index); unassigned bytes keep their number.
    const expected = [0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
      0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178];
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    expect([...decodeWindows1252(bytes)].map((c) => c.codePointAt(0))).toEqual(expected);
    expect(decodeWindows1252(Uint8Array.from([0x41, 0xa0, 0xe9, 0xff]))).toBe('A\u00a0éÿ');
  });

  it('an aborted signal stops the transcoding', async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(windows1252ToUtf8(new Blob([punctuatedEncounters()]), abort.signal)).rejects.toThrow('Cancelled');
  });
});

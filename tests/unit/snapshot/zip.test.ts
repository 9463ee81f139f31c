import { afterEach, describe, expect, it, vi } from 'vitest';
import { zipFiles } from '../../../src/snapshot/zip.ts';
import { unzipText } from '../../helpers/unzip.ts';

const files = [
  { name: 'snapshot.json', text: '{"a": 1}\n' },
  { name: 'people_by_año.csv', text: 'year,people\r\n2024,«suppressed»\r\n' },
];

describe('zip', () => {
  it('another reader (fflate) reads back every file, names and text intact, with matching CRC-32s', () => {
    expect(unzipText(zipFiles(files))).toEqual(Object.fromEntries(files.map((f) => [f.name, f.text])));
  });

  afterEach(() => { vi.useRealTimers(); });

  it('the same files give byte-identical archives, whatever the clock says', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-03-04T05:06:07Z'));
    const first = zipFiles(files);
    vi.setSystemTime(new Date('2031-11-12T13:14:15Z'));
    expect(zipFiles(files)).toEqual(first);
    expect(zipFiles(files.map((f) => ({ ...f })))).toEqual(first);
  });

  it('a non-ASCII file name is written as UTF-8, flagged so, and read back intact', () => {
    const name = 'resumen-público.csv';
    const bytes = zipFiles([{ name, text: 'año,personas\n2024,12\n' }]);
    expect(unzipText(bytes)).toEqual({ 'resumen-público.csv': 'año,personas\n2024,12\n' });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50); // local file header
    expect(view.getUint16(6, true) & 0x0800).toBe(0x0800); // general purpose bit 11: UTF-8 name
    const nameLength = view.getUint16(26, true);
    expect(bytes.subarray(30, 30 + nameLength)).toEqual(new TextEncoder().encode(name));
    expect(nameLength).toBe(name.length + 1); // 'ú' is two bytes in UTF-8
  });

  it('entries are stored in the order given, dated 1980-01-01 00:00', () => {
    const bytes = zipFiles([{ name: 'b.csv', text: 'x\n' }, { name: 'a.csv', text: 'y\n' }]);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint16(8, true)).toBe(0); // method 0: stored
    expect(view.getUint16(10, true)).toBe(0); // time 00:00:00
    expect(view.getUint16(12, true)).toBe(0x21); // date 1980-01-01
    expect(new TextDecoder().decode(bytes.subarray(30, 35))).toBe('b.csv');
    expect(Object.keys(unzipText(bytes))).toEqual(['b.csv', 'a.csv']);
  });

  it('refuses two files with the same name rather than dropping one', () => {
    expect(() => zipFiles([{ name: 'a.csv', text: '1' }, { name: 'a.csv', text: '2' }])).toThrow(/two files/);
  });
});

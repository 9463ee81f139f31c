import { describe, expect, it } from 'vitest';
import { crc32, zipFiles } from '../../../src/snapshot/zip.ts';
import { unzipText } from '../../helpers/unzip.ts';

describe('zip', () => {
  it('crc32 of a known string', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
  it('another reader (fflate) reads back every file, names and text intact, with matching CRC-32s', () => {
    const files = [{ name: 'snapshot.json', text: '{"a": 1}\n' }, { name: 'people_by_año.csv', text: 'year,people\r\n2024,«suppressed»\r\n' }];
    expect(unzipText(zipFiles(files))).toEqual(Object.fromEntries(files.map((f) => [f.name, f.text])));
  });
});

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { crc32, zipFiles } from '../../../src/snapshot/zip.ts';
import { tempFile } from '../../helpers/node.ts';

describe('zip', () => {
  it('crc32 of a known string', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
  it('Python’s zipfile reads back every file, names and text intact', () => {
    const files = [{ name: 'snapshot.json', text: '{"a": 1}\n' }, { name: 'people_by_año.csv', text: 'year,people\r\n2024,«suppressed»\r\n' }];
    const path = tempFile('s.zip', zipFiles(files));
    const read = execFileSync('python3', ['-c', 'import sys, zipfile, json; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(json.dumps({n: z.read(n).decode("utf-8") for n in z.namelist()}))', path], { encoding: 'utf8' });
    expect(JSON.parse(read)).toEqual(Object.fromEntries(files.map((f) => [f.name, f.text])));
  });
});

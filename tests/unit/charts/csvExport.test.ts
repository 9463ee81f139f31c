import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../src/charts/csvExport.ts';

describe('CSV downloads', () => {
  it('escapes cells a spreadsheet would run as formulas', () => {
    expect(['=SUM(A1)', '+1', '-2', '@x', '\tx', '\rx'].map(csvCell)).toEqual(["'=SUM(A1)", "'+1", "'-2", "'@x", "'\tx", "\"'\rx\""]);
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(new Date('2024-03-01T00:00:00Z'))).toBe('2024-03-01');
  });

  it('writes a header and rows', () => {
    expect(toCsv([{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }], [{ a: 1, b: null }])).toBe('A,B\r\n1,\r\n');
  });
});

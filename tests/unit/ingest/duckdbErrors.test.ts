import { describe, expect, it } from 'vitest';
import { explainDuckDbError } from '../../../src/ingest/duckdbErrors.ts';

describe('DuckDB errors in words', () => {
  it('a file read as Latin-1 with bytes that are not Latin-1', () => {
    const p = explainDuckDbError('log.csv', new Error('Invalid Input Error: File is not latin-1 encoded'));
    expect(p.message).toBe('The file was read as Windows (Latin-1) text, but some of its bytes are not valid in that encoding: it mixes text encodings or is not a text file.');
    expect(p.fix).toMatch(/CSV UTF-8/);
  });
  it('keeps the row a DuckDB message names', () => {
    expect(explainDuckDbError('a.csv', new Error('Invalid Input Error: unterminated quote at line: 12')).row).toBe(12);
  });
});

import type { Problem } from './problems.ts';

/** Turns a DuckDB error during reading into words a program analyst can act on. */
export function explainDuckDbError(file: string, e: unknown): Problem {
  const text = e instanceof Error ? e.message : String(e);
  const line = /line[: ]+(\d+)/i.exec(text)?.[1];
  const row = line ? Number(line) : undefined;
  if (/latin-?1/i.test(text)) {
    return { severity: 'error', file, row, message: 'The file was read as Windows (Latin-1) text, but some of its bytes are not valid in that encoding: it mixes text encodings or is not a text file.',
      fix: 'Open it in a spreadsheet and save it as "CSV UTF-8 (comma delimited)", then load that file.' };
  }
  if (/unicode|utf-?8|encoding/i.test(text)) {
    return { severity: 'error', file, row, message: 'The file has characters that are not valid UTF-8 text.',
      fix: 'Open it in a spreadsheet and save it as "CSV UTF-8 (comma delimited)", then load that file.' };
  }
  if (/quote/i.test(text)) {
    return { severity: 'error', file, row, message: 'A quoted value is never closed, so the rows after it cannot be read.',
      fix: 'Find the value with an unmatched double quote (") near that row and fix or remove the quote.' };
  }
  if (/maximum line size|line size/i.test(text)) {
    return { severity: 'error', file, row, message: 'A row is longer than 2 MB, which usually means a broken quote or a file that is not a table.',
      fix: 'Check the file in a text editor near that row.' };
  }
  if (/out of memory|memory/i.test(text)) {
    return { severity: 'error', file, message: 'The file is too big for the memory this browser tab can use.',
      fix: 'Load a smaller extract (for example a range of years), or use a computer with more memory. Data loaded earlier is unchanged.' };
  }
  return { severity: 'error', file, row, message: `The file could not be read: ${text.split('\n')[0]}`,
    fix: 'Check that it is a CSV or tab-separated text export with a header row.' };
}

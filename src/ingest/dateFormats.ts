/** Detects the date format of a column from sample values, as DuckDB `strptime` formats. */

/** Not a strptime format: the column holds Excel serial day numbers (44621 = 2022-03-01). */
export const EXCEL_SERIAL = 'excel-serial';

interface Candidate { re: RegExp; formats: (m: RegExpMatchArray) => string }

const CANDIDATES: Candidate[] = [
  { re: /^\d{4}-\d{1,2}-\d{1,2}$/, formats: () => '%Y-%m-%d' },
  { re: /^\d{4}-\d{1,2}-\d{1,2}([ T])\d{1,2}:\d{2}(:\d{2})?(\.\d+)?$/,
    formats: (m) => `%Y-%m-%d${m[1]}%H:%M${m[2] ? ':%S' : ''}${m[3] ? '.%f' : ''}` },
  { re: /^\d{4}\/\d{1,2}\/\d{1,2}$/, formats: () => '%Y/%m/%d' },
  { re: /^(\d{1,2})\/(\d{1,2})\/\d{4}$/, formats: () => '%m/%d/%Y' },
  { re: /^(\d{1,2})\/(\d{1,2})\/\d{4} \d{1,2}:\d{2}(:\d{2})?( ?[AaPp][Mm])?$/,
    formats: (m) => `%m/%d/%Y ${m[4] ? '%I' : '%H'}:%M${m[3] ? ':%S' : ''}${m[4] ? (m[4].startsWith(' ') ? ' %p' : '%p') : ''}` },
  { re: /^[A-Za-z]{3} +\d{1,2} \d{4}$/, formats: () => '%b %d %Y' },
  { re: /^[A-Za-z]{3,9} \d{1,2}, \d{4}$/, formats: () => '%B %d, %Y' },
  { re: /^\d{1,2}-[A-Za-z]{3}-\d{4}$/, formats: () => '%d-%b-%Y' },
  { re: /^\d{4}-\d{1,2}$/, formats: () => '%Y-%m' },
  { re: /^[A-Za-z]{3} \d{4}$/, formats: () => '%b %Y' },
  { re: /^[A-Za-z]{4,9} \d{4}$/, formats: () => '%B %Y' },
  { re: /^\d{1,2}\/\d{4}$/, formats: () => '%m/%Y' },
  // Five digits, maybe a fraction of a day: 10000 is 1927-05-18, 99999 is 2173-10-14.
  { re: /^\d{5}(\.\d+)?$/, formats: () => EXCEL_SERIAL },
];

export interface DateFormatGuess {
  /** Formats to try in order; empty when nothing matched. */
  formats: string[];
  /** Day/month order could not be told from the sample (every part is 12 or less). */
  ambiguousDayMonth: boolean;
}

export function detectDateFormats(values: readonly string[]): DateFormatGuess {
  const found = new Set<string>();
  let slashFirstOver12 = false;
  let slashSecondOver12 = false;
  let slashSeen = false;
  for (const raw of values) {
    const v = raw.trim();
    if (!v) continue;
    for (const c of CANDIDATES) {
      const m = v.match(c.re);
      if (!m) continue;
      const fmt = c.formats(m);
      if (fmt.startsWith('%m/%d/%Y')) {
        slashSeen = true;
        const [a, b] = v.split(/[/ ]/).map(Number);
        if ((a ?? 0) > 12) slashFirstOver12 = true;
        if ((b ?? 0) > 12) slashSecondOver12 = true;
      }
      found.add(fmt);
      break;
    }
  }
  let formats = [...found];
  // DD/MM/YYYY only when the data prove it (a first part over 12 and no second part over 12).
  if (slashFirstOver12 && !slashSecondOver12) formats = formats.map((f) => f.replace('%m/%d/%Y', '%d/%m/%Y'));
  return { formats, ambiguousDayMonth: slashSeen && !slashFirstOver12 && !slashSecondOver12 };
}

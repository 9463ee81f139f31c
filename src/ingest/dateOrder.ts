import type { Problem } from './problems.ts';

/** Slash dates whose day/month order the sample cannot settle (every part 12 or less): the Data
 *  page asks the user, the answer travels in `mapping.dateOrder`, and the plan reads the column
 *  exactly that way. Non-interactive loads (Node) read such a column as month/day (US) and say so. */

/** How a slash-date column writes its dates: month/day (US) or day/month. */
export type DateOrder = 'mdy' | 'dmy';

export interface DateOrderFact {
  /** Settled by the data (a first part over 12 proves day/month, a second part over 12 month/day),
   *  or null when every value of the column reads either way. */
  order: DateOrder | null;
  /** A value that proves the order (for the load report), when settled. */
  proof?: string;
  /** Where it was settled: this file, or another file of the same layout added with it. */
  from?: string;
  /** When not settled: values of the column that read differently each way (never 05/05/2024). */
  examples: DateOrderExample[];
  /** Every value has the same day and month (01/01/2010): either reading gives the same dates, so
   *  there is nothing to ask; read as month/day. */
  moot?: boolean;
}

/** A plan problem: the file waits until the user says how this column writes its dates. */
export const DATE_ORDER = 'date-order';

/** The strptime formats with the day/month order the user chose (the sample could be either). */
export function applyDateOrder(formats: readonly string[], order: DateOrder): string[] {
  return order === 'dmy' ? formats.map((f) => f.replace('%m/%d/%Y', '%d/%m/%Y')) : [...formats];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SLASH = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/;

/** "03/04/2024" read one way, in words: "March 4, 2024" (month/day) or "3 April 2024" (day/month). */
export function readAs(value: string, order: DateOrder): string | null {
  const m = SLASH.exec(value.trim());
  if (!m) return null;
  const [a, b, y] = [Number(m[1]), Number(m[2]), m[3]!];
  const [month, day] = order === 'mdy' ? [a, b] : [b, a];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return order === 'mdy' ? `${MONTHS[month - 1]} ${day}, ${y}` : `${day} ${MONTHS[month - 1]} ${y}`;
}

export interface DateOrderExample { value: string; mdy: string; dmy: string }

/** Up to `n` different values of the column, each read both ways; values that read the same
 *  either way (05/05/2024) only when there are no others. */
export function dateOrderExamples(values: readonly string[], n = 3): DateOrderExample[] {
  const seen = new Set<string>();
  const out: DateOrderExample[] = [];
  for (const raw of values) {
    const value = raw.trim();
    if (seen.has(value)) continue;
    seen.add(value);
    const mdy = readAs(value, 'mdy');
    const dmy = readAs(value, 'dmy');
    if (mdy && dmy) out.push({ value, mdy, dmy });
  }
  const differ = out.filter((e) => e.mdy.replace(',', '') !== swapWords(e.dmy));
  return (differ.length ? differ : out).slice(0, n);
}

/** "3 April 2024" as "April 3 2024", to compare with a month/day reading. */
function swapWords(dmy: string): string {
  const [d, m, y] = dmy.split(' ');
  return `${m} ${d} ${y}`;
}

/** One example, as the messages say it: `"01/03/2022" is January 3, 2022 or 1 March 2022`. */
function exampleText(e: DateOrderExample | undefined): string {
  return e ? ` (for example "${e.value}" is ${e.mdy} or ${e.dmy})` : '';
}

/** The question, as a problem that holds the file back until it is answered. */
export function dateOrderQuestion(file: string, column: string, examples: DateOrderExample[]): Problem {
  return { severity: 'error', file, column, code: DATE_ORDER,
    message: `Every date in this column could be month/day or day/month${exampleText(examples[0])}, so the file waits until you say which.`,
    fix: `Choose how column "${column}" writes its dates, then load.` };
}

/** How an ambiguous column was read, for the load report: the user's answer, or the default. */
export function dateOrderNote(file: string, column: string, order: DateOrder | undefined, examples: DateOrderExample[]): Problem {
  if (!order) {
    return { severity: 'warning', file, column,
      message: 'Every date in this column could be month/day or day/month; they were read as month/day (US).',
      fix: 'If this file writes day/month, change the date format before relying on the figures.' };
  }
  const e = examples[0];
  const words = order === 'mdy' ? 'month/day (MM/DD/YYYY)' : 'day/month (DD/MM/YYYY)';
  return { severity: 'warning', file, column,
    message: `Dates were read as ${words}, as you chose for this column${e ? `: "${e.value}" is ${order === 'mdy' ? e.mdy : e.dmy}` : ''}.`,
    fix: `If that is wrong, remove the file, add it again and choose ${order === 'mdy' ? 'day/month' : 'month/day'}.` };
}

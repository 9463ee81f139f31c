import type { Period } from '../domain/periods.ts';
import { fmt } from '../components/format.ts';

const day = (d: Date) => d.toISOString().slice(0, 10);
const human = (s: string) => fmt.day(new Date(`${s}T00:00:00Z`));

/** Whether a table's records can speak for a period. `null` means they can (the period overlaps
 *  the dates the table covers, and the program had begun); otherwise the reason, said where the
 *  measure shows N/A. `partial` notes a period the records cover only in part. */
export interface Coverage { missing: string | null; partial: string | null }

export function coverage(p: Period, what: string, first: Date | null, last: Date | null, launch?: string): Coverage {
  if (!first || !last) return { missing: `No ${what} is loaded.`, partial: null };
  const lo = day(first), hi = day(last);
  if (launch && p.to && p.to <= launch) return { missing: `The program had not started (launch ${human(launch)}).`, partial: null };
  if (p.from && p.from > hi) return { missing: `No records loaded for this period: the ${what}’s last record is dated ${human(hi)}.`, partial: null };
  if (p.to && p.to <= lo) return { missing: `No records loaded for this period: the ${what}’s first record is dated ${human(lo)}.`, partial: null };
  const notes: string[] = [];
  // Records that begin at the launch are not a gap: the program simply started then.
  if (p.from && p.from < lo && (!launch || lo > launch)) notes.push(`first record is dated ${human(lo)}`);
  if (p.to && p.to > day(new Date(last.getTime() + 86_400_000))) notes.push(`last record is dated ${human(hi)}`);
  return { missing: null, partial: notes.length ? `The ${what}’s ${notes.join(' and its ')}, inside this period: if nothing is missing, no event happened after it; if the file was exported then, the figure covers only part of the period.` : null };
}

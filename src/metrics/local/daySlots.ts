import { monthStartDay } from './select.ts';

/** Which month of a month spine a day number falls in, without date arithmetic per row: the
 *  costs and naloxone tables hold days (since 1970), their monthly series group by
 *  `date_trunc('month', date)`. A spine from monthSpine (select.ts) is a run of consecutive months,
 *  so one table, indexed by day from the spine's first day, gives each day's slot (position in the
 *  spine); `slot(day)` is -1 for a day outside the spine, and for NO_DATE. */
export class DaySlots {
  private readonly firstDay: number;
  private readonly slots: Int32Array;
  constructor(months: readonly number[]) {
    if (months.length === 0) {
      this.firstDay = 0;
      this.slots = new Int32Array(0);
      return;
    }
    this.firstDay = monthStartDay(months[0]!);
    const ends = months.map((m) => monthStartDay(m + 1) - this.firstDay);
    this.slots = new Int32Array(ends[ends.length - 1]!);
    for (let k = 0, d = 0; k < months.length; k++) for (; d < ends[k]!; d++) this.slots[d] = k;
  }
  slot(day: number): number {
    const d = day - this.firstDay;
    return d >= 0 && d < this.slots.length ? this.slots[d]! : -1;
  }
}

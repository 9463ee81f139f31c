import { sqlString } from '../db/sql.ts';

/** A reporting period, inclusive of `from`, exclusive of `to` (ISO dates). Either may be open. */
export interface Period { from?: string; to?: string }

/** SQL condition that keeps rows whose `column` falls in the period. */
export function periodCondition(column: string, p: Period): string {
  const parts: string[] = [];
  if (p.from) parts.push(`${column} >= CAST(${sqlString(p.from)} AS DATE)`);
  if (p.to) parts.push(`${column} < CAST(${sqlString(p.to)} AS DATE)`);
  return parts.length ? parts.join(' AND ') : 'true';
}

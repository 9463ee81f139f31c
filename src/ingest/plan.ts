import { detectDateFormats } from './dateFormats.ts';
import { applyDateOrder, dateOrderExamples, type DateOrderExample } from './dateOrder.ts';
import type { KindDef } from './kinds/types.ts';
import type { Mapping } from './mapping.ts';
import type { Sniffed } from './sniff.ts';

/** Everything needed to load one file: how to read it, what it is, and where each column goes. */
export interface LoadPlan {
  /** The file's name: shown in every message and used as `source_file`. */
  file: string;
  size: number;
  sniffed: Sniffed;
  kind: KindDef;
  mapping: Mapping;
  /** Date formats detected per date field (with the user's day/month order, when they gave one). */
  formats: Record<string, string[]>;
  /** Fields whose day/month order the sample could not settle; `mapping.dateOrder` holds the
   *  user's answer for their columns, if any. */
  ambiguousDates: string[];
  /** For each of `ambiguousDates`: a few values of the column, read both ways. */
  dateExamples: Record<string, DateOrderExample[]>;
}

const DATE_TYPES = new Set(['date', 'datetime', 'month']);

export function makePlan(file: string, size: number, sniffed: Sniffed, kind: KindDef, mapping: Mapping): LoadPlan {
  const formats: Record<string, string[]> = {};
  const ambiguousDates: string[] = [];
  const dateExamples: Record<string, DateOrderExample[]> = {};
  for (const f of kind.fields) {
    const col = mapping.columns[f.name];
    if (!col || !DATE_TYPES.has(f.type)) continue;
    const i = sniffed.header.indexOf(col);
    const values = sniffed.sample.map((r) => r[i] ?? '');
    const guess = detectDateFormats(values);
    formats[f.name] = guess.formats;
    if (!guess.ambiguousDayMonth) continue;
    // Only an order the sample cannot settle is taken from the user: data that prove one win.
    ambiguousDates.push(f.name);
    dateExamples[f.name] = dateOrderExamples(values);
    const order = mapping.dateOrder?.[col];
    if (order) formats[f.name] = applyDateOrder(guess.formats, order);
  }
  return { file, size, sniffed, kind, mapping, formats, ambiguousDates, dateExamples };
}

import { detectDateFormats } from './dateFormats.ts';
import { applyDateOrder, dateOrderExamples, type DateOrderExample, type DateOrderFact } from './dateOrder.ts';
import type { KindDef } from './kinds/kindDef.ts';
import type { Mapping } from './mapping.ts';
import type { Sniffed } from './sniff.ts';

/** What the whole of a file says about its columns, where its first rows cannot tell: read once in
 *  DuckDB before a question is put to the user, so that no one is asked what the data answer. */
export interface ColumnFacts {
  /** Per source header: how a slash-date column orders day and month, from every value. */
  dateOrder?: Record<string, DateOrderFact>;
}

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
  /** Date fields the first rows left open but the whole file (or a file of the same layout added
   *  with it) settled: their order and a value that proves it, for the load report. */
  settledDates: Record<string, DateOrderFact>;
}

const DATE_TYPES = new Set(['date', 'datetime', 'month']);

export function makePlan(file: string, size: number, sniffed: Sniffed, kind: KindDef, mapping: Mapping, facts: ColumnFacts = {}): LoadPlan {
  const formats: Record<string, string[]> = {};
  const ambiguousDates: string[] = [];
  const dateExamples: Record<string, DateOrderExample[]> = {};
  const settledDates: Record<string, DateOrderFact> = {};
  for (const f of kind.fields) {
    const col = mapping.columns[f.name];
    if (!col || !DATE_TYPES.has(f.type)) continue;
    const i = sniffed.header.indexOf(col);
    const values = sniffed.sample.map((r) => r[i] ?? '');
    const guess = detectDateFormats(values);
    formats[f.name] = guess.formats;
    if (!guess.ambiguousDayMonth) continue;
    // Only an order the data cannot settle is taken from the user: data that prove one win.
    const fact = facts.dateOrder?.[col] ?? mapping.settled?.[col];
    if (fact?.order && !mapping.dateOrder?.[col]) {
      formats[f.name] = applyDateOrder(guess.formats, fact.order);
      settledDates[f.name] = fact;
      continue;
    }
    ambiguousDates.push(f.name);
    dateExamples[f.name] = fact?.examples.length ? fact.examples : dateOrderExamples(values);
    const order = mapping.dateOrder?.[col];
    if (order) formats[f.name] = applyDateOrder(guess.formats, order);
  }
  return { file, size, sniffed, kind, mapping, formats, ambiguousDates, dateExamples, settledDates };
}

/** The mapping to keep with a loaded file: with the day/month orders its data settled, by column. */
export function keptMapping(plan: LoadPlan): Mapping {
  const settled = Object.fromEntries(Object.entries(plan.settledDates).map(([f, fact]) => [plan.mapping.columns[f]!, fact]));
  return Object.keys(settled).length ? { ...plan.mapping, settled: { ...plan.mapping.settled, ...settled } } : plan.mapping;
}

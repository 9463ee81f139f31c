import { detectDateFormats } from './dateFormats.ts';
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
  /** Date formats detected per date field. */
  formats: Record<string, string[]>;
  /** Fields whose day/month order the sample could not settle. */
  ambiguousDates: string[];
}

const DATE_TYPES = new Set(['date', 'datetime', 'month']);

export function makePlan(file: string, size: number, sniffed: Sniffed, kind: KindDef, mapping: Mapping): LoadPlan {
  const formats: Record<string, string[]> = {};
  const ambiguousDates: string[] = [];
  for (const f of kind.fields) {
    const col = mapping.columns[f.name];
    if (!col || !DATE_TYPES.has(f.type)) continue;
    const i = sniffed.header.indexOf(col);
    const guess = detectDateFormats(sniffed.sample.map((r) => r[i] ?? ''));
    formats[f.name] = guess.formats;
    if (guess.ambiguousDayMonth) ambiguousDates.push(f.name);
  }
  return { file, size, sniffed, kind, mapping, formats, ambiguousDates };
}

import { KINDS } from './kinds/index.ts';
import type { KindDef } from './kinds/types.ts';
import { missingRequired, normaliseHeader, proposeMapping, type Mapping } from './mapping.ts';

export interface Candidate {
  kind: KindDef;
  mapping: Mapping;
  /** 0..1; how well the headers fit this kind. */
  score: number;
  /** Required fields this file lacks for this kind (empty when it can load as it is). */
  missing: string[];
}

/** Ranks every kind of file by how well the headers fit it, best first. */
export function recognise(headers: readonly string[]): Candidate[] {
  const norm = new Set(headers.map(normaliseHeader));
  return KINDS.map((kind) => {
    const mapping = proposeMapping(kind, headers);
    const missing = missingRequired(kind, mapping);
    const required = kind.fields.filter((f) => f.required);
    const optional = kind.fields.filter((f) => !f.required);
    const reqHit = required.filter((f) => mapping.columns[f.name]).length / Math.max(1, required.length);
    const optHit = optional.filter((f) => mapping.columns[f.name]).length / Math.max(1, optional.length);
    const sig = kind.signature ?? [];
    const sigHit = sig.filter((s) => norm.has(s)).length / Math.max(1, sig.length);
    let wideHit = 0;
    if (kind.wide) wideHit = Math.min(1, Object.keys(mapping.offenseColumns ?? {}).length / 3);
    let score = 0.45 * reqHit + 0.2 * optHit + 0.35 * sigHit;
    if (kind.wide) score = 0.3 * reqHit + 0.1 * optHit + 0.3 * sigHit + 0.3 * wideHit;
    if (missing.length) score *= 0.5;
    return { kind, mapping, score, missing };
  }).sort((a, b) => b.score - a.score);
}

/** The guess is safe to load without asking when it is complete and clearly ahead of the next. */
export function isConfident(cands: readonly Candidate[]): boolean {
  const [a, b] = cands;
  if (!a || a.missing.length) return false;
  return a.score >= 0.5 && (!b || a.score - b.score >= 0.1);
}

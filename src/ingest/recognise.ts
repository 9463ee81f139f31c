import { contentFit } from './contentFit.ts';
import { refineMapping } from './contentCues.ts';
import { KINDS } from './kinds/index.ts';
import type { KindDef } from './kinds/kindDef.ts';
import { missingRequired, normaliseHeader, proposeMapping, type Mapping } from './mapping.ts';

const FOUND = 'found from the values, not the headers: ';

export interface Candidate {
  kind: KindDef;
  mapping: Mapping;
  /** 0..1; how well the file fits this kind: its headers, and the values of its first rows. */
  score: number;
  /** 0..1; the headers alone. */
  headerScore: number;
  /** 0..1; the values alone (1 when there are no rows to judge). */
  contentScore: number;
  /** Why, in plain sentences, for the card. */
  reasons: string[];
  /** Required fields this file lacks for this kind (empty when it can load as it is). */
  missing: string[];
}

/** Ranks every kind of file by how well it fits, best first: the headers (a format's fingerprint,
 *  the fields they map to) weighed with the values of the first rows (dates, months, counts, codes,
 *  unique IDs, the grain of a row). The mapping takes content cues too (contentCues.ts). */
export function recognise(headers: readonly string[], sample: readonly string[][] = []): Candidate[] {
  const norm = new Set(headers.map(normaliseHeader));
  return KINDS.map((kind) => {
    const byHeader = proposeMapping(kind, headers);
    const mapping = refineMapping(kind, byHeader, headers, sample);
    const missing = missingRequired(kind, mapping);
    const required = kind.fields.filter((f) => f.required);
    const optional = kind.fields.filter((f) => !f.required);
    // A field the headers name counts fully; one found only from the values (contentCues.ts) half.
    const hit = (fs: typeof required) => fs.reduce((a, f) => a + (byHeader.columns[f.name] ? 1 : mapping.columns[f.name] ? 0.5 : 0), 0) / Math.max(1, fs.length);
    const reqHit = hit(required);
    const optHit = hit(optional);
    const found = kind.fields.filter((f) => mapping.columns[f.name] && !byHeader.columns[f.name]);
    const sig = kind.signature ?? [];
    const sigFound = sig.filter((s) => norm.has(s));
    const sigHit = sigFound.length / Math.max(1, sig.length);
    let wideHit = 0;
    if (kind.wide) wideHit = Math.min(1, Object.keys(mapping.offenseColumns ?? {}).length / 3);
    let headerScore = 0.45 * reqHit + 0.2 * optHit + 0.35 * sigHit;
    if (kind.wide) headerScore = 0.3 * reqHit + 0.1 * optHit + 0.3 * sigHit + 0.3 * wideHit;
    if (kind.flags) {
      const flagHit = Math.min(1, Object.keys(mapping.flagColumns ?? {}).length / 4);
      headerScore = 0.3 * reqHit + 0.2 * optHit + 0.2 * sigHit + 0.3 * flagHit;
    }
    if (kind.byYear) {
      const yearHit = Math.min(1, Object.keys(mapping.yearColumns ?? {}).length / 3);
      headerScore = 0.35 * reqHit + 0.05 * optHit + 0.2 * sigHit + 0.4 * yearHit;
    }
    if (missing.length) headerScore *= 0.5;
    const content = sample.length ? contentFit(kind, mapping, headers, sample) : { fit: 1, reasons: [] };
    const score = headerScore * (0.3 + 0.7 * content.fit);
    const reasons = [
      ...(sigFound.length ? [`its columns include ${sigFound.map((x) => `"${x}"`).join(', ')}, typical of ${kind.label.toLowerCase()}`] : []),
      ...(missing.length ? [`no column for ${missing.join(', ')}`] : []),
      ...(found.length ? [`${FOUND}${found.map((f) => `${f.label.toLowerCase()} ("${mapping.columns[f.name]}")`).join(', ')}`] : []),
      ...content.reasons,
    ];
    return { kind, mapping, score, headerScore, contentScore: content.fit, reasons, missing };
  }).sort((a, b) => b.score - a.score);
}

/** The guess is safe to load without asking when it is complete, its values fit its fields, and it
 *  is clearly ahead of the next: by 0.1 when it fits well (0.5 or more), by more the weaker its own
 *  fit, and never below 0.3. */
export function isConfident(cands: readonly Candidate[]): boolean {
  const [a, b] = cands;
  if (!a || a.missing.length || a.score < 0.3 || a.contentScore < 0.8) return false;
  // A placement found only from the values decides who counts as placed: the card asks for a look.
  if (a.mapping.columns.placement_date && a.reasons.some((r) => r.startsWith(FOUND) && r.includes('placement date ('))) return false;
  return !b || a.score - b.score >= Math.max(0.1, 0.5 - a.score);
}

/** The kind a file could also be, when the guess is not clearly ahead: for the card to say which two
 *  it cannot tell apart. */
export function closeSecond(cands: readonly Candidate[]): Candidate | null {
  const [a, b] = cands;
  return a && b && !b.missing.length && a.score - b.score < 0.1 ? b : null;
}

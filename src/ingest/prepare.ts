import { kindById } from './kinds/index.ts';
import type { KindId } from './kinds/types.ts';
import { applySavedMapping, missingRequired, type Mapping } from './mapping.ts';
import { makePlan, type LoadPlan } from './plan.ts';
import type { Problem } from './problems.ts';
import { isConfident, recognise, type Candidate } from './recognise.ts';
import type { SniffResult } from './sniff.ts';

/** A file after sniffing and recognition, before loading. */
export type Prepared =
  | { ok: false; file: string; problem: Problem }
  | {
      ok: true;
      file: string;
      candidates: Candidate[];
      /** Recognised with confidence and every required field mapped: safe to load as it is. */
      confident: boolean;
      plan: LoadPlan;
    };

export function prepare(file: string, size: number, sniff: SniffResult, choice?: { kind?: KindId; mapping?: Mapping }): Prepared {
  if (!sniff.ok) return { ok: false, file, problem: sniff.problem };
  const s = sniff.sniffed;
  const candidates = recognise(s.header);
  const best = candidates[0]!;
  const kind = choice?.kind ? kindById(choice.kind) : best.kind;
  const proposed = candidates.find((c) => c.kind.id === kind.id)!.mapping;
  const mapping = choice?.mapping ? applySavedMapping(kind, choice.mapping, s.header) : proposed;
  const plan = makePlan(file, size, s, kind, mapping);
  const confident = (choice?.kind ? true : isConfident(candidates)) && missingRequired(kind, mapping).length === 0;
  return { ok: true, file, candidates, confident, plan };
}

/** Why a prepared file cannot load as it is. */
export function notReadyProblem(p: Extract<Prepared, { ok: true }>): Problem | null {
  const missing = missingRequired(p.plan.kind, p.plan.mapping);
  if (missing.length) {
    return { severity: 'error', file: p.file, message: `Read as "${p.plan.kind.label}", but no column was found for: ${missing.join(', ')}.`,
      fix: 'Choose the right kind of file, or pick the column for each missing field, then load.' };
  }
  if (!p.confident) {
    return { severity: 'error', file: p.file, message: 'The file was not recognised with confidence.',
      fix: `Check the guess ("${p.plan.kind.label}") and the column mapping, then load.` };
  }
  return null;
}

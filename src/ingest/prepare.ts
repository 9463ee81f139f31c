import type { ColumnFacts } from './plan.ts';
import { DATE_ORDER, dateOrderQuestion } from './dateOrder.ts';
import { kindById } from './kinds/index.ts';
import type { KindDef, KindId } from './kinds/kindDef.ts';
import { applySavedMapping, constantOf, missingRequired, usedHeaders, type Mapping } from './mapping.ts';
import { detectPersonalData, type PersonalFinding, type PersonalKind } from './personalData.ts';
import { makePlan, type LoadPlan } from './plan.ts';
import type { Problem } from './problems.ts';
import { closeSecond, isConfident, recognise, type Candidate } from './recognise.ts';
import { CUT_FIX, type Sniffed, type SniffResult } from './sniff.ts';

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

/** A column that looks like personal data and is mapped to a field: the file is held back until it
 *  is dropped, or the user vouches that it is not personal data (`mapping.notPersonal`). */
export const PERSONAL_DATA = 'personal-data';
/** Held back like PERSONAL_DATA, but no one can vouch for it: Social Security numbers and email
 *  addresses are never legitimate in these exports. */
export const PERSONAL_DATA_REFUSED = 'personal-data-refused';
/** A column that looks like personal data, loaded because the user vouched that it is not. */
export const PERSONAL_DATA_VOUCHED = 'personal-data-vouched';
/** Files that wait for a value typed once for a field they have no column for (the agency). */
export const TYPED_VALUE = 'typed-value';
/** Kinds of personal data that no one can vouch for. */
export const NEVER_VOUCHED: ReadonlySet<PersonalKind> = new Set(['ssn', 'email']);
/** Columns that look like personal data but are not mapped: never loaded, only mentioned. */
export const PERSONAL_DATA_UNMAPPED = 'personal-data-unmapped';

/** Problems of a plan (this kind with this mapping) rather than of the file. They travel in
 *  `plan.sniffed.warnings`, where loading finds them (an error there refuses the load), and are
 *  worked out afresh each time a file is prepared again with another kind or mapping. */
export const PLAN_PROBLEM_CODES: ReadonlySet<string> = new Set(['missing-columns', 'notes-missing', 'notes-missing-cut-short',
  PERSONAL_DATA, PERSONAL_DATA_REFUSED, PERSONAL_DATA_VOUCHED, PERSONAL_DATA_UNMAPPED, DATE_ORDER, TYPED_VALUE]);

/** Plan problems the file's card asks about with its own controls (the personal-data notice, the
 *  date-order question) rather than listing them. */
export const ASKED_ON_CARD: ReadonlySet<string> = new Set([PERSONAL_DATA, PERSONAL_DATA_REFUSED, DATE_ORDER, TYPED_VALUE]);

export interface PrepareOptions {
  /** A date column whose day/month order the sample cannot settle and the mapping does not give:
   *  'ask' (the default, the Data page) holds the file back with a DATE_ORDER problem until the
   *  user answers; 'mdy' (non-interactive loads) reads it as month/day (US), with a warning. */
  unansweredDateOrder?: 'ask' | 'mdy';
  /** What a scan of the whole file settled (see columnFacts.ts). */
  facts?: ColumnFacts;
  /** How many files of this layout were dropped together with it (itself included). */
  batchMates?: number;
}

export function prepare(file: string, size: number, sniff: SniffResult, choice?: { kind?: KindId; mapping?: Mapping },
  opts: PrepareOptions = {}): Prepared {
  if (!sniff.ok) return { ok: false, file, problem: sniff.problem };
  const fileOnly = sniff.sniffed.warnings.filter((p) => !PLAN_PROBLEM_CODES.has(p.code ?? ''));
  const s: Sniffed = { ...sniff.sniffed, warnings: fileOnly };
  const candidates = recognise(s.header, s.sample);
  const best = candidates[0]!;
  const kind = choice?.kind ? kindById(choice.kind) : best.kind;
  const proposed = candidates.find((c) => c.kind.id === kind.id)!.mapping;
  const mapping = choice?.mapping ? applySavedMapping(kind, choice.mapping, s.header) : proposed;
  const warnings = [...fileOnly, ...missingColumns(file, kind, mapping, s.header), ...notesBlock(file, kind, s),
    ...personalData(file, kind, mapping, s)];
  const draft = makePlan(file, size, { ...s, warnings }, kind, mapping, opts.facts);
  const questions = opts.unansweredDateOrder === 'mdy' ? [] : [...dateOrderQuestions(draft), ...typedQuestions(file, kind, mapping, opts.batchMates ?? 1)];
  const plan = questions.length ? { ...draft, sniffed: { ...draft.sniffed, warnings: [...warnings, ...questions] } } : draft;
  const confident = (choice?.kind ? true : isConfident(candidates)) && missingRequired(kind, mapping).length === 0;
  return { ok: true, file, candidates, confident, plan };
}

/** Why a prepared file cannot load as it is: the first error found before loading (a file cut
 *  short, required fields without a column), or a guess that is not confident. */
export function notReadyProblem(p: Extract<Prepared, { ok: true }>): Problem | null {
  const error = p.plan.sniffed.warnings.find((w) => w.severity === 'error');
  if (error) return error;
  if (!p.confident) {
    const [a] = p.candidates;
    const b = closeSecond(p.candidates);
    const why = (c: Candidate) => (c.reasons.length ? ` (${c.reasons.slice(0, 2).join('; ')})` : '');
    const message = a && b
      ? `It could be "${a.kind.label}"${why(a)} or "${b.kind.label}"${why(b)}, and neither is clearly ahead.`
      : `The file was not recognised with confidence${a ? `: the closest is "${a.kind.label}"${why(a)}` : ''}.`;
    return { severity: 'error', file: p.file, message,
      fix: `Check the guess ("${p.plan.kind.label}") and the column mapping, then load.` };
  }
  return null;
}

/** The columns that hold a prepared file back as personal data (mapped to a field), in file order. */
export function personalDataColumns(p: Extract<Prepared, { ok: true }>): string[] {
  return p.plan.sniffed.warnings.filter((w) => (w.code === PERSONAL_DATA || w.code === PERSONAL_DATA_REFUSED) && w.column != null)
    .map((w) => w.column!);
}

/** The file waits for the user: a question on its card (personal data, day/month order) is open. */
export function waitsForAnswer(p: Extract<Prepared, { ok: true }>): boolean {
  return p.plan.sniffed.warnings.some((w) => ASKED_ON_CARD.has(w.code ?? ''));
}

/** One question per ambiguous date column the mapping has no answer for. */
function dateOrderQuestions(plan: LoadPlan): Problem[] {
  return plan.ambiguousDates.flatMap((f) => {
    const column = plan.mapping.columns[f]!;
    return plan.mapping.dateOrder?.[column] ? [] : [dateOrderQuestion(plan.file, column, plan.dateExamples[f] ?? [])];
  });
}

/** Incident files without an agency column, dropped several of one layout together (a city's
 *  monthly extracts): each would count as an agency named after its file, so the batch waits for
 *  one agency name, typed once. A single file loads, labelled by its name, and can be given one. */
function typedQuestions(file: string, kind: KindDef, mapping: Mapping, batchMates: number): Problem[] {
  if (batchMates < 2 || kind.id !== 'crime_incidents' || mapping.columns.agency || constantOf(mapping, 'agency')) return [];
  return [{ severity: 'error', file, code: TYPED_VALUE, column: 'agency',
    message: `This file and ${batchMates - 1} other${batchMates > 2 ? 's' : ''} of the same layout have no agency column, so each would count as an agency named after its file.`,
    fix: 'Type the agency these incidents belong to once; it applies to every file of the layout, which then load.' }];
}

/** The mapping without these source columns: their fields map to nothing (null, so a saved or
 *  proposed mapping does not bring them back). */
export function dropColumns(m: Mapping, columns: readonly string[]): Mapping {
  const drop = new Set(columns);
  const out: Mapping = { ...m, columns: Object.fromEntries(Object.entries(m.columns).map(([f, c]) => [f, c != null && drop.has(c) ? null : c])) };
  if (m.offenseColumns) out.offenseColumns = Object.fromEntries(Object.entries(m.offenseColumns).filter(([h]) => !drop.has(h)));
  if (m.flagColumns) out.flagColumns = Object.fromEntries(Object.entries(m.flagColumns).filter(([h]) => !drop.has(h)));
  if (m.yearColumns) out.yearColumns = Object.fromEntries(Object.entries(m.yearColumns).filter(([h]) => !drop.has(h)));
  return out;
}

function describe(f: PersonalFinding): string {
  return `${f.matches} of ${f.of} values in the first rows look like ${f.label} (for example "${f.example}")`;
}

/** The personal-data guard: one error per column that looks like personal data and is mapped to a
 *  field (the file is held back until it is dropped or mapped elsewhere), and one warning naming
 *  the ones that are not mapped (they are never loaded). */
function personalData(file: string, kind: KindDef, mapping: Mapping, s: Sniffed): Problem[] {
  const findings = detectPersonalData(s.header, s.sample);
  if (!findings.length) return [];
  const used = new Set(usedHeaders(mapping));
  const fieldOf = (col: string) => kind.fields.find((f) => mapping.columns[f.name] === col)?.label
    ?? (mapping.offenseColumns?.[col] ? `Offense: ${mapping.offenseColumns[col]}`
      : mapping.flagColumns?.[col] ? `Substance: ${mapping.flagColumns[col]}` : mapping.yearColumns?.[col] ? `Year: ${mapping.yearColumns[col]}` : col);
  const vouched = new Set(mapping.notPersonal ?? []);
  const out: Problem[] = findings.filter((f) => used.has(f.column)).map((f): Problem => {
    const never = NEVER_VOUCHED.has(f.kind);
    if (vouched.has(f.column) && !never) {
      return { severity: 'warning', file, column: f.column, code: PERSONAL_DATA_VOUCHED, count: f.matches,
        message: `You vouched that this column is not personal data, so it is loaded as "${fieldOf(f.column)}" although ${describe(f)}.`,
        fix: `If "${f.column}" does hold data about people, remove the file, add it again and drop the column.` };
    }
    return { severity: 'error', file, column: f.column, code: never ? PERSONAL_DATA_REFUSED : PERSONAL_DATA, count: f.matches,
      message: `This column looks like ${f.label} (${describe(f)}), and it is mapped to "${fieldOf(f.column)}". The file is held back so that personal data is not loaded.${
        never ? ' Social Security numbers and email addresses have no place in these exports, so this column cannot be marked as not personal data.' : ''}`,
      fix: 'Drop the column (map nothing to that field) or map the field to another column. Columns not mapped to a field are never loaded.' };
  });
  const unmapped = findings.filter((f) => !used.has(f.column));
  if (unmapped.length) {
    out.push({ severity: 'warning', file, code: PERSONAL_DATA_UNMAPPED,
      message: `Columns that look like personal data are not mapped to any field, so they are not loaded: ${unmapped.map((f) => `"${f.column}" (${f.label})`).join(', ')}.`,
      fix: 'Nothing to do. Consider leaving these columns out of the export.' });
  }
  return out;
}

const LISTED_COLUMNS = 25;

function missingColumns(file: string, kind: KindDef, mapping: Mapping, header: readonly string[]): Problem[] {
  const missing = missingRequired(kind, mapping);
  if (!missing.length) return [];
  const shown = header.slice(0, LISTED_COLUMNS).map((h) => `"${h}"`).join(', ');
  const more = header.length > LISTED_COLUMNS ? ` and ${header.length - LISTED_COLUMNS} more` : '';
  // Where picking a column cannot help (a WONDER export without years), the field says what will.
  const fixes = kind.fields.filter((f) => f.required && f.missingFix && missing.includes(f.label)).map((f) => f.missingFix!);
  return [{ severity: 'error', file, row: 1, code: 'missing-columns',
    message: `Read as "${kind.label}", but no column was found for: ${missing.join(', ')}. The file's columns are: ${shown}${more}.`,
    fix: fixes.length ? fixes.join(' ') : 'Choose the right kind of file, or pick the column for each missing field, then load.' }];
}

/** Kinds whose exports end with a notes block (CDC WONDER): its absence is a sign of a file cut
 *  short. Without it, a last row that has every value and no open quote loads with a warning (a
 *  file whose notes were removed, perhaps with the last line break); a short last row or an open
 *  quote is refused by sniff (`cut-short`). */
function notesBlock(file: string, kind: KindDef, s: Sniffed): Problem[] {
  const t = s.tail;
  if (!kind.notesBlock || !t || t.notes || s.warnings.some((w) => w.code === 'cut-short')) return [];
  const where = t.lastRow != null ? `row ${t.lastRow}` : 'the last row';
  if (!t.endsWithLineBreak) {
    if (t.openQuote || t.last.length < s.header.length) {
      return [{ severity: 'error', file, row: t.lastRow, code: 'notes-missing-cut-short',
        message: `The export looks cut short: the notes block ${kind.label} files end with (${kind.notesBlock.example}) is missing, and the last row is incomplete.`,
        fix: CUT_FIX }];
    }
    const lastValue = t.last.at(-1)?.trim();
    return [{ severity: 'warning', file, row: t.lastRow, code: 'notes-missing-no-line-break',
      message: `The notes block ${kind.label} files end with (${kind.notesBlock.example}) is missing, and the last row has no line break after it, so it cannot be told whether the export is complete: the last row has all ${s.header.length} values, but its last value${lastValue ? ` ("${lastValue}")` : ''} may have been cut.`,
      fix: `If you removed the notes yourself, check that the last value of ${where} is whole and ignore this. Otherwise export again.` }];
  }
  return [{ severity: 'warning', file, row: t.lastRow, code: 'notes-missing',
    message: `The notes block ${kind.label} files end with (${kind.notesBlock.example}) is missing, so it cannot be told whether the export is complete.`,
    fix: `If you removed the notes yourself, ignore this. Otherwise check that ${where} is the last one you asked ${kind.label} for, or export again.` }];
}

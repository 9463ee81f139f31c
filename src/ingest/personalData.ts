import { normaliseHeader } from './mapping.ts';

/** What a column's values look like, when they look like data about a person. */
export type PersonalKind = 'name' | 'address' | 'phone' | 'email' | 'ssn' | 'birth-date' | 'notes';

export interface PersonalFinding {
  column: string;
  kind: PersonalKind;
  /** Plain words for the message: "person names", "phone numbers", … */
  label: string;
  /** Values that look like this kind, of `of` non-blank values in the sample. */
  matches: number;
  of: number;
  /** One matching value with its letters and digits hidden (first letter of each word kept). */
  example: string;
}

export const PERSONAL_LABELS: Record<PersonalKind, string> = {
  name: 'person names', address: 'street addresses', phone: 'phone numbers', email: 'email addresses',
  ssn: 'Social Security numbers', 'birth-date': 'exact dates of birth', notes: 'free-text case notes',
};

/** Share of a column's non-blank sample values that must match before it is flagged. */
export const MIN_SHARE = 0.3;
/** Fewer non-blank values than this say nothing. */
const MIN_VALUES = 3;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
/** US numbers written as phone numbers: separators or brackets required, so bare 10-digit IDs pass. */
const PHONE = /^(\+?1[\s.-]?)?(\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(\s*(x|ext\.?)\s*\d{1,5})?$/i;
const SSN = /^\d{3}-\d{2}-\d{4}$/;
const STREET_TYPES = 'st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|way|ct|court|pl|place|ter|terrace|cir|circle|hwy|highway|pkwy|parkway|sq|square|trl|trail|row|aly|alley';
const ADDRESS = new RegExp(`^\\d{1,6}[a-z]?(-\\d+)?\\s+([a-z0-9.'-]+\\s+){0,4}(${STREET_TYPES})\\b\\.?`, 'i');
const PO_BOX = /^p\.?\s?o\.?\s+box\s+\d+/i;

/** Common US first names (the most frequent given names of recent decades), lower case. Names that
 *  are also common place or street names (Warren, Jackson, Austin, Charlotte, Madison, …) are left
 *  out so that towns and agencies are not taken for people. */
const FIRST_NAMES = new Set(`
james john robert michael william david richard joseph thomas christopher charles daniel matthew anthony mark
donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary
nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond
jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle noah ethan jeremy walter christian
keith roger terry gerald harold sean carl arthur lawrence dylan jesse bryan joe jordan billy bruce albert willie
gabriel logan alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis luis carlos
miguel antonio mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty sandra
margaret ashley kimberly emily donna michelle carol amanda melissa deborah stephanie dorothy rebecca sharon laura
cynthia amy kathleen angela shirley brenda emma anna pamela nicole samantha katherine christine helen debra rachel
carolyn janet maria catherine heather diane olivia julie joyce victoria ruth virginia lauren kelly christina joan
evelyn judith andrea hannah megan cheryl jacqueline martha gloria teresa ann sara janice julia kathryn abigail
sophia frances jean alice judy isabella denise amber doris marilyn danielle beverly grace theresa diana natalie
brittany charlotte marie kayla alexis lori rosa ana carmen sofia lucia elena jorge pedro manuel ricardo fernando
jamal darnell tyrone keisha latoya tanya monica erica crystal tiffany brittney
`.split(/\s+/).filter(Boolean));

/** Words after which a capitalised phrase is a place or an organisation, not a person. */
const NOT_PERSON = new Set(`county city town township village borough pd police sheriff department dept office
state university college hospital center centre clinic program provider street st avenue ave road rd park
beach point harbor bay lake river hill hills heights falls springs valley station court`.split(/\s+/).filter(Boolean));

const NAME_WORD = /^[A-Z][a-z]+(['-][A-Z]?[a-z]+)*$/;
const INITIAL = /^[A-Z]\.?$/;

function titleCase(w: string): string {
  return w.length > 1 && w === w.toUpperCase() ? w[0] + w.slice(1).toLowerCase() : w;
}

/** "Maria Lopez", "John Q. Public", "LOPEZ, MARIA", "Lopez, Maria J". */
export function looksLikeName(v: string, singleWord = false): boolean {
  let words: string[];
  let first: string | undefined;
  const comma = v.split(',');
  if (comma.length === 2) {
    const last = comma[0]!.trim().split(/\s+/).map(titleCase);
    const rest = comma[1]!.trim().split(/\s+/).map(titleCase);
    words = [...last, ...rest];
    first = rest[0];
    if (last.length > 2 || rest.length > 2) return false;
  } else if (comma.length === 1) {
    words = v.trim().split(/\s+/).map(titleCase);
    first = words[0];
    if (words.length > 3 || (words.length < 2 && !singleWord)) return false;
  } else return false;
  if (!first || !FIRST_NAMES.has(first.toLowerCase())) return false;
  if (words.some((w) => NOT_PERSON.has(w.toLowerCase().replace(/\.$/, '')))) return false;
  return words.every((w) => NAME_WORD.test(w) || INITIAL.test(w));
}

/** A date with its day: 2001-04-17, 4/17/2001, 04-17-2001 (times after it are ignored). */
export function fullDate(v: string): Date | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[ T])/.exec(v);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:$|\s)/.exec(v);
    if (!m) return null;
    [mo, d, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo > 12) [mo, d] = [d, mo];
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1880 || y > 2200) return null;
  return new Date(Date.UTC(y, mo - 1, d));
}

const wordsOf = (v: string) => v.split(/\s+/).filter((w) => /[A-Za-z]/.test(w));

/** Long, varied text written by a person: at least 6 words and 30 characters. */
function looksLikeNotes(v: string): boolean {
  return v.length >= 30 && wordsOf(v).length >= 6;
}

const BIRTH_HEADER = /\b(dob|d o b|birth|birthday|birthdate|born|date of birth)\b/;
const SSN_HEADER = /\b(ssn|social security|social security number|soc sec)\b/;
const NAME_HEADER = /^(name|full name|(first|last|given|family|middle|maiden|sur) ?name|(client|patient|person|participant|victim|suspect|arrestee|subject) (first |last |full )?name)$/;

/** Hides a value: the first letter of each word stays, other letters and all digits become •. */
export function mask(v: string): string {
  const short = v.length > 40 ? `${v.slice(0, 40)}…` : v;
  return short.replace(/\d/g, '•').replace(/([A-Za-z])([A-Za-z]+)/g, (_, a: string, b: string) => a + '•'.repeat(b.length));
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/** Looks at every column's values in the sample (and, for dates of birth and SSNs, its header) and
 *  says which ones look like personal data. At most one finding per column: the kind most of its
 *  values match. */
export function detectPersonalData(header: readonly string[], sample: readonly (readonly string[])[], now = new Date()): PersonalFinding[] {
  const out: PersonalFinding[] = [];
  const dateCols = header.map((_, i) => {
    const vals = sample.map((r) => (r[i] ?? '').trim()).filter(Boolean);
    return vals.length > 0 && vals.filter((v) => fullDate(v)).length / vals.length >= 0.8;
  });
  header.forEach((h, i) => {
    const norm = normaliseHeader(h);
    const rows = sample.map((r, k) => ({ v: (r[i] ?? '').trim(), k })).filter((x) => x.v !== '');
    const vals = rows.map((x) => x.v);
    if (vals.length < MIN_VALUES) return;
    const tests: [PersonalKind, (v: string, k: number) => boolean][] = [
      ['email', (v) => EMAIL.test(v)],
      ['ssn', (v) => SSN.test(v) || (SSN_HEADER.test(norm) && /^\d{9}$/.test(v))],
      ['phone', (v) => PHONE.test(v)],
      ['address', (v) => ADDRESS.test(v) || PO_BOX.test(v)],
      ['name', (v) => looksLikeName(v, NAME_HEADER.test(norm)) || (NAME_HEADER.test(norm) && /^[A-Z][A-Za-z'-]+$/.test(v) && !NOT_PERSON.has(v.toLowerCase()))],
      ['birth-date', birthTest(i, norm, sample, dateCols, vals, now)],
    ];
    let best: PersonalFinding | null = null;
    for (const [kind, test] of tests) {
      const hits = rows.filter((x) => test(x.v, x.k));
      if (hits.length / vals.length >= MIN_SHARE && (!best || hits.length > best.matches)) {
        best = { column: h, kind, label: PERSONAL_LABELS[kind], matches: hits.length, of: vals.length, example: mask(hits[0]!.v) };
      }
    }
    if (!best) {
      // Free text: long values, mostly different from one another (a repeated footnote is not a note).
      const long = vals.filter(looksLikeNotes);
      if (long.length / vals.length >= MIN_SHARE && new Set(long).size >= Math.max(MIN_VALUES, long.length * 0.5)) {
        const ex = long[0]!;
        best = { column: h, kind: 'notes', label: PERSONAL_LABELS.notes, matches: long.length, of: vals.length,
          example: `${wordsOf(ex).length} words, beginning "${mask(ex.slice(0, 20))}…"` };
      }
    }
    if (best) out.push(best);
  });
  return out;
}

/** Dates of birth: a header that says so over full dates; or full dates mostly a decade or more
 *  before another date on the same row; or, with no other date to compare, dates spread over
 *  decades and mostly long past. Years alone are not exact dates of birth and are not flagged. */
function birthTest(i: number, norm: string, sample: readonly (readonly string[])[], dateCols: boolean[], vals: string[], now: Date) {
  if (BIRTH_HEADER.test(norm)) return (v: string) => fullDate(v) != null;
  const others = dateCols.map((d, j) => (d && j !== i ? j : -1)).filter((j) => j >= 0);
  if (others.length) {
    return (v: string, k: number) => {
      const d = fullDate(v);
      if (!d) return false;
      const row = sample[k]!;
      return others.some((j) => {
        const o = fullDate((row[j] ?? '').trim());
        return o != null && o.getTime() - d.getTime() >= 10 * YEAR_MS;
      });
    };
  }
  const dates = vals.map(fullDate).filter((d): d is Date => d != null);
  if (dates.length < MIN_VALUES) return () => false;
  const years = dates.map((d) => d.getUTCFullYear()).sort((a, b) => a - b);
  const spread = years[years.length - 1]! - years[0]!;
  const old = (d: Date) => now.getTime() - d.getTime() >= 18 * YEAR_MS;
  if (spread < 30 || dates.filter(old).length / dates.length < 0.5) return () => false;
  return (v: string) => { const d = fullDate(v); return d != null && old(d); };
}

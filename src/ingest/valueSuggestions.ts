import { PATHWAYS, TREATMENT_TYPES } from './kinds/programFiles.ts';

/** Suggestions for the values of the program files' fixed-vocabulary fields: the canonical value an
 *  exported value plainly means ("Bup/Nx" -> "MOUD buprenorphine"), or null when it is not plain
 *  ("Residential" alone: short or long term is not said). A suggestion is for the user to accept;
 *  nothing here changes data by itself. */

export type VocabField =
  | 'pathway' | 'treatment_type' | 'sex' | 'race_ethnicity' | 'primary_substance'
  | 'yes_no' | 'yes_no_unknown' | 'outcome' | 'category';

export const CANONICAL_VALUES: Record<VocabField, readonly string[]> = {
  pathway: PATHWAYS,
  treatment_type: TREATMENT_TYPES,
  sex: ['female', 'male', 'another gender', 'unknown'],
  // The sample's spellings (White, Black, Hispanic, Asian, Other, Unknown) plus the other minimum
  // categories of the federal standard (OMB SPD 15 as revised in 2024, also used by HUD HMIS).
  race_ethnicity: ['White', 'Black', 'Hispanic', 'Asian', 'American Indian or Alaska Native',
    'Native Hawaiian or Pacific Islander', 'Middle Eastern or North African', 'Multiracial', 'Other', 'Unknown'],
  primary_substance: ['opioids', 'alcohol', 'stimulants', 'benzodiazepines', 'cannabis', 'other'],
  yes_no: ['yes', 'no'],
  yes_no_unknown: ['yes', 'no', 'unknown'],
  outcome: ['survived', 'transported', 'died', 'unknown'],
  category: ['treatment', 'transport', 'naloxone', 'staff', 'other'],
};

const ENCOUNTER_FIELDS: Record<string, VocabField> = {
  pathway: 'pathway', treatment_type: 'treatment_type', sex: 'sex', race_ethnicity: 'race_ethnicity',
  primary_substance: 'primary_substance', eligible: 'yes_no', placement_offered: 'yes_no',
  naloxone_kit_given: 'yes_no', engaged_30d: 'yes_no_unknown',
};

/** The vocabulary of a kind's field, or null for a field without one. */
export function vocabFieldOf(kindId: string, fieldName: string): VocabField | null {
  if (kindId === 'encounters') return ENCOUNTER_FIELDS[fieldName] ?? null;
  if (kindId === 'naloxone' && fieldName === 'outcome') return 'outcome';
  if (kindId === 'costs' && fieldName === 'category') return 'category';
  return null;
}

/** The normal form values are compared in: lower case, "+" as "plus", "&" as "and", any other run of
 *  non-alphanumerics one space ("Bup/Nx" -> "bup nx", "Walk-in" -> "walk in"). */
export function normaliseValue(raw: string): string {
  return raw.toLowerCase().replace(/\+/g, ' plus ').replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Export values in normal form, per canonical value. A term listed under two values of one field
 *  means neither (a test keeps the tables free of such terms). */
type Terms = Readonly<Record<string, readonly string[]>>;

const YES = ['yes', 'y', 'true', 't', '1'];
const NO = ['no', 'n', 'false', 'f', '0'];
// "Unknown" as written by TEDS (Missing/unknown) and HUD HMIS (Client doesn't know, Data not collected).
const UNKNOWN = ['unknown', 'u', 'unk', 'not known', 'missing unknown', 'unknown missing', 'client doesn t know',
  'doesn t know', 'don t know', 'data not collected', 'not collected', 'not recorded', 'unable to determine'];
// For a person's sex or race, a refusal to answer (HMIS: Client prefers not to answer) leaves it unknown;
// for yes/no questions it may be an answer ("refused" treatment), so it is not listed there.
const NOT_ANSWERED = [...UNKNOWN, 'client prefers not to answer', 'prefers not to answer', 'prefer not to answer',
  'prefer not to say', 'client refused', 'refused', 'declined', 'declined to answer', 'not disclosed', 'not reported'];

const TERMS: Record<VocabField, Terms> = {
  // PTACC's six pathways to deflection, TEDS PSOURCE 1 ("Individual (includes self-referral)"), and
  // the words deflection logs use: walk-ins are self-referrals; QRTs (quick response teams) are the
  // naloxone plus model. Not plain, so null: "Outreach" (active outreach, or post-overdose outreach
  // which is naloxone plus?), "Police"/"Officer referral" (prevention or intervention?), "Other".
  pathway: {
    'self-referral': ['self referral', 'self referred', 'self', 'walk in', 'walkin', 'walk in self referral',
      'self walk in', 'individual', 'individual includes self referral'],
    'active outreach': ['active outreach', 'proactive outreach', 'street outreach', 'active outreach pathway'],
    'naloxone plus': ['naloxone plus', 'naloxone plus pathway', 'post overdose', 'post overdose outreach',
      'post overdose follow up', 'post od', 'post od outreach', 'overdose follow up', 'od follow up',
      'overdose outreach', 'quick response team', 'qrt'],
    'officer prevention': ['officer prevention', 'officer prevention referral', 'officer prevention pathway',
      'first responder and officer referral', 'first responder officer referral'],
    'officer intervention': ['officer intervention', 'officer intervention referral', 'officer intervention pathway',
      'in lieu of arrest', 'charges held in abeyance'],
    'community response': ['community response', 'community response pathway', 'community responder'],
  },
  // TEDS SERVICES labels (detox 24-hour hospital inpatient / free-standing residential / ambulatory;
  // rehab/residential short term (30 days or fewer) / long term; ambulatory intensive / non-intensive
  // outpatient), ASAM withdrawal management, Massachusetts BSAS levels (ATS is detox; CSS and TSS are
  // short residential), and medication brand names. Not plain: "Residential", "Inpatient", "Rehab",
  // TEDS "Rehab/residential, hospital (non-detox)" (term not said), "MAT"/"MOUD" (which medication?),
  // "PHP"; sober/recovery housing is recovery support, not residential treatment.
  treatment_type: {
    'detox': ['detox', 'detoxification', 'inpatient detox', 'inpatient detoxification', 'medical detox',
      'hospital detox', 'residential detox', 'social detox', 'outpatient detox', 'ambulatory detox',
      'withdrawal management', 'wm', 'medically managed withdrawal', 'detox 24 hour hospital inpatient',
      'detox 24 hour free standing residential', 'ambulatory detoxification', 'acute treatment services', 'ats'],
    'residential short-term': ['residential short term', 'short term residential', 'short term rehab',
      'rehab residential short term 30 days or fewer', 'rehabilitation residential short term 30 days or fewer',
      'rehab res short term 30 days or fewer', 'clinical stabilization services', 'css',
      'transitional support services', 'tss'],
    'residential long-term': ['residential long term', 'long term residential', 'long term rehab',
      'rehab residential long term more than 30 days', 'rehabilitation residential long term more than 30 days',
      'rehab res long term more than 30 days', 'therapeutic community'],
    'intensive outpatient': ['intensive outpatient', 'iop', 'intensive outpatient program', 'intensive outpatient iop',
      'ambulatory intensive outpatient'],
    'outpatient': ['outpatient', 'op', 'outpatient treatment', 'outpatient counseling', 'outpatient services',
      'standard outpatient', 'non intensive outpatient', 'ambulatory non intensive outpatient'],
    'MOUD methadone': ['methadone', 'methadone maintenance', 'methadone maintenance treatment', 'mmt', 'methadone clinic',
      'methadone program', 'otp', 'opioid treatment program', 'mat methadone'],
    'MOUD buprenorphine': ['buprenorphine', 'bup', 'bupe', 'bup nx', 'bupe nx', 'bup nal', 'buprenorphine naloxone',
      'suboxone', 'subutex', 'zubsolv', 'sublocade', 'brixadi', 'mat buprenorphine', 'mat suboxone'],
    'MOUD naltrexone': ['naltrexone', 'vivitrol', 'xr naltrexone', 'xr ntx', 'ntx', 'extended release naltrexone',
      'injectable naltrexone', 'mat naltrexone', 'mat vivitrol'],
    'recovery support': ['recovery support', 'recovery support services', 'recovery coach', 'peer recovery',
      'peer recovery support', 'peer support', 'sober house', 'sober home', 'sober living', 'recovery housing',
      'recovery residence', 'recovery center', 'recovery community center'],
    'none': ['none', 'no treatment', 'not placed'],
  },
  // TEDS GENDER, HUD HMIS gender (Woman, Man, Non-Binary, Culturally Specific Identity, Different
  // Identity), case-management lists (Cisgender Woman/Girl, Nonbinary/Gender Non-Conforming).
  // Not plain: "Transgender" alone and "Other" (another gender, or a catch-all?).
  sex: {
    female: ['female', 'f', 'woman', 'cisgender woman', 'cis woman', 'cisgender woman girl', 'woman girl'],
    male: ['male', 'm', 'man', 'cisgender man', 'cis man', 'cisgender man boy', 'man boy'],
    'another gender': ['another gender', 'other gender', 'non binary', 'nonbinary', 'genderqueer',
      'gender non conforming', 'non binary gender non conforming', 'nonbinary gender non conforming',
      'different identity', 'culturally specific identity', 'two spirit'],
    unknown: NOT_ANSWERED,
  },
  // OMB/HMIS/TEDS race and ethnicity labels. Not plain: TEDS "Asian or Pacific Islander" (two of
  // these groups), "Not Hispanic" (race not said), two races listed without "multiracial".
  race_ethnicity: {
    White: ['white', 'caucasian', 'white caucasian', 'white or caucasian', 'white non hispanic', 'non hispanic white',
      'white not hispanic'],
    Black: ['black', 'african american', 'black or african american', 'black african american',
      'black african american or african', 'african american black', 'black non hispanic', 'non hispanic black'],
    Hispanic: ['hispanic', 'latino', 'latina', 'latinx', 'latine', 'hispanic latino', 'hispanic or latino',
      'hispanic latina e o', 'hispanic latino latinx', 'hispanic any race', 'puerto rican', 'mexican', 'cuban',
      'cuban or other specific hispanic', 'hispanic or latino specific origin not specified',
      'hispanic origin not specified'],
    Asian: ['asian', 'asian american', 'asian or asian american', 'asian indian', 'chinese', 'filipino', 'japanese',
      'korean', 'vietnamese'],
    'American Indian or Alaska Native': ['american indian or alaska native', 'american indian alaska native',
      'american indian', 'alaska native', 'native american', 'aian', 'american indian other than alaska native',
      'alaska native aleut eskimo indian', 'american indian alaska native or indigenous'],
    'Native Hawaiian or Pacific Islander': ['native hawaiian or pacific islander', 'native hawaiian or other pacific islander',
      'native hawaiian other pacific islander', 'hawaiian native other pacific islander', 'native hawaiian',
      'pacific islander', 'nhpi'],
    'Middle Eastern or North African': ['middle eastern or north african', 'middle eastern', 'north african', 'mena'],
    Multiracial: ['multiracial', 'multi racial', 'two or more races', '2 or more races', 'more than one race',
      'multiple races', 'mixed race', 'biracial'],
    Other: ['other', 'other race', 'some other race', 'other single race'],
    Unknown: NOT_ANSWERED,
  },
  // TEDS SUB1 labels, ODIN's drug columns and common drug names. Everything that is none of the five
  // named groups is "other" (TEDS PCP, hallucinogens, barbiturates, other sedatives, inhalants, OTC).
  // Not plain: "Polysubstance", two groups at once ("Heroin, Cocaine"), "None", "Unknown".
  primary_substance: {
    opioids: ['opioids', 'opioid', 'opiates', 'opiate', 'opiates opioids', 'heroin', 'fentanyl', 'fentanyl analog',
      'carfentanil', 'oxycodone', 'oxycontin', 'percocet', 'hydrocodone', 'vicodin', 'morphine', 'codeine',
      'hydromorphone', 'dilaudid', 'oxymorphone', 'tramadol', 'methadone', 'non prescription methadone',
      'buprenorphine', 'suboxone', 'subutex', 'other opiates and synthetics', 'other opiates synthetics',
      'other opiates or synthetics', 'prescription opioids', 'pharmaceutical opioid', 'synthetic opioids',
      'fentanyl analog other synthetic opioid'],
    alcohol: ['alcohol', 'etoh', 'alcohol only'],
    stimulants: ['stimulants', 'stimulant', 'cocaine', 'crack', 'crack cocaine', 'cocaine crack', 'meth',
      'methamphetamine', 'methamphetamine speed', 'crystal meth', 'amphetamine', 'amphetamines', 'other amphetamines',
      'other stimulants', 'speed', 'adderall', 'bath salts', 'synthetic cathinones', 'pharmaceutical stimulant'],
    benzodiazepines: ['benzodiazepines', 'benzodiazepine', 'benzos', 'benzo', 'xanax', 'alprazolam', 'valium',
      'diazepam', 'klonopin', 'clonazepam', 'ativan', 'lorazepam', 'tranquilizers benzodiazepine',
      'benzodiazepines i e valium xanax ativan etc'],
    cannabis: ['cannabis', 'marijuana', 'marihuana', 'marijuana hashish', 'hashish', 'thc', 'weed'],
    other: ['other', 'other drugs', 'pcp', 'hallucinogens', 'other hallucinogens', 'lsd', 'ketamine', 'barbiturates',
      'other tranquilizers', 'other sedatives or hypnotics', 'other sedatives hypnotics', 'inhalants',
      'over the counter medications', 'over the counter', 'otc'],
  },
  yes_no: { yes: YES, no: NO },
  yes_no_unknown: { yes: YES, no: NO, unknown: UNKNOWN },
  // Naloxone administration outcomes as police and EMS logs write them; refusing transport means the
  // person was alive and not transported. Not plain: "Left scene", "Other".
  outcome: {
    survived: ['survived', 'survive', 'alive', 'revived', 'reversed', 'reversal', 'successful reversal', 'responsive',
      'refused transport'],
    transported: ['transported', 'transport', 'transported to hospital', 'transported to er', 'transported to ed',
      'transported by ems', 'ems transport', 'taken to hospital'],
    died: ['died', 'death', 'deceased', 'dead', 'fatal', 'fatality', 'doa', 'pronounced dead', 'expired'],
    unknown: UNKNOWN,
  },
  // Grant budget and ledger categories. Not plain: "Contractual" (treatment or staff?).
  category: {
    treatment: ['treatment', 'treatment costs', 'treatment services', 'detox', 'residential treatment'],
    transport: ['transport', 'transportation', 'travel', 'taxi', 'cab', 'uber', 'lyft', 'rideshare', 'ride share',
      'bus', 'bus fare', 'bus tickets', 'mileage', 'gas', 'fuel'],
    naloxone: ['naloxone', 'narcan', 'naloxone kits', 'narcan kits', 'nasal naloxone'],
    staff: ['staff', 'staffing', 'personnel', 'personnel costs', 'salary', 'salaries', 'wages', 'salaries and wages',
      'payroll', 'overtime', 'fringe', 'fringe benefits', 'salary and fringe'],
    other: ['other', 'misc', 'miscellaneous', 'supplies', 'office supplies', 'printing', 'training', 'equipment',
      'indirect', 'indirect costs', 'rent', 'utilities', 'food', 'meals'],
  },
};

/** Per field: normal form -> canonical value (null for a term listed under two values). */
const INDEX = new Map<VocabField, Map<string, string | null>>(
  (Object.keys(TERMS) as VocabField[]).map((field) => {
    const m = new Map<string, string | null>();
    const add = (term: string, value: string) => m.set(term, m.has(term) && m.get(term) !== value ? null : value);
    for (const value of CANONICAL_VALUES[field]) add(normaliseValue(value), value);
    for (const [value, terms] of Object.entries(TERMS[field])) for (const t of terms) add(normaliseValue(t), value);
    return [field, m];
  }),
);

/** Terms listed under two values of one field (should be none). */
export function conflictingTerms(field: VocabField): string[] {
  return [...INDEX.get(field)!].filter(([, v]) => v === null).map(([t]) => t);
}

/** Substances may be listed together ("Heroin/Fentanyl"): plain only when all are of one group. */
const SPLIT = /\s*(?:[/,;&+]|\band\b|\bor\b)\s*/i;
/** "Residential 28 day", "Rehab - 90 days": 30 days or fewer is short-term (the TEDS line), more is
 *  long-term. Only these words and one number of days; anything else ("28 to 90 days") is not plain. */
const STAY_WORDS = new Set(['residential', 'rehab', 'rehabilitation', 'res', 'inpatient', 'program', 'treatment', 'stay', 'day', 'days']);

function residentialStay(n: string): string | null {
  const words = n.split(' ');
  const numbers = words.filter((w) => /^\d{1,3}$/.test(w));
  if (numbers.length !== 1 || !/\b(residential|rehab|rehabilitation|res)\b/.test(n) || !/\b\d+ days?\b/.test(n)) return null;
  if (!words.every((w) => STAY_WORDS.has(w) || w === numbers[0])) return null;
  return Number(numbers[0]) <= 30 ? 'residential short-term' : 'residential long-term';
}

/** The canonical value an export value plainly means, or null when it is not plain. */
export function suggestValue(field: VocabField, raw: string): string | null {
  const index = INDEX.get(field)!;
  const n = normaliseValue(raw);
  if (!n) return null;
  const exact = index.get(n);
  if (exact !== undefined) return exact;
  if (field === 'primary_substance' && SPLIT.test(raw)) {
    const values = new Set(raw.split(SPLIT).map(normaliseValue).filter(Boolean).map((p) => index.get(p) ?? null));
    const [only] = values;
    return values.size === 1 && only ? only : null;
  }
  if (field === 'treatment_type') return residentialStay(n);
  return null;
}

/** The suggestion for each distinct value of a column. */
export function suggestValues(field: VocabField, distinct: readonly string[]): Record<string, string | null> {
  return Object.fromEntries(distinct.map((v) => [v, suggestValue(field, v)]));
}

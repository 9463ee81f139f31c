import { describe, expect, it } from 'vitest';
import { kindById } from '../../../src/ingest/kinds/index.ts';
import {
  CANONICAL_VALUES, conflictingTerms, suggestValue, suggestValues, vocabFieldOf, type VocabField,
} from '../../../src/ingest/valueSuggestions.ts';

const FIELDS = Object.keys(CANONICAL_VALUES) as VocabField[];

/** [field, export value, canonical value] */
const PLAIN: [VocabField, string, string][] = [
  ['yes_no', '1', 'yes'], ['yes_no', '0', 'no'], ['yes_no', 'Y', 'yes'], ['yes_no', 'N', 'no'],
  ['yes_no', 'T', 'yes'], ['yes_no', 'F', 'no'], ['yes_no', 'true', 'yes'], ['yes_no', 'FALSE', 'no'],
  ['yes_no_unknown', 'Unknown', 'unknown'], ['yes_no_unknown', "Don't know", 'unknown'], ['yes_no_unknown', 'y', 'yes'],
  ['pathway', 'Self', 'self-referral'], ['pathway', 'Walk-in', 'self-referral'], ['pathway', 'Walk in', 'self-referral'],
  ['pathway', 'Self-Referral', 'self-referral'], ['pathway', 'Individual (includes self-referral)', 'self-referral'],
  ['pathway', 'Naloxone+', 'naloxone plus'], ['pathway', 'Post-overdose outreach', 'naloxone plus'],
  ['pathway', 'QRT', 'naloxone plus'], ['pathway', 'Active Outreach', 'active outreach'],
  ['pathway', 'Officer Prevention Referral', 'officer prevention'], ['pathway', 'First Responder and Officer Referral', 'officer prevention'],
  ['pathway', 'Officer Intervention', 'officer intervention'], ['pathway', 'Community Response', 'community response'],
  ['treatment_type', 'Inpatient detox', 'detox'], ['treatment_type', 'Detox', 'detox'],
  ['treatment_type', 'Withdrawal management', 'detox'], ['treatment_type', 'ATS', 'detox'],
  ['treatment_type', 'Detox, 24-hour, hospital inpatient', 'detox'],
  ['treatment_type', 'Detox, 24-hour, free-standing residential', 'detox'],
  ['treatment_type', 'Ambulatory, detoxification', 'detox'],
  ['treatment_type', 'Bup/Nx', 'MOUD buprenorphine'], ['treatment_type', 'Suboxone', 'MOUD buprenorphine'],
  ['treatment_type', 'Buprenorphine', 'MOUD buprenorphine'], ['treatment_type', 'Sublocade', 'MOUD buprenorphine'],
  ['treatment_type', 'Methadone', 'MOUD methadone'], ['treatment_type', 'OTP', 'MOUD methadone'],
  ['treatment_type', 'Vivitrol', 'MOUD naltrexone'], ['treatment_type', 'XR-NTX', 'MOUD naltrexone'],
  ['treatment_type', 'IOP', 'intensive outpatient'], ['treatment_type', 'Ambulatory, intensive outpatient', 'intensive outpatient'],
  ['treatment_type', 'OP', 'outpatient'], ['treatment_type', 'Ambulatory, non-intensive outpatient', 'outpatient'],
  ['treatment_type', 'Residential 28 day', 'residential short-term'], ['treatment_type', 'Rehab - 14 days', 'residential short-term'],
  ['treatment_type', 'Short-term residential', 'residential short-term'],
  ['treatment_type', 'Rehab/residential, short term (30 days or fewer)', 'residential short-term'],
  ['treatment_type', 'Long-term residential', 'residential long-term'], ['treatment_type', 'Residential 90 days', 'residential long-term'],
  ['treatment_type', 'Rehab/residential, long term (more than 30 days)', 'residential long-term'],
  ['treatment_type', 'Sober house', 'recovery support'], ['treatment_type', 'Recovery coach', 'recovery support'],
  ['treatment_type', 'moud methadone', 'MOUD methadone'], ['treatment_type', 'None', 'none'],
  ['sex', 'M', 'male'], ['sex', 'F', 'female'], ['sex', 'Woman', 'female'], ['sex', 'Cisgender Man/Boy', 'male'],
  ['sex', 'Non-Binary', 'another gender'], ['sex', 'Client prefers not to answer', 'unknown'], ['sex', 'U', 'unknown'],
  ['race_ethnicity', 'Hispanic/Latino', 'Hispanic'], ['race_ethnicity', 'Hispanic/Latina/e/o', 'Hispanic'],
  ['race_ethnicity', 'African American', 'Black'], ['race_ethnicity', 'Black, African American, or African', 'Black'],
  ['race_ethnicity', 'Caucasian', 'White'], ['race_ethnicity', 'white', 'White'], ['race_ethnicity', 'Native American', 'American Indian or Alaska Native'],
  ['race_ethnicity', 'Alaska Native (Aleut, Eskimo, Indian)', 'American Indian or Alaska Native'],
  ['race_ethnicity', 'Native Hawaiian or Other Pacific Islander', 'Native Hawaiian or Pacific Islander'],
  ['race_ethnicity', 'Two or more races', 'Multiracial'], ['race_ethnicity', 'Other single race', 'Other'],
  ['race_ethnicity', 'Refused', 'Unknown'],
  ['primary_substance', 'Heroin', 'opioids'], ['primary_substance', 'Fentanyl', 'opioids'],
  ['primary_substance', 'Oxycodone', 'opioids'], ['primary_substance', 'Opiates', 'opioids'],
  ['primary_substance', 'Heroin/Fentanyl', 'opioids'], ['primary_substance', 'Other opiates and synthetics', 'opioids'],
  ['primary_substance', 'Non-prescription methadone', 'opioids'],
  ['primary_substance', 'Cocaine', 'stimulants'], ['primary_substance', 'Crack', 'stimulants'],
  ['primary_substance', 'Meth', 'stimulants'], ['primary_substance', 'Cocaine/crack', 'stimulants'],
  ['primary_substance', 'Methamphetamine/speed', 'stimulants'], ['primary_substance', 'Marijuana', 'cannabis'],
  ['primary_substance', 'Marijuana/hashish', 'cannabis'], ['primary_substance', 'Xanax', 'benzodiazepines'],
  ['primary_substance', 'ETOH', 'alcohol'], ['primary_substance', 'PCP', 'other'], ['primary_substance', 'Inhalants', 'other'],
  ['outcome', 'Transported to hospital', 'transported'], ['outcome', 'Deceased', 'died'], ['outcome', 'Revived', 'survived'],
  ['outcome', 'Refused transport', 'survived'], ['outcome', 'UNK', 'unknown'],
  ['category', 'Transportation', 'transport'], ['category', 'Narcan', 'naloxone'], ['category', 'Salaries', 'staff'],
  ['category', 'Supplies', 'other'], ['category', 'Treatment', 'treatment'],
];

/** [field, export value]: not plain, so no suggestion. */
const NOT_PLAIN: [VocabField, string][] = [
  ['pathway', 'Other'], ['pathway', 'Police'], ['pathway', 'Police referral'], ['pathway', 'Officer referral'],
  ['pathway', 'Outreach'], ['pathway', 'Court/criminal justice referral/DUI/DWI'], ['pathway', 'Family'],
  ['pathway', 'Other community referral'], ['pathway', '1'],
  ['treatment_type', 'Residential'], ['treatment_type', 'Inpatient'], ['treatment_type', 'Rehab'],
  ['treatment_type', 'Rehab/residential, hospital (non-detox)'], ['treatment_type', 'MAT'], ['treatment_type', 'MOUD'],
  ['treatment_type', 'PHP'], ['treatment_type', 'Halfway house'], ['treatment_type', 'Other'], ['treatment_type', '4'],
  ['treatment_type', 'Residential 28 to 90 days'], ['treatment_type', 'Detox then residential'],
  ['sex', 'Transgender'], ['sex', 'Other'], ['sex', 'W'], ['sex', 'Yes'],
  ['race_ethnicity', 'Asian or Pacific Islander'], ['race_ethnicity', 'Not Hispanic'], ['race_ethnicity', 'White, Black'],
  ['race_ethnicity', 'Indigenous'], ['race_ethnicity', '5'],
  ['primary_substance', 'Polysubstance'], ['primary_substance', 'Heroin, Cocaine'], ['primary_substance', 'Alcohol and other drugs'],
  ['primary_substance', 'Unknown'], ['primary_substance', 'None'], ['primary_substance', 'Pills'], ['primary_substance', 'Dope'],
  ['primary_substance', 'Synthetic marijuana'],
  ['yes_no', 'Unknown'], ['yes_no', 'Maybe'], ['yes_no', 'X'], ['yes_no', '2'],
  ['yes_no_unknown', 'Declined'], ['yes_no_unknown', 'Lost to follow-up'], ['yes_no_unknown', 'Refused'],
  ['outcome', 'Left scene'], ['outcome', 'Other'],
  ['category', 'Contractual'], ['category', 'Grant'],
  ['pathway', ''], ['sex', '  '], ['yes_no', '-'],
];

describe('value suggestions', () => {
  it.each(PLAIN)('%s: "%s" is %s', (field, raw, value) => {
    expect(suggestValue(field, raw)).toBe(value);
  });

  it.each(NOT_PLAIN)('%s: "%s" is not plain', (field, raw) => {
    expect(suggestValue(field, raw)).toBeNull();
  });

  it('each canonical value suggests itself, whatever its case', () => {
    for (const field of FIELDS) {
      for (const v of CANONICAL_VALUES[field]) {
        expect(suggestValue(field, v)).toBe(v);
        expect(suggestValue(field, v.toUpperCase())).toBe(v);
      }
    }
  });

  it('no term is listed under two values of one field', () => {
    for (const field of FIELDS) expect(conflictingTerms(field), field).toEqual([]);
  });

  it('keeps the sample files valid', () => {
    expect(CANONICAL_VALUES.sex).toEqual(expect.arrayContaining(['male', 'female', 'unknown']));
    expect(CANONICAL_VALUES.race_ethnicity).toEqual(expect.arrayContaining(['White', 'Black', 'Hispanic', 'Asian', 'Other', 'Unknown']));
    expect(CANONICAL_VALUES.primary_substance).toEqual(
      expect.arrayContaining(['opioids', 'alcohol', 'stimulants', 'benzodiazepines', 'cannabis', 'other']));
  });

  it('maps kind fields to vocabularies, the same values as the kinds declare', () => {
    expect(vocabFieldOf('encounters', 'pathway')).toBe('pathway');
    expect(vocabFieldOf('encounters', 'eligible')).toBe('yes_no');
    expect(vocabFieldOf('encounters', 'placement_offered')).toBe('yes_no');
    expect(vocabFieldOf('encounters', 'naloxone_kit_given')).toBe('yes_no');
    expect(vocabFieldOf('encounters', 'engaged_30d')).toBe('yes_no_unknown');
    expect(vocabFieldOf('naloxone', 'outcome')).toBe('outcome');
    expect(vocabFieldOf('costs', 'category')).toBe('category');
    expect(vocabFieldOf('encounters', 'agency')).toBeNull();
    expect(vocabFieldOf('naloxone', 'agency')).toBeNull();
    expect(vocabFieldOf('crime_incidents', 'offense')).toBeNull();
    for (const id of ['encounters', 'costs', 'naloxone'] as const) {
      for (const f of kindById(id).fields) {
        const vocab = vocabFieldOf(id, f.name);
        if (f.values) expect(CANONICAL_VALUES[vocab!], `${id}.${f.name}`).toEqual(f.values);
        if (f.type === 'boolean') expect(vocab).toBe('yes_no');
        if (f.type === 'yesNoUnknown') expect(vocab).toBe('yes_no_unknown');
      }
    }
  });

  it('suggests for each distinct value of a column', () => {
    expect(suggestValues('treatment_type', ['Detox', 'Residential', 'Bup/Nx'])).toEqual({
      Detox: 'detox', Residential: null, 'Bup/Nx': 'MOUD buprenorphine',
    });
    expect(suggestValues('yes_no', [])).toEqual({});
  });
});

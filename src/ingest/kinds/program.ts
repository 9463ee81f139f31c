import type { KindDef } from './types.ts';

export const PATHWAYS = [
  'self-referral',
  'active outreach',
  'naloxone plus',
  'officer prevention',
  'officer intervention',
  'community response',
] as const;

export const TREATMENT_TYPES = [
  'detox',
  'residential short-term',
  'residential long-term',
  'intensive outpatient',
  'outpatient',
  'MOUD methadone',
  'MOUD buprenorphine',
  'MOUD naltrexone',
  'recovery support',
  'none',
] as const;

export const encounters: KindDef = {
  id: 'encounters',
  label: 'Program encounters',
  description: 'One row per visit or contact with the deflection program.',
  table: 'encounters',
  signature: ['participant id', 'pathway', 'placement date', 'engaged 30d', 'treatment type'],
  fields: [
    { name: 'encounter_id', label: 'Encounter ID', type: 'text', required: true, unique: true,
      synonyms: ['encounter id', 'visit id', 'contact id', 'encounter number', 'encounter', 'record id'] },
    { name: 'participant_id', label: 'Participant (pseudonym)', type: 'text', required: true,
      synonyms: ['participant id', 'participant', 'person id', 'client id', 'pseudonym', 'subject id', 'participant pseudonym'] },
    { name: 'encounter_date', label: 'Encounter date', type: 'datetime', required: true,
      synonyms: ['encounter date', 'visit date', 'contact date', 'date of contact', 'intake date', 'encounter datetime', 'date'] },
    { name: 'agency', label: 'Agency', type: 'text', synonyms: ['agency', 'department', 'police department', 'agency name'] },
    { name: 'pathway', label: 'Pathway', type: 'text', values: PATHWAYS,
      synonyms: ['pathway', 'referral pathway', 'deflection pathway', 'pathway type', 'entry point'] },
    { name: 'age_band', label: 'Age band', type: 'text', synonyms: ['age band', 'age group', 'age range'] },
    { name: 'sex', label: 'Sex', type: 'text', synonyms: ['sex', 'gender'] },
    { name: 'race_ethnicity', label: 'Race / ethnicity', type: 'text',
      synonyms: ['race ethnicity', 'race', 'ethnicity', 'race and ethnicity'] },
    { name: 'residence', label: 'Residence (town or 3-digit ZIP)', type: 'text',
      synonyms: ['residence', 'town', 'home town', 'city of residence', 'zip3', 'residence town'] },
    { name: 'primary_substance', label: 'Primary substance', type: 'text',
      synonyms: ['primary substance', 'substance', 'drug of choice', 'primary drug'] },
    { name: 'eligible', label: 'Eligible', type: 'boolean', synonyms: ['eligible', 'eligibility', 'is eligible'] },
    { name: 'ineligible_reason', label: 'Reason not eligible', type: 'text',
      synonyms: ['ineligible reason', 'reason ineligible', 'ineligibility reason', 'reason not eligible'] },
    { name: 'placement_offered', label: 'Placement offered', type: 'boolean',
      synonyms: ['placement offered', 'offered placement', 'offered treatment', 'treatment offered'] },
    { name: 'placement_date', label: 'Placement date', type: 'datetime',
      synonyms: ['placement date', 'date placed', 'placed date', 'treatment start', 'admission date', 'placement datetime'] },
    { name: 'treatment_type', label: 'Treatment type', type: 'text', values: TREATMENT_TYPES,
      synonyms: ['treatment type', 'treatment', 'level of care', 'placement type'] },
    { name: 'provider', label: 'Provider (pseudonym)', type: 'text', synonyms: ['provider', 'treatment provider', 'facility'] },
    { name: 'engaged_30d', label: 'Engaged at 30 days', type: 'yesNoUnknown',
      synonyms: ['engaged 30d', 'engaged 30 days', 'engaged at 30 days', 'engagement 30d', 'retained 30 days', 'engaged'] },
    { name: 'naloxone_kit_given', label: 'Naloxone kit given', type: 'boolean',
      synonyms: ['naloxone kit given', 'naloxone kit', 'narcan kit given', 'narcan kit'] },
  ],
  checks: [
    { column: 'placement_date', severity: 'error', needs: ['placement_date', 'encounter_date'],
      condition: (f) => `${f('placement_date')} < ${f('encounter_date')}`,
      message: 'The placement date is before the encounter date.',
      fix: 'Correct the date in your records system and export again.' },
  ],
};

export const costs: KindDef = {
  id: 'costs',
  label: 'Cost ledger',
  description: 'One row per expense: date, amount, category and funding source.',
  table: 'costs',
  signature: ['amount', 'funding source', 'category'],
  fields: [
    { name: 'date', label: 'Date', type: 'date', required: true,
      synonyms: ['date', 'expense date', 'transaction date', 'posted date', 'invoice date'] },
    { name: 'amount', label: 'Amount (USD)', type: 'number', required: true,
      synonyms: ['amount', 'cost', 'amount usd', 'expense', 'total', 'usd'] },
    { name: 'category', label: 'Category', type: 'text', values: ['treatment', 'transport', 'naloxone', 'staff', 'other'],
      synonyms: ['category', 'cost category', 'expense category', 'type'] },
    { name: 'funding_source', label: 'Funding source', type: 'text',
      synonyms: ['funding source', 'fund', 'funding', 'grant', 'source of funds'] },
    { name: 'encounter_id', label: 'Encounter ID', type: 'text', synonyms: ['encounter id', 'visit id'] },
  ],
  checks: [
    // A refund or a reversed charge is a real negative amount: kept, but said, since it lowers the totals.
    { column: 'amount', severity: 'warning', needs: ['amount'],
      condition: (f) => `${f('amount')} < 0`,
      message: 'The amount is negative; loaded as written, so it lowers the cost totals (as a refund or correction would).',
      fix: 'If it is not a refund or correction, correct the amount in the ledger and load the file again.' },
  ],
};

export const naloxone: KindDef = {
  id: 'naloxone',
  label: 'Naloxone log',
  description: 'One row per naloxone administration by officers.',
  table: 'naloxone',
  signature: ['doses', 'outcome'],
  fields: [
    { name: 'date', label: 'Date', type: 'date', required: true,
      synonyms: ['date', 'administration date', 'incident date', 'event date'] },
    { name: 'agency', label: 'Agency', type: 'text', synonyms: ['agency', 'department'] },
    { name: 'doses', label: 'Doses', type: 'integer', required: true,
      synonyms: ['doses', 'number of doses', 'doses administered', 'naloxone doses'] },
    { name: 'outcome', label: 'Outcome', type: 'text', values: ['survived', 'transported', 'died', 'unknown'],
      synonyms: ['outcome', 'result', 'patient outcome'] },
  ],
};

import { describe, expect, it } from 'vitest';
import { KINDS, kindById, type KindDef } from '../../../src/ingest/kinds/index.ts';
import { normaliseHeader, proposeMapping } from '../../../src/ingest/mapping.ts';
import { isConfident, recognise } from '../../../src/ingest/recognise.ts';

/** Which field each header feeds (null: none), as `proposeMapping` decides. */
function fedBy(kind: KindDef, headers: readonly string[]): Record<string, string | null> {
  const { columns } = proposeMapping(kind, headers);
  const byHeader = new Map(Object.entries(columns).filter(([, h]) => h).map(([f, h]) => [h!, f]));
  return Object.fromEntries(headers.map((h) => [h, byHeader.get(h) ?? null]));
}

/** Header rows in the styles of real program exports, and the field each header must feed. */
const ENCOUNTER_EXPORTS: [string, Record<string, string | null>][] = [
  ['records-system contact log', {
    'Contact No.': 'encounter_id', 'Participant Code': 'participant_id', 'Date Seen': 'encounter_date',
    'Referral Source': 'pathway', 'Level of Care': 'treatment_type', 'Date Placed': 'placement_date',
    'Treatment Facility': 'provider', 'Gender': 'sex', 'Race': 'race_ethnicity', 'Town': 'residence',
  }],
  // SAMHSA TEDS public-use file: coded columns; ETHNIC is second to RACE, METHUSE is a flag, not a level of care.
  ['TEDS public-use file', {
    'CASEID': 'encounter_id', 'STFIPS': null, 'ADMYR': null, 'SERVICES': 'treatment_type', 'PSOURCE': 'pathway',
    'SUB1': 'primary_substance', 'GENDER': 'sex', 'RACE': 'race_ethnicity', 'ETHNIC': null, 'METHUSE': null,
  }],
  ['TEDS-style state treatment extract', {
    'Client ID': 'participant_id', 'Date of Admission': 'placement_date', 'Type of Service': 'treatment_type',
    'Source of Referral': 'pathway', 'Primary Substance Problem': 'primary_substance', 'Sex': 'sex',
    'Race': 'race_ethnicity', 'Ethnicity': null,
  }],
  // A PAARI / ANGEL station log. "Placed (Y/N)" says placement happened, not that it was offered.
  ['ANGEL program intake log', {
    'Log No.': 'encounter_id', 'Date': 'encounter_date', 'Time': null, 'Officer': null, 'Dept': 'agency',
    'Participant Code': 'participant_id', 'Referral Type': 'pathway', 'Eligible (Y/N)': 'eligible',
    'Reason Not Eligible': 'ineligible_reason', 'Placed (Y/N)': null, 'Date Placed': 'placement_date',
    'Placed At': 'provider', 'Level of Care': 'treatment_type', 'MAT': null, 'Town of Residence': 'residence',
    'Drug of Choice': 'primary_substance', 'Hispanic/Latino': null, 'Race': 'race_ethnicity',
    'Narcan Kit Given': 'naloxone_kit_given',
  }],
  // HUD HMIS CSV export (Enrollment.csv, with Client.csv columns joined).
  ['HMIS CSV export', {
    EnrollmentID: 'encounter_id', PersonalID: 'participant_id', ProjectID: null, EntryDate: 'encounter_date',
    ExitDate: null, RelationshipToHoH: null, DateCreated: null,
  }],
  ['HMIS report', {
    'Enrollment ID': 'encounter_id', 'Client ID': 'participant_id', 'Project Start Date': 'encounter_date',
    'Project Exit Date': null, 'Race and Ethnicity': 'race_ethnicity', 'Gender': 'sex',
  }],
  // One row per participant: there is no encounter ID, so it stays to be chosen.
  ['one row per participant', {
    'Client ID': 'participant_id', 'Intake Date': 'encounter_date', 'Placement Date': 'placement_date',
    'Treatment Type': 'treatment_type', 'Provider': 'provider', 'Engaged at 30 Days': 'engaged_30d',
    'Age Group': 'age_band', 'Sex': 'sex', 'Race/Ethnicity': 'race_ethnicity',
  }],
  ['Hope Not Handcuffs-style referral sheet', {
    'Referral No.': 'encounter_id', 'Referral Date': 'encounter_date', 'Referred By': 'pathway',
    'Police Department': 'agency', 'Client #': 'participant_id', 'Substance of Choice': 'primary_substance',
    'Treatment Center': 'provider', 'Date Admitted': 'placement_date', 'Insurance': null, 'Angel': null,
  }],
  ['case-management export', {
    'Contact ID': 'encounter_id', 'Participant ID': 'participant_id', 'Contact Date': 'encounter_date',
    'Pathway': 'pathway', 'Eligibility': 'eligible', 'Referred to Treatment': 'placement_offered',
    'Treatment Start Date': 'placement_date', 'Level of Care': 'treatment_type', 'Treatment Provider': 'provider',
    '30 Day Engagement': 'engaged_30d', 'Naloxone Kit Provided': 'naloxone_kit_given', 'Age Range': 'age_band',
    'Gender Identity': 'sex', 'Race and Ethnicity': 'race_ethnicity', 'City of Residence': 'residence',
    'Primary Drug': 'primary_substance', 'Notes': null,
  }],
];

describe('program header synonyms', () => {
  it.each(ENCOUNTER_EXPORTS)('%s', (_name, expected) => {
    expect(fedBy(kindById('encounters'), Object.keys(expected))).toEqual(expected);
  });

  it('cost ledgers and naloxone logs', () => {
    const ledger = { 'Date Paid': 'date', 'Vendor': null, 'Expense Type': 'category', 'Amount Paid': 'amount',
      'Grant': 'funding_source', 'Encounter #': 'encounter_id' };
    expect(fedBy(kindById('costs'), Object.keys(ledger))).toEqual(ledger);
    const accounts = { 'Transaction Date': 'date', 'Budget Category': 'category', 'Expenditure': 'amount',
      'Funding Stream': 'funding_source', 'Description': null };
    expect(fedBy(kindById('costs'), Object.keys(accounts))).toEqual(accounts);
    const log = { 'Date Administered': 'date', 'Dept': 'agency', '# of Doses': 'doses', 'Outcome': 'outcome' };
    expect(fedBy(kindById('naloxone'), Object.keys(log))).toEqual(log);
    const ems = { 'Incident Date': 'date', 'Agency Name': 'agency', 'Narcan Doses': 'doses', 'Patient Disposition': 'outcome' };
    expect(fedBy(kindById('naloxone'), Object.keys(ems))).toEqual(ems);
  });

  it('the program export of mapping.test is still recognised and mapped the same', () => {
    const [best] = recognise(['Visit ID', 'Client ID', 'Contact Date', 'Referral Pathway', 'Date Placed', 'Level of Care', 'Notes']);
    expect(best!.kind.id).toBe('encounters');
    expect(best!.mapping.columns).toMatchObject({
      encounter_id: 'Visit ID', participant_id: 'Client ID', encounter_date: 'Contact Date',
      pathway: 'Referral Pathway', placement_date: 'Date Placed', treatment_type: 'Level of Care',
    });
  });

  it('synonyms are in normal form and each names one field of its kind', () => {
    for (const kind of KINDS.filter((k) => ['encounters', 'costs', 'naloxone'].includes(k.id))) {
      const owner = new Map<string, string>();
      for (const f of kind.fields) {
        for (const s of [normaliseHeader(f.name), ...f.synonyms]) {
          expect(normaliseHeader(s), `${kind.id}.${f.name}: ${s}`).toBe(s);
          expect(owner.get(s) ?? f.name, `${kind.id}: "${s}" in two fields`).toBe(f.name);
          owner.set(s, f.name);
        }
      }
    }
  });
});

/** Headers of the crime and overdose files the ingest tests load (real public exports and samples), with
 *  the kind each is recognised as. The program kinds must stay far behind. */
const FOREIGN: [string, string, string[]][] = [
  ['Durham incidents', 'crime_incidents', ['id', 'date', 'location', 'general_type_crime', 'specific_type_crime', 'incident_number']],
  ['PA ODIN', 'overdose_incidents', ('Incident ID,Incident Date,Incident Time,Day,Incident County Name,Incident State,Victim ID,'
    + 'Gender Desc,Age Range,Race,Ethnicity Desc,Victim State,Victim County,Incident County FIPS Code,Naloxone Administered,'
    + 'Response Time Desc,Survive,COCAINE/CRACK,HEROIN,FENTANYL').split(',')],
  ['RTCI', 'crime_monthly_wide', ['date', 'agency_name', 'agency_abbr', 'state_name', 'agency_full', 'aggravated_assault',
    'burglary', 'motor_vehicle_theft', 'murder', 'rape', 'robbery', 'theft', 'violent_crime', 'property_crime', 'month_year',
    'state_abbr', 'Last Updated']],
  ['CDC VSRR', 'cdc_vsrr', ['State', 'Year', 'Month', 'Period', 'Indicator', 'Data Value', 'Percent Complete',
    'Percent Pending Investigation', 'State Name', 'Footnote', 'Footnote Symbol', 'Predicted Value']],
  ['CDC WONDER', 'cdc_wonder', ['Notes', 'County', 'County Code', 'Year', 'Year Code', 'Deaths', 'Population', 'Crude Rate']],
  ['CDC VSRR county', 'cdc_vsrr_county', ('Data as of,Year,Month,ST_ABBREV,STATE_NAME,COUNTYNAME,FIPS,STATEFIPS,COUNTYFIPS,'
    + 'CODE2013,Provisional Drug Overdose Deaths,Footnote,Percentage Of Records Pending Investigation,'
    + 'HistoricalDataCompletenessNote,MonthEndingDate,Start Date,End Date').split(',')],
  ['sample crime incidents', 'crime_incidents', ['incident_id', 'date', 'offense', 'nibrs_code', 'agency']],
  ['sample monthly crime', 'crime_monthly_long', ['month', 'agency', 'offense', 'count']],
  ['Medford long layout', 'crime_monthly_long', ['month', 'ori', 'agency_name', 'state', 'offense', 'count']],
  ['sample monthly overdoses', 'overdose_monthly', ['month', 'area', 'fatal', 'nonfatal']],
  ['town overdose counts', 'overdose_monthly', ['Month', 'City', 'Fatal', 'Non-Fatal', 'Total']],
  ['police RMS incidents', 'crime_incidents', ['Case Number', 'Report Date', 'Offense Description', 'Agency', 'Disposition', 'Location']],
];

describe('crime and overdose files are not taken for program files', () => {
  it.each(FOREIGN)('%s', (_name, kind, headers) => {
    const cands = recognise(headers);
    expect([cands[0]!.kind.id, isConfident(cands)]).toEqual([kind, true]);
    for (const c of cands.filter((x) => ['encounters', 'costs', 'naloxone'].includes(x.kind.id))) {
      expect(c.score, c.kind.id).toBeLessThan(0.2);
    }
  });
});

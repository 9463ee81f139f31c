import { describe, expect, it } from 'vitest';
import { kindById } from '../../../src/ingest/kinds/index.ts';
import { applySavedMapping, missingRequired, normaliseHeader, proposeMapping } from '../../../src/ingest/mapping.ts';
import { isConfident, recognise } from '../../../src/ingest/recognise.ts';

describe('column mapping by synonyms', () => {
  it('normalises headers', () => {
    expect(normaliseHeader('\uFEFFData Value')).toBe('data value');
    expect(normaliseHeader('Race/Ethnicity')).toBe('race ethnicity');
    expect(normaliseHeader('  agency_full ')).toBe('agency full');
  });

  it('maps a program export with other column names', () => {
    const headers = ['Visit ID', 'Client ID', 'Contact Date', 'Referral Pathway', 'Date Placed', 'Level of Care', 'Notes'];
    const [best] = recognise(headers);
    expect(best!.kind.id).toBe('encounters');
    expect(best!.mapping.columns).toMatchObject({
      encounter_id: 'Visit ID', participant_id: 'Client ID', encounter_date: 'Contact Date',
      pathway: 'Referral Pathway', placement_date: 'Date Placed', treatment_type: 'Level of Care',
    });
    expect(best!.missing).toEqual([]);
  });

  it('lists what a kind lacks', () => {
    const m = proposeMapping(kindById('costs'), ['when', 'amount']);
    expect(missingRequired(kindById('costs'), m)).toEqual(['Date']);
  });

  it('is not confident about a file that fits nothing', () => {
    expect(isConfident(recognise(['dish', 'price']))).toBe(false);
  });

  it('re-applies a saved mapping to a new export, keeping only columns that exist', () => {
    const kind = kindById('encounters');
    const saved = proposeMapping(kind, ['ID', 'Person', 'When']);
    saved.columns.encounter_id = 'ID';
    saved.columns.participant_id = 'Person';
    saved.columns.encounter_date = 'When';
    const again = applySavedMapping(kind, saved, ['ID', 'Person', 'When', 'pathway']);
    // A field the saved mapping left out stays out: the user's choice wins over a synonym.
    expect(again.columns).toMatchObject({ encounter_id: 'ID', participant_id: 'Person', encounter_date: 'When', pathway: null });
    const gone = applySavedMapping(kind, saved, ['Person', 'When']);
    expect(gone.columns.encounter_id).toBeNull();
  });
});

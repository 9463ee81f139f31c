import { describe, expect, it } from 'vitest';
import { ageBand, foldGroups, residenceGroup } from '../../../src/snapshot/groups.ts';

describe('public groups', () => {
  it('age: standard bands with 65+ on top, placed by the lower bound', () => {
    expect(['17', 'under 18', '18-24', '18–24', '25 to 34', '37', '60-69', '65-74', '75+', '85 and over', '65+'].map(ageBand))
      .toEqual(['under 18', 'under 18', '18-24', '18-24', '25-34', '35-44', '55-64', '65+', '65+', '65+', '65+']);
    expect(['', null, 'unknown', '999'].map(ageBand)).toEqual(['not recorded', 'not recorded', 'not recorded', 'not recorded']);
  });
  it('residence: a town name or a 3-digit ZIP, nothing else', () => {
    expect(['01930', '01930-1234', '019', 'Harbor Point', "Coeur d'Alene", 'São Paulo'].map(residenceGroup))
      .toEqual(['019xx', '019xx', '019xx', 'Harbor Point', "Coeur d'Alene", 'São Paulo']);
    expect(['Main Street', 'Apt above Joes Pizza', 'County Jail', 'Harbor Point Shelter'].map(residenceGroup)).toEqual(['other', 'other', 'other', 'other']);
    expect(['12 Main St', 'Apt 4, Elm', 'lives with mother near the pier and the old mill by the river', 'x@y.org', ''].map(residenceGroup))
      .toEqual(['other', 'other', 'other', 'other', 'not recorded']);
  });
  it('folds values into groups, standard ones first and with zeros, then others, "not recorded" last', () => {
    const rows = [{ value: '37', people: 2 }, { value: '35-44', people: 3 }, { value: null, people: 1 }, { value: '70', people: 4 }];
    expect(foldGroups(rows, ageBand, ['under 18', '35-44', '65+'])).toEqual([
      { key: 'under 18', people: 0 }, { key: '35-44', people: 5 }, { key: '65+', people: 4 }, { key: 'not recorded', people: 1 }]);
  });
});

import { describe, expect, it } from 'vitest';
import { detectDateFormats } from '../../../src/ingest/dateFormats.ts';

describe('detectDateFormats', () => {
  it.each([
    [['2024-01-05', '2024-12-31'], ['%Y-%m-%d']],
    [['2022-03-01 18:07', '2022-03-06 11:32'], ['%Y-%m-%d %H:%M']],
    [['Jan  1 2013', 'Mar 14 2013'], ['%b %d %Y']],
    [['01/04/2018', '12/26/2018'], ['%m/%d/%Y']],
    [['25/04/2018', '01/05/2018'], ['%d/%m/%Y']],
    [['2024-01', '2024-02'], ['%Y-%m']],
    [['', 'x'], []],
  ])('%j -> %j', (values, formats) => {
    expect(detectDateFormats(values).formats).toEqual(formats);
  });

  it('flags day/month order it cannot settle', () => {
    expect(detectDateFormats(['01/04/2018', '03/02/2018']).ambiguousDayMonth).toBe(true);
    expect(detectDateFormats(['01/24/2018']).ambiguousDayMonth).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { applyDateOrder, DATE_ORDER, dateOrderExamples, dateOrderNote, readAs } from '../../../src/ingest/dateOrder.ts';
import { kindById } from '../../../src/ingest/kinds/index.ts';
import { applySavedMapping, withDateOrder } from '../../../src/ingest/mapping.ts';
import { notReadyProblem, prepare, waitsForAnswer, type Prepared } from '../../../src/ingest/prepare.ts';
import { problemText } from '../../../src/ingest/problems.ts';
import { sniffBytes } from '../../../src/ingest/sniff.ts';

/** Prepares a CSV text as the Data page does (asking), with an optional choice. */
function prep(name: string, text: string, choice?: Parameters<typeof prepare>[3], opts?: Parameters<typeof prepare>[4]) {
  const bytes = new TextEncoder().encode(text);
  const p = prepare(name, bytes.length, sniffBytes(name, bytes, bytes.length), choice, opts);
  if (!p.ok) throw new Error(p.problem.message);
  return p;
}

const questions = (p: Extract<Prepared, { ok: true }>) => p.plan.sniffed.warnings.filter((w) => w.code === DATE_ORDER);

/** Two date columns, both ambiguous (every part 12 or less). */
const ENCOUNTERS = 'encounter_id,participant_id,encounter_date,placement_date,pathway\n'
  + 'E1,P1,03/04/2024 10:00,03/05/2024 09:00,self-referral\nE2,P2,05/05/2024 11:00,,active outreach\nE3,P3,06/07/2024 08:30,07/07/2024 12:00,self-referral\n';

describe('reading a slash date both ways', () => {
  it('says a value in words, month/day and day/month', () => {
    expect(readAs('03/04/2024', 'mdy')).toBe('March 4, 2024');
    expect(readAs('03/04/2024', 'dmy')).toBe('3 April 2024');
    expect(readAs('3/4/2024 10:00', 'dmy')).toBe('3 April 2024');
    expect(readAs('13/04/2024', 'mdy')).toBeNull();
    expect(readAs('2024-03-04', 'mdy')).toBeNull();
  });

  it('picks up to three different examples, leaving out ones that read the same either way', () => {
    expect(dateOrderExamples(['05/05/2024', '03/04/2024', '03/04/2024', ' 01/02/2024 ', '', '06/07/2024', '08/09/2024']).map((e) => e.value))
      .toEqual(['03/04/2024', '01/02/2024', '06/07/2024']);
    expect(dateOrderExamples(['05/05/2024'])).toEqual([{ value: '05/05/2024', mdy: 'May 5, 2024', dmy: '5 May 2024' }]);
  });

  it('turns the detected formats around for day/month, times included', () => {
    expect(applyDateOrder(['%m/%d/%Y %H:%M', '%Y-%m-%d'], 'dmy')).toEqual(['%d/%m/%Y %H:%M', '%Y-%m-%d']);
    expect(applyDateOrder(['%m/%d/%Y'], 'mdy')).toEqual(['%m/%d/%Y']);
  });

  it('the load report names the order the user chose, with an example read that way', () => {
    const ex = dateOrderExamples(['03/04/2024']);
    expect(problemText(dateOrderNote('f.csv', 'when', 'mdy', ex))).toBe('f.csv, column "when": Dates were read as month/day (MM/DD/YYYY), '
      + 'as you chose for this column: "03/04/2024" is March 4, 2024. If that is wrong, remove the file, add it again and choose day/month.');
    expect(dateOrderNote('f.csv', 'when', undefined, ex).message).toBe('Every date in this column could be month/day or day/month; they were read as month/day (US).');
  });
});

describe('the day/month question in the plan', () => {
  it('asks once per ambiguous column, naming the file and the column, and holds the file back', () => {
    const p = prep('visits.csv', ENCOUNTERS);
    expect(p.plan.ambiguousDates).toEqual(['encounter_date', 'placement_date']);
    expect(questions(p).map(problemText)).toEqual([
      'visits.csv, column "encounter_date": Every date in this column could be month/day or day/month (for example "03/04/2024 10:00" is March 4, 2024 or 3 April 2024), '
        + 'so the file waits until you say which. Choose how column "encounter_date" writes its dates, then load.',
      'visits.csv, column "placement_date": Every date in this column could be month/day or day/month (for example "03/05/2024 09:00" is March 5, 2024 or 3 May 2024), '
        + 'so the file waits until you say which. Choose how column "placement_date" writes its dates, then load.',
    ]);
    expect(notReadyProblem(p)?.code).toBe(DATE_ORDER);
    expect(waitsForAnswer(p)).toBe(true);
    expect(p.plan.dateExamples.encounter_date!.map((e) => e.value)).toEqual(['03/04/2024 10:00', '06/07/2024 08:30']);
  });

  it('an answer for one column leaves the other asked; both answered, the file is ready and read that way', () => {
    const p = prep('visits.csv', ENCOUNTERS);
    const one = prep('visits.csv', ENCOUNTERS, { kind: 'encounters', mapping: withDateOrder(p.plan.mapping, { encounter_date: 'dmy' }) });
    expect(questions(one).map((q) => q.column)).toEqual(['placement_date']);
    expect(one.plan.formats.encounter_date).toEqual(['%d/%m/%Y %H:%M']);
    expect(one.plan.formats.placement_date).toEqual(['%m/%d/%Y %H:%M']);
    const both = prep('visits.csv', ENCOUNTERS, { kind: 'encounters', mapping: withDateOrder(one.plan.mapping, { placement_date: 'dmy' }) });
    expect(notReadyProblem(both)).toBeNull();
    expect(waitsForAnswer(both)).toBe(false);
    expect(both.plan.formats.placement_date).toEqual(['%d/%m/%Y %H:%M']);
    expect(both.plan.mapping.dateOrder).toEqual({ encounter_date: 'dmy', placement_date: 'dmy' });
  });

  it('a saved mapping (a kept file restored, a saved profile) brings its answers: it does not ask again', () => {
    const kind = kindById('encounters');
    const first = prep('visits.csv', ENCOUNTERS);
    const saved = JSON.parse(JSON.stringify(withDateOrder(first.plan.mapping, { encounter_date: 'dmy', placement_date: 'mdy' })));
    const again = prep('visits.csv', ENCOUNTERS, { kind: 'encounters', mapping: saved });
    expect(questions(again)).toEqual([]);
    expect(again.plan.formats).toMatchObject({ encounter_date: ['%d/%m/%Y %H:%M'], placement_date: ['%m/%d/%Y %H:%M'] });
    // Answers for columns the new export lacks, or that are not an order, are dropped.
    const odd = applySavedMapping(kind, { ...saved, dateOrder: { encounter_date: 'dmy', gone: 'dmy', placement_date: 'ymd' } },
      ['encounter_id', 'participant_id', 'encounter_date', 'placement_date']);
    expect(odd.dateOrder).toEqual({ encounter_date: 'dmy' });
  });

  it('dates that prove their order win over a saved answer, and are not asked about', () => {
    const proven = ENCOUNTERS.replace('06/07/2024 08:30', '06/27/2024 08:30');
    const p = prep('visits.csv', proven, { kind: 'encounters', mapping: withDateOrder(prep('visits.csv', ENCOUNTERS).plan.mapping, { encounter_date: 'dmy' }) });
    expect(p.plan.ambiguousDates).toEqual(['placement_date']);
    expect(p.plan.formats.encounter_date).toEqual(['%m/%d/%Y %H:%M']);
    expect(questions(p).map((q) => q.column)).toEqual(['placement_date']);
  });

  it('non-interactive preparation reads month/day without asking', () => {
    const p = prep('visits.csv', ENCOUNTERS, undefined, { unansweredDateOrder: 'mdy' });
    expect(questions(p)).toEqual([]);
    expect(notReadyProblem(p)).toBeNull();
    expect(p.plan.ambiguousDates).toEqual(['encounter_date', 'placement_date']);
    expect(p.plan.formats.encounter_date).toEqual(['%m/%d/%Y %H:%M']);
  });
});

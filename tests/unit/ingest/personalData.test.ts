import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectPersonalData, fullDate, looksLikeName, mask } from '../../../src/ingest/personalData.ts';
import { vouchNotPersonal } from '../../../src/ingest/mapping.ts';
import {
  dropColumns, notReadyProblem, personalDataColumns, PERSONAL_DATA, PERSONAL_DATA_REFUSED, PERSONAL_DATA_UNMAPPED, PERSONAL_DATA_VOUCHED,
  prepare, waitsForAnswer,
} from '../../../src/ingest/prepare.ts';
import { problemText } from '../../../src/ingest/problems.ts';
import { loadFile } from '../../../src/ingest/load.ts';
import { sniffBytes } from '../../../src/ingest/sniff.ts';
import { PUBLIC, SAMPLE, prepareFile, tempFile, testDb } from '../../helpers/node.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/personal/identifiers.csv', import.meta.url));
const PROVIDERS = fileURLToPath(new URL('../../fixtures/personal/provider-names.csv', import.meta.url));

/** Findings for one column of values, as kind or null. */
function kindOf(values: string[], header = 'column'): string | null {
  const f = detectPersonalData([header], values.map((v) => [v]), new Date('2025-06-01'));
  return f[0]?.kind ?? null;
}

const rep = (vs: string[], n = 10) => Array.from({ length: n }, (_, i) => vs[i % vs.length]!);

describe('detectors', () => {
  it('email addresses', () => {
    expect(kindOf(rep(['jane.doe@example.com', 'bob@example.org', 'x_y+z@mail.example.com']))).toBe('email');
    expect(kindOf(rep(['Harbor Point PD', 'n/a', 'www.example.com']))).toBeNull();
  });
  it('US phone numbers, but not IDs, FIPS codes or dates', () => {
    expect(kindOf(rep(['(555) 555-0100', '555-555-0199', '555.555.0123', '+1 555 555 0142']))).toBe('phone');
    expect(kindOf(rep(['5555550100', '13000009', '2013-01-01', '25991', '12-345-6789']))).toBeNull();
  });
  it('SSNs, and 9-digit numbers only under an SSN header', () => {
    expect(kindOf(rep(['000-12-3456', '000-98-7654']))).toBe('ssn');
    expect(kindOf(rep(['000123456', '000987654']), 'SSN')).toBe('ssn');
    expect(kindOf(rep(['000123456', '000987654']), 'incident number')).toBeNull();
  });
  it('street addresses, but not towns, agencies or providers', () => {
    expect(kindOf(rep(['123 Main St', '45 Elm Street, Harbor Point', '3205 UNIVERSITY DR', '600 HOMELAND AVE', 'PO Box 12']))).toBe('address');
    expect(kindOf(rep(['Harbor Point', 'Gannet Bay', 'Bay County', '019', 'Provider 01', '1st Avenue Clinic']))).toBeNull();
  });
  it('person names, in either order and in capitals', () => {
    expect(looksLikeName('Maria Example')).toBe(true);
    expect(looksLikeName('John Q. Public')).toBe(true);
    expect(looksLikeName('EXAMPLE, MARIA')).toBe(true);
    expect(kindOf(rep(['Maria Example', 'James Sample', 'LINDA ROE', 'Doe, John']))).toBe('name');
    expect(kindOf(rep(['Maria', 'James', 'Linda']), 'First Name')).toBe('name');
    expect(kindOf(rep(['Example', 'Sample', 'Roe']), 'last_name')).toBe('name');
  });
  it('agencies, pathways, towns, counties and states are not names', () => {
    for (const vs of [
      ['Harbor Point PD', 'Bay County Sheriff', 'Gannet Bay PD', 'Charlotte-Mecklenburg PD', 'Boston, Massachusetts'],
      ['self-referral', 'officer intervention', 'naloxone plus', 'active outreach'],
      ['Harbor Point', 'Gannet Bay', 'Lake Charles', 'Mount Vernon', 'Port Arthur', 'Fort Worth'],
      ['Alamance County, NC', 'Durham County, NC', 'Wake County, NC'],
      ['James River Clinic', 'Mary Hospital', 'George Washington University'],
      ['Massachusetts', 'North Carolina', 'Pennsylvania'],
      ['female', 'male', 'Female', 'Male'], ['Provider 01', 'Provider 08'],
    ]) expect(kindOf(rep(vs)), vs.join()).toBeNull();
    // A column named "agency name" or "county name" is not a person's name.
    expect(kindOf(rep(['Durham', 'Raleigh']), 'agency name')).toBeNull();
  });
  it('dates of birth: by header, against another date on the row, or spread over decades', () => {
    expect(kindOf(rep(['1985-03-13', '04/17/1990', '2001-12-01']), 'DOB')).toBe('birth-date');
    expect(kindOf(rep(['1985', '1990']), 'birth year')).toBeNull();
    const rows = [['1985-03-13', '2023-01-02 10:00'], ['1962-07-01', '2023-02-03'], ['1999-11-30', '2023-03-04'], ['2001-01-01', '2023-05-06']];
    expect(detectPersonalData(['d1', 'when'], rows).map((f) => [f.column, f.kind])).toEqual([['d1', 'birth-date']]);
    expect(kindOf(['1950-01-02', '1961-05-06', '1972-03-04', '1983-08-09', '1994-10-11', '1999-12-31'])).toBe('birth-date');
  });
  it('encounter, placement and incident dates are not dates of birth', () => {
    const rows = [['2022-03-01 18:07', '2022-03-02 03:04'], ['2022-03-06', '2022-03-06'], ['2013-01-01', '2013-02-01'], ['2024-07-01', '']];
    expect(detectPersonalData(['encounter_date', 'placement_date'], rows)).toEqual([]);
    expect(kindOf(rep(['2013-01-01', '2013-06-30', '2013-12-31', 'Jan  1 2013']))).toBeNull();
    expect(kindOf(rep(['2006-01-01', '2017-12-31']), 'date')).toBeNull();
  });
  it('free-text case notes, but not short codes or a repeated footnote', () => {
    expect(kindOf(Array.from({ length: 10 }, (_, i) => `Client met officer at the station and asked for detox, visit ${i}.`))).toBe('notes');
    expect(kindOf(rep(['Numbers may differ from published reports using final data.']))).toBeNull();
    expect(kindOf(rep(['active warrant', 'outside service area', 'declined', 'Theft From Motor Vehicle']))).toBeNull();
  });
  it('needs a share of the values, not one stray match', () => {
    expect(kindOf(['jane@example.com', ...rep(['ok'], 9)])).toBeNull();
    expect(kindOf(['jane@example.com', 'bob@example.com', 'x@example.com', ...rep(['ok'], 7)])).toBe('email');
  });
  it('masks the example it shows', () => {
    expect(mask('Maria Example')).toBe('M•••• E••••••');
    expect(mask('(555) 555-0100')).toBe('(•••) •••-••••');
    expect(fullDate('13/04/1990')?.toISOString().slice(0, 10)).toBe('1990-04-13');
  });
  it('flags nothing in the sample program and the public files, except Durham\'s unmapped block addresses', () => {
    for (const dir of [SAMPLE, PUBLIC]) {
      for (const f of readdirSync(dir).filter((n) => /\.(csv|tsv)$/.test(n))) {
        const p = prepareFile(dir + f);
        if (!p.ok) continue;
        expect(p.plan.sniffed.warnings.filter((w) => w.code === PERSONAL_DATA), f).toEqual([]);
        const unmapped = p.plan.sniffed.warnings.filter((w) => w.code === PERSONAL_DATA_UNMAPPED).map((w) => w.message);
        if (f.startsWith('durham')) expect(unmapped.join()).toContain('"location" (street addresses)');
        else expect(unmapped, f).toEqual([]);
      }
    }
  });
});

describe('the fixture full of fake identifiers', () => {
  it('finds every identifying column by its values', () => {
    const p = prepareFile(FIXTURE);
    if (!p.ok) throw new Error('not ok');
    const found = detectPersonalData(p.plan.sniffed.header, p.plan.sniffed.sample).map((f) => `${f.column}:${f.kind}`);
    expect(found).toEqual(['client_name:name', 'date_of_birth:birth-date', 'residence:address', 'phone:phone',
      'email:email', 'ssn:ssn', 'ineligible_reason:notes', 'case_notes:notes']);
  });

  it('is held back while flagged columns are mapped, and loads once they are dropped', async () => {
    const p = prepareFile(FIXTURE);
    if (!p.ok) throw new Error('not ok');
    expect(p.plan.kind.id).toBe('encounters');
    const held = notReadyProblem(p);
    expect(held?.code).toBe(PERSONAL_DATA);
    expect(personalDataColumns(p)).toEqual(['residence', 'ineligible_reason']);
    const errors = p.plan.sniffed.warnings.filter((w) => w.code === PERSONAL_DATA);
    expect(errors[0]!.message).toContain('street addresses');
    expect(errors[0]!.message).toContain('"Residence (town or 3-digit ZIP)"');
    expect(errors[0]!.message).not.toContain('Elm Street');
    const unmapped = p.plan.sniffed.warnings.find((w) => w.code === PERSONAL_DATA_UNMAPPED)!;
    for (const c of ['client_name', 'date_of_birth', 'phone', 'email', 'ssn', 'case_notes']) expect(unmapped.message).toContain(`"${c}"`);

    // Loading anyway is refused: the error travels in the plan.
    const t = await testDb();
    const refused = await loadFile(t.db, t.conn, FIXTURE, p.plan);
    expect(refused.ok).toBe(false);
    expect(await t.conn.query('SELECT * FROM encounters')).toEqual([]);

    // Dropping the columns, prepared again as the Data page does.
    const sniff = { ok: true as const, sniffed: p.plan.sniffed };
    const dropped = prepare(p.file, p.plan.size, sniff, { kind: 'encounters', mapping: dropColumns(p.plan.mapping, personalDataColumns(p)) });
    if (!dropped.ok) throw new Error('not ok');
    expect(notReadyProblem(dropped)).toBeNull();
    expect(dropped.plan.mapping.columns.residence).toBeNull();
    const r = await loadFile(t.db, t.conn, FIXTURE, dropped.plan);
    expect(r.ok).toBe(true);
    expect(r.rowsLoaded).toBe(40);
    expect(r.ignored).toEqual(expect.arrayContaining(['client_name', 'residence', 'phone', 'email', 'ssn', 'case_notes', 'ineligible_reason']));
    const [c] = await t.conn.query<{ n: number; res: number; why: number }>('SELECT count(*) AS n, count(residence) AS res, count(ineligible_reason) AS why FROM encounters');
    expect(c).toEqual({ n: 40, res: 0, why: 0 });

    // Mapping a flagged column again holds it back again.
    const again = prepare(p.file, p.plan.size, sniff, { kind: 'encounters', mapping: { ...dropped.plan.mapping, columns: { ...dropped.plan.mapping.columns, provider: 'client_name' } } });
    if (!again.ok) throw new Error('not ok');
    expect(personalDataColumns(again)).toEqual(['client_name']);
  });

  it('dropping a required field\'s column leaves the usual missing-column problem', () => {
    const text = 'encounter_id,participant_id,encounter_date,pathway\n' +
      Array.from({ length: 8 }, (_, i) => `E${i},${['Maria Example', 'James Sample', 'Linda Roe'][i % 3]},2023-01-0${i + 1},self-referral`).join('\n') + '\n';
    const path = tempFile('names.csv', text);
    const p = prepareFile(path);
    if (!p.ok) throw new Error('not ok');
    expect(personalDataColumns(p)).toEqual(['participant_id']);
    const bytes = new TextEncoder().encode(text);
    const q = prepare('names.csv', bytes.length, sniffBytes('names.csv', bytes, bytes.length), { kind: 'encounters', mapping: dropColumns(p.plan.mapping, ['participant_id']) });
    if (!q.ok) throw new Error('not ok');
    expect(notReadyProblem(q)?.code).toBe('missing-columns');
    expect(personalDataColumns(q)).toEqual([]);
  });
});

describe('"this column is not personal data": the user vouches for a flagged column', () => {
  const ready = (p: ReturnType<typeof prepareFile>) => {
    if (!p.ok) throw new Error('not ok');
    return p;
  };

  it('treatment-centre names that read like person names: held back, then loaded once vouched for, with a warning naming the column', async () => {
    const p = ready(prepareFile(PROVIDERS));
    expect(p.plan.kind.id).toBe('encounters');
    expect(personalDataColumns(p)).toEqual(['provider']);
    expect(notReadyProblem(p)?.code).toBe(PERSONAL_DATA);
    const vouched = ready(prepareFile(PROVIDERS, { kind: 'encounters', mapping: vouchNotPersonal(p.plan.mapping, 'provider') }));
    expect(vouched.plan.mapping.notPersonal).toEqual(['provider']);
    expect(notReadyProblem(vouched)).toBeNull();
    expect(waitsForAnswer(vouched)).toBe(false);
    const t = await testDb();
    const r = await loadFile(t.db, t.conn, PROVIDERS, vouched.plan);
    expect(r.ok).toBe(true);
    expect(r.rowsLoaded).toBe(12);
    expect(r.problems.map(problemText)).toEqual(['provider-names.csv, column "provider": You vouched that this column is not personal data, so it is loaded as '
      + '"Provider (pseudonym)" although 10 of 12 values in the first rows look like person names (for example "G•••• H••••"). '
      + 'If "provider" does hold data about people, remove the file, add it again and drop the column.']);
    expect(r.problems[0]!.code).toBe(PERSONAL_DATA_VOUCHED);
    const providers = await t.conn.query<{ provider: string }>('SELECT DISTINCT provider FROM encounters ORDER BY 1');
    expect(providers.map((x) => x.provider)).toEqual(['Anna Jaques', 'Grace House', 'Henry Lodge', 'Lahey Behavioral Health', 'Victoria House']);
  });

  it('clears the hold for that column only', () => {
    const p = ready(prepareFile(FIXTURE));
    const one = ready(prepareFile(FIXTURE, { kind: 'encounters', mapping: vouchNotPersonal(p.plan.mapping, 'residence') }));
    expect(personalDataColumns(one)).toEqual(['ineligible_reason']);
    expect(notReadyProblem(one)?.column).toBe('ineligible_reason');
    expect(one.plan.sniffed.warnings.filter((w) => w.code === PERSONAL_DATA_VOUCHED).map((w) => w.column)).toEqual(['residence']);
  });

  it('is never honoured for Social Security numbers or email addresses, and says why', () => {
    const p = ready(prepareFile(FIXTURE));
    const mapping = { ...p.plan.mapping, columns: { ...p.plan.mapping.columns, residence: 'ssn', ineligible_reason: 'email' }, notPersonal: ['ssn', 'email'] };
    const q = ready(prepareFile(FIXTURE, { kind: 'encounters', mapping }));
    expect(personalDataColumns(q)).toEqual(['email', 'ssn']);
    const refused = q.plan.sniffed.warnings.filter((w) => w.code === PERSONAL_DATA_REFUSED);
    expect(refused.map((w) => w.column)).toEqual(['email', 'ssn']);
    for (const w of refused) {
      expect(w.severity).toBe('error');
      expect(w.message).toContain('Social Security numbers and email addresses have no place in these exports, so this column cannot be marked as not personal data.');
    }
    expect(q.plan.sniffed.warnings.some((w) => w.code === PERSONAL_DATA_VOUCHED)).toBe(false);
    expect(waitsForAnswer(q)).toBe(true);
    // Mapped without a voucher, they are refused the same way.
    const plain = ready(prepareFile(FIXTURE, { kind: 'encounters', mapping: { ...mapping, notPersonal: undefined } }));
    expect(plain.plan.sniffed.warnings.filter((w) => w.code === PERSONAL_DATA_REFUSED).map((w) => w.column)).toEqual(['email', 'ssn']);
  });

  it('travels with a saved mapping: a kept file restored does not hold back again', () => {
    const p = ready(prepareFile(PROVIDERS));
    const saved = JSON.parse(JSON.stringify(vouchNotPersonal(p.plan.mapping, 'provider')));
    const restored = ready(prepareFile(PROVIDERS, { kind: 'encounters', mapping: saved }));
    expect(notReadyProblem(restored)).toBeNull();
    // A voucher for a column the export no longer has is dropped.
    const other = ready(prepareFile(FIXTURE, { kind: 'encounters', mapping: { ...saved, notPersonal: ['provider', 'no such column'] } }));
    expect(other.plan.mapping.notPersonal).toEqual(['provider']);
  });
});

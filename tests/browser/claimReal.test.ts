import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkClaim, VERDICT_WORDS, type ClaimCheck, type ClaimSpec } from '../../src/analysis/claim.ts';
import { fitIts } from '../../src/analysis/its.ts';
import { signedPercent } from '../../src/pages/claim/claimWords.ts';
import { PUBLIC } from '../helpers/node.ts';
import { monthRange } from '../helpers/series.ts';
import { ARTIFACTS, enterLaunchDate, openWithFiles, quiet, textOf } from './setup/browser.ts';

/** The three kinds of published claim, checked on a real agency: the Real-Time Crime Index's
 *  monthly counts for Malden, Massachusetts (../shared/data/public, not copied into the project),
 *  added untouched in a fresh profile, with a launch of March 2022 entered as a user would. The
 *  series is worked out here from the CSV (burglary + theft + motor vehicle theft, a month with any
 *  of them blank not reported), and every figure on the page is compared with it. */
const FILE = 'rtci_agency_monthly_part1_crimes_2018-01_2024-07.csv';
const rows = Papa.parse<Record<string, string>>(readFileSync(PUBLIC + FILE, 'utf8'), { header: true, skipEmptyLines: true }).data
  .filter((r) => r.agency_full === 'Malden, Massachusetts');
const byMonth = new Map(rows.map((r) => [r.date!.slice(0, 7), r]));
const dates = [...byMonth.keys()].sort();
const months = monthRange(dates[0]!, dates.at(-1)!);
const counts = months.map((m) => {
  const r = byMonth.get(m);
  const parts = r ? [r.burglary, r.theft, r.motor_vehicle_theft] : [];
  return r && parts.every((v) => v !== undefined && /^\d+$/.test(v)) ? parts.reduce((s, v) => s + Number(v), 0) : null;
});
const LAUNCH = '2022-03';
const result = fitIts({ months, counts, launch: LAUNCH });
const expected = (spec: ClaimSpec) => checkClaim({ months, counts, launch: LAUNCH, result, fbiReported: true }, spec) as ClaimCheck;
const sum = (from: string, to: string) => {
  const used = monthRange(from, to).map((m) => counts[months.indexOf(m)]).filter((v): v is number => v != null);
  return { used: used.length, total: used.reduce((a, b) => a + b, 0) };
};

const CLAIMS: { name: string; query: string; spec: ClaimSpec; before: [string, string]; after: [string, string] }[] = [
  { name: '"down 40 percent since the program\'s inception", a year after the launch', query: 'kind=since-launch&end=2023-02&claimed=-40',
    spec: { kind: 'since-launch', end: '2023-02', claimed: -40 }, before: ['2021-03', '2022-02'], after: ['2022-03', '2023-02'] },
  { name: '"down 23%", June-August against the same months a year earlier', query: 'kind=same-months&from=2022-06&to=2022-08&claimed=-23',
    spec: { kind: 'same-months', after: { from: '2022-06', to: '2022-08' }, claimed: -23 }, before: ['2021-06', '2021-08'], after: ['2022-06', '2022-08'] },
  { name: '"a decrease of as much as 25 percent", 2023 against 2022', query: 'kind=year&year=2023&claimed=-25',
    spec: { kind: 'year', year: 2023, claimed: -25 }, before: ['2022-01', '2022-12'], after: ['2023-01', '2023-12'] },
];

describe('checking the three kinds of claim on a real agency (RTCI, Malden MA)', () => {
  let b: Awaited<ReturnType<typeof openWithFiles>>;
  beforeAll(async () => {
    b = await openWithFiles([PUBLIC + FILE]);
    await quiet(b.page);
    await enterLaunchDate(b.page, '2022-03-01');
  }, 240_000);
  afterAll(async () => { await b?.close(); });

  it.each(CLAIMS)('$name', async ({ query, spec, before, after }) => {
    const { page } = b;
    await page.goto(`${b.base}/claim?series=${encodeURIComponent('crime:monthly:Malden, Massachusetts')}&${query}`);
    await page.getByTestId('claim-verdict').waitFor({ timeout: 60_000 });
    await quiet(page);
    const want = expected(spec);
    const [a, c] = [sum(...before), sum(...after)];
    const table = await page.getByTestId('claim-arithmetic').locator('tbody tr td').allTextContents();
    expect(table.filter((_, i) => i % 3 !== 2)).toEqual([String(a.used), a.total.toLocaleString('en-US'), String(c.used), c.total.toLocaleString('en-US')]);
    expect(await textOf(page.getByTestId('claim-arithmetic-percent'))).toBe(signedPercent((c.total / c.used / (a.total / a.used) - 1) * 100));
    expect(await textOf(page.getByTestId('claim-supported-percent'))).toBe(signedPercent(want.supported!.percent));
    expect(await textOf(page.getByTestId('claim-supported-interval'))).toBe(`${signedPercent(want.supported!.lower)} to ${signedPercent(want.supported!.upper)}`);
    expect(await page.getByTestId('claim-verdict').getAttribute('data-verdict')).toBe(want.verdict);
    expect(await textOf(page.getByTestId('claim-verdict'))).toContain(VERDICT_WORDS[want.verdict]);
    const reasons = await page.getByTestId('claim-reasons').locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-reason')));
    expect(reasons).toEqual(want.reasons.map((r) => r.kind));
    console.log(`Malden ${query}: ${a.total}/${a.used} → ${c.total}/${c.used}; supported ${want.supported!.percent.toFixed(1)}% (${want.supported!.lower.toFixed(1)} to ${want.supported!.upper.toFixed(1)}); ${want.verdict}; reasons ${reasons.join(', ')}`);
    await page.screenshot({ path: `${ARTIFACTS}/claim-real-${spec.kind}.png`, fullPage: true });
  });

  it('the window over January 2021 names the NIBRS transition for these FBI-reported counts', async () => {
    const { page } = b;
    await page.goto(`${b.base}/claim?series=${encodeURIComponent('crime:monthly:Malden, Massachusetts')}&kind=custom&bfrom=2020-03&bto=2020-12&from=2022-03&to=2022-12`);
    await page.getByTestId('claim-verdict').waitFor({ timeout: 60_000 });
    expect(await textOf(page.getByTestId('claim-reasons'))).toContain('January 2021, when the FBI began to take only NIBRS reports');
  });
});

import { useProgram } from '../../state/useProgram.ts';
import { useMemo, useState } from 'react';
import { BreakdownChart } from '../../charts/BreakdownChart.tsx';
import { fmt } from '../../components/format.ts';
import { agencyComparison, type AgencyFigures } from '../../metrics/agencies.ts';
import type { ProgramFilter } from '../../domain/filter.ts';
import { NOT_RECORDED } from '../../metrics/breakdowns.ts';
import { suppressGrid, suppressList, DEFAULT_RULES } from '../../snapshot/suppression.ts';
import type { Cell } from '../../snapshot/snapshotFormat.ts';
import { useLaterOffscreen } from '../../state/laterOffscreen.ts';

const RATE_SERIES = [{ key: 'rate', label: 'Placement rate', color: '#1f4e79' }];
const SMALL = `${DEFAULT_RULES.min}–${DEFAULT_RULES.max}`;
/** A hidden count: 1–10, or a larger one hidden so that a small one cannot be worked out. */
const HIDDEN = 'suppressed';
/** The public page's rule: no share or median on fewer than 30. */
const MIN_BASE = 30;

type Shown = Record<string, unknown> & { agency: string; rate: number | null };

/** What the table and chart show: the figures, or with the public page's small-count rule the
 *  counts of 1–10 suppressed (encounters, placements and engaged with complements, since they add
 *  up to the page's totals; people, which do not, alone) and no share or median on a base under 30. */
export function shownRows(rows: readonly AgencyFigures[], small: boolean): Shown[] {
  const label = (r: AgencyFigures) => r.agency ?? NOT_RECORDED;
  if (!small) {
    return rows.map((r) => ({ ...r, agency: label(r), rate: r.placementRate,
      placementRateText: fmt.pct(r.placementRate), medianText: r.medianHoursToPlacement == null ? '—' : `${fmt.num1(r.medianHoursToPlacement)} h`,
      engagedText: r.placed ? `${fmt.int(r.engaged)} (${fmt.pct(r.engagedShare)})` : '0' }));
  }
  const column = (key: 'encounters' | 'placed' | 'engaged') => suppressGrid({ values: rows.map((r) => [r[key]]) }).cells.map((c) => c[0]!);
  const [enc, placed, engaged] = [column('encounters'), column('placed'), column('engaged')];
  const people = suppressList(rows.map((r) => r.people));
  const cell = (c: Cell) => (typeof c === 'number' ? fmt.int(c) : c === 'suppressed' ? HIDDEN : 'n/a');
  return rows.map((r, i) => {
    const rateBase = r.eligible ?? r.encounters;
    const rate = typeof placed[i] === 'number' && rateBase >= MIN_BASE ? r.placementRate : null;
    return {
      agency: label(r), encounters: cell(enc[i]!), people: cell(people[i]!), placed: cell(placed[i]!), rate,
      placementRateText: rate == null ? 'n/a' : fmt.pct(rate),
      medianText: r.placed >= MIN_BASE && r.medianHoursToPlacement != null ? `${fmt.num1(r.medianHoursToPlacement)} h` : 'n/a',
      engagedText: typeof engaged[i] === 'number' && r.placed >= MIN_BASE ? `${fmt.int(r.engaged)} (${fmt.pct(r.engagedShare)})` : cell(engaged[i]!),
    };
  });
}

/** A network's agencies side by side (several agencies' exports loaded together, or one export
 *  covering several agencies): shown when the filtered encounters come from two or more. */
export function AgencyComparison({ filter }: { filter: ProgramFilter }) {
  // Below the fold on /placements: worked out right after the frame while off screen.
  const later = useLaterOffscreen(filter);
  const q = useProgram(agencyComparison, later.shown);
  const [small, setSmall] = useState(false);
  const rows = useMemo(() => shownRows(q.rows, small), [q.rows, small]);
  if (q.rows.length < 2) return null;
  const charted = rows.filter((r) => r.rate != null);
  return (
    <section className="agency-comparison" aria-labelledby="agencies-h" data-testid="agency-comparison" ref={later.ref}>
      <h2 id="agencies-h">Agencies compared</h2>
      <label className="inline-field">
        <input type="checkbox" checked={small} onChange={(e) => setSmall(e.target.checked)} data-testid="agency-small-counts" />{' '}
        Apply the public page's small-count rule (hide counts of {SMALL}; no rate or median on fewer than {MIN_BASE})
      </label>
      {charted.length === 0 && (
        <p className="notice" data-testid="agency-no-rates">No agency has a placement rate to draw under the small-count rule: every agency's figures are in the
          chart's data table (Show data table).</p>
      )}
      <BreakdownChart testId="chart-agencies" loading={q.loading || later.late} rows={charted} tableRows={rows} category="agency" series={RATE_SERIES} format={(v) => fmt.pct(v)} axisFormat=".0%"
        title="Placement rate by agency"
        description={`Bars: each agency's placement rate${charted.length < rows.length ? ` (${rows.length - charted.length} agencies without a rate shown are in the table only)` : ''}. The table lists every agency's figures.`}
        definition={`Each figure is the headline figure of the same name, counted within one agency: encounters by encounter date in the period; people are distinct pseudonyms (a person seen by two agencies counts in each, so people do not add up); placement rate is placements divided by eligible encounters (by all encounters where the agency records no eligibility); median hours from encounter to placement among placed encounters; engaged at 30 days counts placed encounters recorded as engaged ("yes"), with its share of placements. “${NOT_RECORDED}” is encounters with no agency.${small ? ` Small-count rule on: counts of ${SMALL} are hidden, with further counts hidden where a total would give them away; no rate, share or median on a base under ${MIN_BASE}.` : ''}`}
        columns={[{ key: 'agency', label: 'Agency' }, { key: 'encounters', label: 'Encounters', numeric: true }, { key: 'people', label: 'People', numeric: true },
          { key: 'placed', label: 'Placed', numeric: true }, { key: 'placementRateText', label: 'Placement rate', numeric: true },
          { key: 'medianText', label: 'Median time to placement', numeric: true }, { key: 'engagedText', label: 'Engaged at 30 days', numeric: true }]}
        fileName="agencies-compared" />
    </section>
  );
}

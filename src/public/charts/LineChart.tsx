import { useI18n } from '../i18n/index.ts';
import type { Bar } from './BarList.tsx';
import { useWidth } from './useWidth.ts';

export interface Marker { at: string; label: string; kind: 'break' | 'launch' }

const H = 200;
const M = { top: 12, right: 18, bottom: 26, left: 48 };
/** The least room, in pixels, a year's label needs: with less, every second (third...) year is named. */
const LABEL_ROOM = 42;

/** A line over years (one point per row; a missing value breaks the line), with dashed and dotted
 *  lines at marked years explained in a legend under the chart. Drawn at the width it is given, so
 *  its text stays at reading size on a phone. */
export function LineChart({ title, points, markers = [], testId }: { title: string; points: Bar[]; markers?: Marker[]; testId?: string }) {
  const { t, fmt } = useI18n();
  const [ref, width] = useWidth<HTMLDivElement>(280);
  const max = niceMax(Math.max(0, ...points.map((p) => p.value ?? 0)));
  const iw = width - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const x = (k: number) => M.left + (points.length < 2 ? iw / 2 : (k * iw) / (points.length - 1));
  const y = (v: number) => M.top + ih - (v / max) * ih;
  const every = Math.max(1, Math.ceil(LABEL_ROOM / (iw / Math.max(1, points.length - 1))));
  // Thinned labels count back from the latest year, which is always named.
  const named = (k: number) => (points.length - 1 - k) % every === 0;
  const steps = points.slice(1).map((p, k) => ({ a: points[k]!, b: p, k }))
    .filter(({ a, b }) => a.value != null && b.value != null);
  const placed = markers.map((m) => ({ ...m, k: points.findIndex((p) => p.key === m.at) })).filter((m) => m.k >= 0);
  const summary = t('chart.summary', { title, items: fmt.list(points.map((p) => t('chart.item', { label: p.label, value: p.spoken }))) });
  return (
    <div className="line-chart" data-testid={testId}>
      <div ref={ref} className="line-box">
        <svg width={width} height={H} viewBox={`0 0 ${width} ${H}`} role="img" aria-label={summary}>
          {[0, max / 2, max].map((v) => (
            <g key={v} aria-hidden="true">
              <line className="grid" x1={M.left} x2={width - M.right} y1={y(v)} y2={y(v)} />
              <text className="tick" x={M.left - 6} y={y(v)} dy="0.32em" textAnchor="end">{fmt.count(v)}</text>
            </g>
          ))}
          {placed.map((m) => <line key={m.at} className={`marker ${m.kind}`} x1={x(m.k)} x2={x(m.k)} y1={M.top} y2={M.top + ih} aria-hidden="true" />)}
          {steps.map(({ a, b, k }) => (
            <line key={b.key} className="line" aria-hidden="true"
              x1={x(k)} y1={y(a.value!)} x2={x(k + 1)} y2={y(b.value!)} />
          ))}
          {points.map((p, k) => (
            <g key={p.key} aria-hidden="true">
              {p.value != null && <circle className="dot" cx={x(k)} cy={y(p.value)} r="3.5" />}
              {named(k) && <text className="tick" x={x(k)} y={H - 8} textAnchor="middle">{p.key}</text>}
            </g>
          ))}
        </svg>
      </div>
      {placed.length > 0 && (
        <ul className="markers">
          {placed.map((m) => <li key={m.at}><Swatch kind={m.kind} />{m.label}</li>)}
        </ul>
      )}
    </div>
  );
}

function Swatch({ kind }: { kind: Marker['kind'] }) {
  return (
    <svg className={`swatch ${kind}`} width="22" height="12" aria-hidden="true" focusable="false">
      <line x1="11" x2="11" y1="0" y2="12" />
    </svg>
  );
}

/** A round upper bound for the axis (so the half-way line is a round number too). */
export function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * p >= v) ?? 10) * p;
}

import { useI18n } from '../i18n/index.ts';

export interface Bar {
  /** The row's id in the snapshot (a year, a treatment type). */
  key: string;
  label: string;
  /** null: suppressed or not available; no bar is drawn. */
  value: number | null;
  /** The value as shown beside the bar. */
  shown: string;
  /** The value in words, for the description read by screen readers. */
  spoken: string;
}

/** A horizontal bar chart: one row per item, its label above a bar and its value. It reflows to
 *  any width (labels wrap, bars scale), so it reads the same on a 320 px phone. Screen readers get
 *  one description with every value; the table below the chart has them too. */
export function BarList({ title, bars, testId }: { title: string; bars: Bar[]; testId?: string }) {
  const { t, fmt } = useI18n();
  const max = Math.max(0, ...bars.map((b) => b.value ?? 0));
  const summary = t('chart.summary', { title, items: fmt.list(bars.map((b) => t('chart.item', { label: b.label, value: b.spoken }))) });
  return (
    <div className="bars" role="img" aria-label={summary} data-testid={testId}>
      {bars.map((b) => (
        <div className="bar-row" key={b.key}>
          <span className="bar-label">{b.label}</span>
          <span className="bar-line">
            <svg className="bar-svg" aria-hidden="true" focusable="false">
              {b.value != null && max > 0 && <rect x="0" y="0" height="100%" width={`${(100 * b.value) / max}%`} rx="2" />}
            </svg>
            <span className={b.value == null ? 'bar-value missing' : 'bar-value'}>{b.shown}</span>
          </span>
        </div>
      ))}
    </div>
  );
}

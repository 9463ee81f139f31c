import type { ReactNode } from 'react';

/** One headline figure with the definition a reader needs to trust it. */
export function KpiCard({ label, value, detail, definition, testId }: {
  label: string; value: string; detail?: ReactNode; definition: string; testId: string;
}) {
  return (
    <div className="kpi" data-testid={testId}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
      {detail && <div className="kpi-detail">{detail}</div>}
      <p className="kpi-def">{definition}</p>
    </div>
  );
}

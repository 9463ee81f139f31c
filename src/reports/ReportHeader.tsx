import type { ReactNode } from 'react';

/** The top of a report: what it is, whose, for which period, when it was made, and, for the
 *  sample program, that none of it is real. */
export function ReportHeader({ kind, program, period, filters, generated, synthetic, children }: {
  kind: string; program: string; period: string; filters?: string; generated: Date; synthetic: boolean; children?: ReactNode;
}) {
  return (
    <header className="report-head">
      <p className="report-kind">{kind}</p>
      <h1>{program}</h1>
      <p className="report-period" data-testid="report-period">{period}{filters ? ` · ${filters}` : ''}</p>
      {synthetic && (
        <p className="report-synthetic" role="note" data-testid="report-synthetic">
          Synthetic sample data: Harbor Point is a fictional town and every record in this report was generated.
        </p>
      )}
      <p className="report-generated" data-testid="report-generated">
        Generated {generated.toLocaleString('en-US', { dateStyle: 'long', timeStyle: 'short' })} from the records loaded in this browser.
      </p>
      {children}
    </header>
  );
}

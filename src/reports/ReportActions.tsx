import { useState } from 'react';
import { download } from '../charts/csvExport.ts';
import { bundleCsv } from './export/bundleCsv.ts';
import { workbook } from './export/workbook.ts';
import type { ReportMeta, ReportTable } from './table.ts';

/** A file name from the program, report and period: letters, digits and dashes only. */
export function reportFileName(...parts: string[]): string {
  return parts.join('-').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'report';
}

/** Downloads of a report (one CSV with every table, an .xlsx workbook with a sheet per table) and
 *  the print dialog, where "Save as PDF" makes the PDF. Hidden when printing. */
export function ReportActions({ tables, meta, fileName, disabled }: {
  tables: ReportTable[]; meta: ReportMeta; fileName: string; disabled: boolean;
}) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <div className="report-actions" data-testid="report-actions">
      <button type="button" onClick={() => window.print()} disabled={disabled}>Save as PDF (print)</button>
      {tables.length > 0 && (
        <>
          <button type="button" disabled={disabled} data-testid="download-csv"
            onClick={() => download(`${fileName}.csv`, new Blob([bundleCsv(tables, meta)], { type: 'text/csv' }))}>
            Download all tables (CSV)
          </button>
          <button type="button" disabled={disabled || busy} data-testid="download-xlsx" onClick={() => {
            setBusy(true);
            setError(undefined);
            workbook(tables, meta).then((b) => download(`${fileName}.xlsx`, b), (e: unknown) => setError(e instanceof Error ? e.message : String(e)))
              .finally(() => setBusy(false));
          }}>{busy ? 'Preparing workbook…' : 'Download workbook (.xlsx)'}</button>
        </>
      )}
      {error && <p role="alert" className="error">The workbook could not be made: {error}</p>}
      <p className="hint">In the print dialog choose “Save as PDF”, paper size Letter, and turn off the browser’s own headers and footers: the report prints its own.</p>
    </div>
  );
}

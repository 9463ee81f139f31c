import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { DataTable, type Column } from '../components/DataTable.tsx';
import { afterPaint, useAfterPaint } from '../state/afterPaint.ts';
import { watchOnScreen } from '../state/onScreen.ts';
import { useOpening } from '../state/DataContext.tsx';
import { download, toCsv } from './csvExport.ts';
import { standaloneSvg, svgToPng } from './exportImage.ts';

/** The frame every chart shares: title, the Plot figure (with tooltips), what it shows in words,
 *  its definition, the data table behind it, and CSV, SVG and PNG downloads. `render` returns the
 *  Plot element; it is re-run when it changes (its rows or options). */
/** What a chart component passes through to its frame unchanged. */
export interface FrameText {
  title: string;
  description: string;
  definition: ReactNode;
  columns: Column[];
  fileName: string;
  empty?: string;
  loading?: boolean;
  testId?: string;
  /** Said under the description, e.g. which months are partial and how they are drawn. */
  note?: ReactNode;
}

export function ChartFrame({ title, description, definition, rows, columns, render, fileName, empty, loading = false, testId, note }: FrameText & {
  rows: Record<string, unknown>[];
  render: (width: number) => SVGSVGElement | HTMLElement;
}) {
  const stillOpening = !!useOpening();
  const holder = useRef<HTMLDivElement>(null);
  const width = useRef<{ el: HTMLDivElement; px: number } | null>(null);
  // Whether the plot is on screen (an IntersectionObserver keeps it up to date; until it first
  // reports, it counts as on screen), and a redraw put off while it was not. The observer reports
  // after layout: a chart that the very change moves into view (a shorter block above it) is drawn
  // a frame later, marked busy until then.
  const onScreen = useRef(true);
  const putOff = useRef<{ draw: () => void; cancel: () => void } | null>(null);
  const drawPutOff = () => {
    const p = putOff.current;
    if (!p) return;
    p.cancel();
    p.draw();
  };
  const [, setDrawError] = useState<never>();
  const [showTable, setShowTable] = useState(false);
  const [exportError, setExportError] = useState<string>();
  // The table is in the page for screen readers even while hidden; hidden, it follows a change
  // right after the frame that shows the change (its hundreds of cells took half that frame's layout).
  const tableRows = useAfterPaint(rows, !showTable);
  const tableId = useId();
  const descId = useId();
  // A layout effect, so the figure is redrawn in the same commit that brings its new rows: no
  // frame ever shows new numbers beside an old chart on screen. A chart off screen that was drawn
  // before is redrawn in a task of its own right after that frame is painted, marked busy until
  // then, so a filter change paints what the user sees first (issue 21: a program page redrew four
  // charts, three of them below the fold, before its first frame). While the rows are being
  // replaced (loading) the old figure stays, marked busy, and is drawn once when the new rows come.
  // The width is measured once per holder and then kept up to date by a ResizeObserver, because
  // reading it while other charts are being drawn forces the browser to lay out the page again each time.
  useLayoutEffect(() => {
    const el = holder.current;
    if (!el || rows.length === 0 || loading) return;
    const draw = () => {
      putOff.current = null;
      if (width.current?.el !== el) width.current = { el, px: el.clientWidth };
      const px = Math.max(320, Math.min(width.current.px || 640, 900));
      el.replaceChildren(render(px));
      el.removeAttribute('aria-busy');
    };
    if (!el.firstChild || onScreen.current) {
      draw();
      return;
    }
    el.setAttribute('aria-busy', 'true');
    // Drawn outside React's own work: an error is handed back to it (the page's error boundary),
    // and the figure is not left marked busy.
    const later = () => {
      try {
        draw();
      } catch (e) {
        el.removeAttribute('aria-busy');
        setDrawError(() => { throw e; });
      }
    };
    const cancel = afterPaint(later);
    putOff.current = { draw: later, cancel };
    return () => {
      cancel();
      putOff.current = null;
    };
  }, [rows, render, loading]);
  const hasHolder = rows.length > 0;
  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (width.current?.el === el && w !== undefined) width.current.px = Math.round(w);
    });
    ro?.observe(el);
    // Scrolled into view with a redraw still put off: drawn at once.
    const unwatch = watchOnScreen(el, (on) => {
      onScreen.current = on;
      if (on) drawPutOff();
    });
    return () => {
      ro?.disconnect();
      unwatch();
      onScreen.current = true;
    };
  }, [hasHolder]);

  const svgText = () => {
    // A redraw put off (the figure was off screen a moment ago) is done first: the file has the new figures.
    drawPutOff();
    return holder.current ? standaloneSvg(holder.current, title) : null;
  };
  return (
    <figure className="chart" aria-labelledby={`${descId}-t`} aria-describedby={descId} aria-busy={loading}
      data-loading={loading} data-testid={testId}>
      <h3 id={`${descId}-t`}>{title}</h3>
      <p id={descId} className="chart-desc">{description}</p>
      {note && <p className="chart-note" role="note" data-testid="chart-note">{note}</p>}
      {rows.length === 0 ? (
        // While the workspace's files are still coming in, an empty chart is not yet "no data".
        <p className="empty">{loading || stillOpening ? 'Loading…' : empty ?? 'No data for this chart.'}</p>
      ) : (
        <div ref={holder} className="plot" role="img" aria-label={`${title}. ${description}`} />
      )}
      <figcaption className="definition">{definition}</figcaption>
      <div className="chart-actions">
        <button type="button" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((s) => !s)}>
          {showTable ? 'Hide data table' : 'Show data table'}
        </button>
        <button type="button" disabled={rows.length === 0}
          onClick={() => download(`${fileName}.csv`, new Blob([toCsv(columns, rows)], { type: 'text/csv' }))}>
          Download CSV
        </button>
        <button type="button" disabled={rows.length === 0} onClick={() => {
          const s = svgText();
          if (s) download(`${fileName}.svg`, new Blob([s], { type: 'image/svg+xml' }));
        }}>Download SVG</button>
        <button type="button" disabled={rows.length === 0} onClick={() => {
          const s = svgText();
          if (!s) return;
          setExportError(undefined);
          svgToPng(s).then((png) => download(`${fileName}.png`, png), (e: unknown) => setExportError(e instanceof Error ? e.message : String(e)));
        }}>Download PNG</button>
        {exportError && <span className="error" role="alert">{exportError}</span>}
      </div>
      <DataTable id={tableId} caption={`Data: ${title}`} columns={columns} rows={tableRows} hidden={!showTable} busy={loading || tableRows !== rows} />
    </figure>
  );
}

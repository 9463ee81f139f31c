/** The page's own queries, and the user's input, counted so that background work (writing a loaded
 *  file's rows to keep them, db/browser.ts `exportCsv`) waits for a quiet moment instead of holding
 *  the database's one worker while the user changes a filter. DuckDB-wasm answers one request at a
 *  time, in order. */
export class Activity {
  private inFlight = 0;
  private lastEnd = 0;

  /** Counts `work` as page activity until it settles. */
  track<T>(work: Promise<T>): Promise<T> {
    this.inFlight++;
    return work.finally(() => {
      this.inFlight--;
      this.lastEnd = performance.now();
    });
  }

  /** The user acted (a click, a key, a changed field): their next view's queries are on the way, so
   *  the quiet time starts again. Going back to views shown before asks nothing of the database
   *  (state/useSql.ts), and on the crime page a run of them left 200 ms without a query: a slice of
   *  background work then started between one change and the next, and the next new view's query
   *  waited behind it (the tenth new view of the bench's sequence, 93-171 ms in three runs). */
  input(): void {
    this.lastEnd = Math.max(this.lastEnd, performance.now());
  }

  /** Resolves once no tracked query is running and none has ended, nor the user acted, for `ms`
   *  milliseconds. */
  async quiet(ms: number): Promise<void> {
    for (;;) {
      const left = this.inFlight > 0 ? ms : this.lastEnd + ms - performance.now();
      if (this.inFlight === 0 && left <= 0) return;
      await new Promise((r) => setTimeout(r, Math.max(10, left)));
    }
  }
}

/** How long the page's queries must have been still before a slice of background work starts: long
 *  enough for a page to draw one answer and ask its next question. */
export const QUIET_MS = 200;

/** The page's own queries, counted so that background work (writing a loaded file's rows to keep
 *  them, db/browser.ts `exportCsv`) waits for a quiet moment instead of holding the database's one
 *  worker while the user changes a filter. DuckDB-wasm answers one request at a time, in order. */
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

  /** Resolves once no tracked query is running and none has ended for `ms` milliseconds. */
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

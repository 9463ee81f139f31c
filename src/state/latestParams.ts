/** The address's search parameters as they are now. react-router's functional setSearchParams
 *  hands the updater the parameters of the last render, so two changes made before the page
 *  re-renders (a fast user, a test) would lose the first. The browser's own address holds every
 *  change made so far, save one a page has shown but not yet written (see shownParams.ts),
 *  which is written first: so updaters start from it, and every change stays its own entry. */
export function latestParams(rendered: URLSearchParams): URLSearchParams {
  pending?.();
  return typeof window === 'undefined' ? new URLSearchParams(rendered) : new URLSearchParams(window.location.search);
}

let pending: (() => void) | null = null;

/** Registers an address change shown but not yet written; returns the function that writes it
 *  (once: later calls, and `latestParams` after it, do nothing more). */
export function deferred(write: () => void): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    if (pending === run) pending = null;
    write();
  };
  pending = run;
  return run;
}

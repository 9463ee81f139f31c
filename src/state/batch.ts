/** Query results that arrive together. The queries a view starts in one go (the effects of one
 *  React commit: say the five metrics of a page after a filter change) are held until the last of
 *  them has settled, then all are handed over in the same microtask, so React renders the page
 *  once with every figure new, instead of once per result with the charts drawn again each time.
 *  The worker runs queries one at a time anyway, so the last result comes no later for it. */
interface Batch { promises: Promise<unknown>[]; settled: Promise<unknown> }

let open: Batch | null = null;

function openBatch(): Batch {
  const batch: Batch = { promises: [], settled: Promise.resolve() };
  // The batch closes at the end of the current task's synchronous work (a microtask), when every
  // effect of the commit has started its query.
  batch.settled = new Promise((resolve) => queueMicrotask(() => {
    if (open === batch) open = null;
    resolve(Promise.allSettled(batch.promises));
  }));
  return batch;
}

/** `p`, settled only when every promise started in the same task has settled too. */
export function together<T>(p: Promise<T>): Promise<T> {
  const batch = (open ??= openBatch());
  batch.promises.push(p);
  return batch.settled.then(() => p);
}

/** How many bytes DuckDB-wasm has read from the files registered with it, for a load's progress bar.
 *
 *  DuckDB-wasm's own progress reporting prints through JavaScript eval, which the app's
 *  Content-Security-Policy forbids, so the worker is started from a two-line wrapper instead: it
 *  counts the bytes of every FileReaderSync read (the way the worker reads a dropped File) and
 *  posts the running total, at most ten times a second, as a PROGRESS_UPDATE message (a message
 *  type AsyncDuckDB already accepts and hands to its progress handlers, of which it has none), then
 *  loads DuckDB's worker script unchanged. */

export interface ReadCounter {
  watch(listener: (bytes: number) => void): () => void;
}

const MARK = 'bytes-read';

function wrapper(workerUrl: string): string {
  return `(function () {
  var read = FileReaderSync.prototype.readAsArrayBuffer, total = 0, last = 0;
  FileReaderSync.prototype.readAsArrayBuffer = function (blob) {
    var out = read.call(this, blob);
    total += out.byteLength;
    var now = Date.now();
    if (now - last >= 100) {
      last = now;
      postMessage({ requestId: 0, type: 'PROGRESS_UPDATE', data: { status: '${MARK}', percentage: String(total), repetitions: '0' } });
    }
    return out;
  };
})();
importScripts(${JSON.stringify(workerUrl)});
`;
}

/** Starts DuckDB's worker script inside the counting wrapper. `workerUrl` may be relative to the page. */
export function countingWorker(workerUrl: string): Worker & ReadCounter {
  const absolute = new URL(workerUrl, location.href).href;
  const url = URL.createObjectURL(new Blob([wrapper(absolute)], { type: 'text/javascript' }));
  const worker = new Worker(url) as Worker & ReadCounter;
  let total = 0;
  const listeners = new Set<(total: number) => void>();
  worker.addEventListener('message', (e: MessageEvent) => {
    const d = e.data as { type?: string; data?: { status?: string; percentage?: string } } | null;
    if (d?.type !== 'PROGRESS_UPDATE' || d.data?.status !== MARK) return;
    total = Number(d.data.percentage);
    for (const l of listeners) l(total);
  });
  worker.watch = (listener) => {
    const base = total;
    const l = (t: number) => listener(t - base);
    listeners.add(l);
    return () => listeners.delete(l);
  };
  return worker;
}

import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory of a process and all its descendants (Linux /proc), in bytes: the whole
 *  browser (its renderer, the DuckDB worker's WebAssembly memory, the GPU and utility processes). */
export function treeRss(root: number): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(d), Number(fields[1]));
      rss.set(Number(d), Number(fields[21]) * 4096);
    } catch { /* the process ended */ }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, i = 0; p && i < 64; p = parent.get(p), i++) if (p === root) return true;
    return false;
  };
  let total = 0;
  for (const [pid, bytes] of rss) if (inTree(pid)) total += bytes;
  return total;
}

/** Samples `treeRss(root)` every `ms` until stopped; returns the peak. */
export function samplePeak(root: number, ms = 100): { stop: () => number } {
  let peak = treeRss(root);
  const t = setInterval(() => { peak = Math.max(peak, treeRss(root)); }, ms);
  return { stop: () => { clearInterval(t); return Math.max(peak, treeRss(root)); } };
}

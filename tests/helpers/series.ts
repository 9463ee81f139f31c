import { monthIndex, monthName } from '../../src/analysis/its.ts';

/** Months from `from` to `to`, both included ('YYYY-MM'). */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthName(i));
  return out;
}

/** Deterministic Poisson draws (mulberry32 uniforms + Knuth's method) for synthetic series. */
export function poissonDraws(means: number[], seed = 12345): number[] {
  let s = seed >>> 0;
  const u = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  return means.map((mu) => { let k = 0, p = u(); const l = Math.exp(-mu); while (p > l) { k++; p *= u(); } return k; });
}

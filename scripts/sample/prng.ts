// Seeded pseudo-random numbers for the sample generator.
// sfc32 (Chris Doty-Humphrey's Small Fast Counter), seeded from a string hash,
// so every run with the same seed yields the same stream. Never uses Math.random.

export type Weighted<T> = readonly (readonly [T, number])[];

export type Rng = {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(table: Weighted<T>): T;
  normal(): number;
  lognormal(median: number, sigma: number): number;
  poisson(mean: number): number;
  binomial(n: number, p: number): number;
  /** Upper-case hexadecimal string of `digits` characters. */
  hex(digits: number): string;
  shuffle<T>(items: T[]): T[];
};

/** 32-bit FNV-1a hash of a string: turns a label into a seed. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function sfc32(seed: number): () => number {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = 1;
  const step = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) step();
  return step;
}

/** An independent stream for one concern: changing one module's draws leaves the others alone. */
export function streamFor(seed: number, label: string): Rng {
  return createRng(hashString(`${seed}:${label}`));
}

export function createRng(seed: number): Rng {
  const raw = sfc32(seed);
  const next = (): number => raw() / 4294967296;

  const normal = (): number => {
    // Box-Muller; 1 - u keeps the logarithm finite.
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };

  const poisson = (mean: number): number => {
    if (mean <= 0) return 0;
    if (mean > 40) {
      const half = mean / 2;
      return poisson(half) + poisson(mean - half);
    }
    // Knuth: multiply uniforms until the product falls below e^-mean.
    const limit = Math.exp(-mean);
    let k = 0;
    let p = next();
    while (p > limit) {
      k++;
      p *= next();
    }
    return k;
  };

  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted: (table) => {
      let total = 0;
      for (const [, w] of table) total += w;
      let r = next() * total;
      for (const [value, w] of table) {
        r -= w;
        if (r < 0) return value;
      }
      const last = table[table.length - 1];
      if (!last) throw new Error('weighted pick from an empty table');
      return last[0];
    },
    normal,
    lognormal: (median, sigma) => median * Math.exp(sigma * normal()),
    poisson,
    binomial: (n, p) => {
      let k = 0;
      for (let i = 0; i < n; i++) if (next() < p) k++;
      return k;
    },
    hex: (digits) => {
      let out = '';
      for (let i = 0; i < digits; i++) out += '0123456789ABCDEF'[Math.floor(next() * 16)];
      return out;
    },
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = items[i] as (typeof items)[number];
        items[i] = items[j] as (typeof items)[number];
        items[j] = tmp;
      }
      return items;
    },
  };
  return rng;
}

/** Normalises one value coming out of DuckDB so that every caller sees the same JS types. */
export function plainValue(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  return v;
}

export function plainRow<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = plainValue(v);
  return out as T;
}

/** Residents served by each crime series (agency), entered by the user for rates per 1,000 and
 *  kept in this browser. A rate is shown only where a population is entered. */
const KEY = 'deflection.populations';

export type Populations = Record<string, number>;

export function savedPopulations(): Populations {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, unknown>;
    return Object.fromEntries(Object.entries(v).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0));
  } catch {
    return {};
  }
}

export function savePopulation(series: string, population: number | null): Populations {
  const next = savedPopulations();
  if (population && population > 0) next[series] = population; else delete next[series];
  localStorage.setItem(KEY, JSON.stringify(next));
  return next;
}

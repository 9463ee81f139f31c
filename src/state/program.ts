import sample from '../../data/sample/program.json';

export interface ProgramInfo {
  name: string;
  /** ISO date the program began taking participants. */
  launchDate: string;
  population: number | null;
  synthetic: boolean;
  events: { date: string; label: string }[];
}

export const SAMPLE_PROGRAM: ProgramInfo = {
  name: sample.name, launchDate: sample.launchDate, population: sample.population, synthetic: true, events: sample.events,
};

const KEY = 'deflection.program';

export function savedProgram(): ProgramInfo | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as ProgramInfo) : null;
  } catch {
    return null;
  }
}

export function saveProgram(p: ProgramInfo | null): void {
  if (p) localStorage.setItem(KEY, JSON.stringify(p));
  else localStorage.removeItem(KEY);
}

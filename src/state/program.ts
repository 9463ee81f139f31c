import sample from '../../data/sample/program.json';
import type { Award } from '../metrics/costs.ts';

/** User-entered figures for the cost comparison. They are assumptions, not findings: the page
 *  shows them as such, with the source the user gives. */
export interface CostAssumptions {
  /** What one day in the county jail costs, USD. */
  jailDayCost: number | null;
  /** Jail days assumed avoided for each person placed. */
  jailDaysPerPerson: number | null;
  /** Where the figures come from (a budget document, a study). */
  source: string;
}

export interface ProgramInfo {
  name: string;
  /** ISO date the program began taking participants. */
  launchDate: string;
  population: number | null;
  /** Two-letter state, for the state overdose series shown first. */
  state?: string | null;
  synthetic: boolean;
  events: { date: string; label: string }[];
  awards: Award[];
  assumptions: CostAssumptions;
}

export const NO_ASSUMPTIONS: CostAssumptions = { jailDayCost: null, jailDaysPerPerson: null, source: '' };

export const SAMPLE_PROGRAM: ProgramInfo = {
  name: sample.name, launchDate: sample.launchDate, population: sample.population, state: sample.state, synthetic: true, events: sample.events,
  awards: sample.awards, assumptions: NO_ASSUMPTIONS,
};

const KEY = 'deflection.program';

/** The saved program, completed with defaults for fields that older saves lack. */
export function savedProgram(): ProgramInfo | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const p = JSON.parse(raw) as Partial<ProgramInfo>;
    return {
      name: p.name ?? 'Your program', launchDate: p.launchDate ?? SAMPLE_PROGRAM.launchDate, population: p.population ?? null,
      synthetic: !!p.synthetic, events: Array.isArray(p.events) ? p.events : [],
      awards: Array.isArray(p.awards) ? p.awards : [], assumptions: { ...NO_ASSUMPTIONS, ...p.assumptions },
    };
  } catch {
    return null;
  }
}

export function saveProgram(p: ProgramInfo | null): void {
  if (p) localStorage.setItem(KEY, JSON.stringify(p));
  else localStorage.removeItem(KEY);
}

/** The events charts annotate: the program's own list, or else its launch. */
export function programEvents(p: ProgramInfo): { date: string; label: string }[] {
  return p.events.length ? p.events : p.launchDate ? [{ date: p.launchDate, label: 'Program launch' }] : [];
}

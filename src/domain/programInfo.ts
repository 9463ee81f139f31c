import sample from '../../data/sample/program.json';

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

/** A grant award or budget line entered by the user. `to` is the award's last day (inclusive). */
export interface Award { name: string; fundingSource: string; amount: number; from: string; to: string }

export interface ProgramInfo {
  name: string;
  /** ISO date the program began taking participants; "" when not known. */
  launchDate: string;
  /** Where the launch date comes from (see workspaces.ts's launchSourceText). */
  launchSource: 'sample' | 'entered' | 'first-encounter' | 'none';
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
  name: sample.name, launchDate: sample.launchDate, launchSource: 'sample', population: sample.population, state: sample.state, synthetic: true, events: sample.events,
  awards: sample.awards, assumptions: NO_ASSUMPTIONS,
};

/** The events charts annotate: the program's own list, or else its launch. */
export function programEvents(p: ProgramInfo): { date: string; label: string }[] {
  if (p.events.length) return p.events;
  if (!p.launchDate) return [];
  return [{ date: p.launchDate, label: p.launchSource === 'first-encounter' ? 'First encounter (launch not entered)' : 'Program launch' }];
}

/** The public snapshot: what the /public page shows and what "Publish" writes. Aggregates only:
 *  every table is counts (or amounts, or hours) over groups, never a row of a record. Small counts
 *  are suppressed by the builder (src/snapshot) before anything is written; the page never sees
 *  the numbers behind them.
 *
 *  Text shown to readers is NOT in the snapshot (apart from the program's own name and help text,
 *  which the program writes in both languages): the page translates table and column ids. */
export const SNAPSHOT_VERSION = 1;

/** A published cell: a number, "suppressed" (a count of 1-10, or a cell suppressed so that one
 *  cannot be worked out from totals), or "n/a" (not applicable: no data, or a percentage whose
 *  base is under 30). */
export type Cell = number | 'suppressed' | 'n/a';

/** Units follow the column id: ids with "spend" or "cost" are US dollars; ids with "share" are
 *  percentages from 0 to 100 (one decimal); "hours" are hours; every other column is a count. */
export interface SnapshotTable {
  /** Stable id; the page has its title and note in each language. */
  id: SnapshotTableId;
  /** The column that names the row (e.g. "year", "treatment_type"); its values are ids the page
   *  translates where it knows them (treatment types, age bands) and shows as given otherwise. */
  rowKey: string;
  /** The value columns, in order; ids the page translates. */
  columns: string[];
  rows: { key: string; cells: Record<string, Cell> }[];
  /** A total row, where one is published (counts that add up). */
  total?: Record<string, Cell>;
}

export type SnapshotTableId =
  | 'people_by_year'          // people (distinct, per year), encounters, placements
  | 'placements_by_treatment' // placements by treatment type x year (with totals)
  | 'time_to_placement'       // per year: placements, median hours, share within 24 h
  | 'costs_by_year'           // per year: spend (USD), people placed, cost per person placed
  | 'people_by_age_band'      // encounters by age band (65+ top band)
  | 'people_by_residence'     // encounters by town or 3-digit ZIP
  | 'crime_by_year'           // addiction-associated offenses per year, public police data
  | 'overdoses_by_year';      // local overdoses per year, public data

export interface ProgramPublicInfo {
  name: string;
  /** Words the program writes for the public, in each language. */
  about: { en: string; es: string };
  howToGetHelp: { en: string; es: string };
  phone?: string;
  address?: string;
  launchDate: string;
  synthetic: boolean;
}

export interface Snapshot {
  version: typeof SNAPSHOT_VERSION;
  /** ISO timestamp of publishing. */
  generated: string;
  /** The months the program's records cover (first and last day, ISO). */
  coverage: { from: string; to: string };
  program: ProgramPublicInfo;
  tables: SnapshotTable[];
  /** The suppression rules applied, for the "how we protect privacy" section. */
  rules: { suppressMin: number; suppressMax: number; minPercentBase: number; topAgeBand: string };
}

import type { TableName } from '../../db/schema.ts';

/** How a source column's text becomes a typed value. */
export type FieldType =
  | 'text'
  | 'number'
  | 'integer'
  /** a number that may instead say Suppressed / Unreliable / Not Applicable (CDC) */
  | 'count'
  /** a non-negative number with decimals allowed, that may instead say why it is withheld (CDC DOSE rates) */
  | 'rate'
  | 'date'
  | 'datetime'
  | 'month'
  | 'year'
  | 'monthName'
  | 'boolean'
  | 'yesNoUnknown'
  | 'fips';

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  required?: boolean;
  unique?: boolean;
  /** Header names that mean this field, in the normal form of `normaliseHeader`. */
  synonyms: string[];
  /** Allowed values (lower case), for fields with a fixed vocabulary. Others get a warning. */
  values?: readonly string[];
  /** For `count` fields: a blank cell means suppressed rather than missing (CDC VSRR). */
  blankIsSuppressed?: boolean;
  /** For `count` fields: cells that give no figure and say why (lower case) -> the status stored
   *  (CDC DOSE: "*" suppressed, "§" not shared). */
  markers?: Readonly<Record<string, string>>;
  /** A blank cell means the source did not report a value (kept as NULL, never zero): monthly
   *  offense counts. Required fields with this flag must be mapped but may be blank. */
  blankMeansNotReported?: boolean;
  /** For an ID that may repeat: what repeats mean, said in the load report (a portal writing one
   *  row per offense of an incident, so its rows count offenses). */
  repeatsMean?: string;
  /** What to do when a file has no column for this required field, where picking one cannot help. */
  missingFix?: string;
  /** A required column whose blank cells are kept (as NULL) with a warning rather than refusing the
   *  file: an incident whose offense a portal left blank still happened, and is counted as unassigned. */
  blankKept?: boolean;
  /** A file without this column may give one value for all its rows, typed once on the card (the
   *  agency of a city's incident export, which never names itself): `mapping.constants`. */
  typed?: boolean;
  /** A required column whose blank rows are listed in the load report (count and first rows) and
   *  not loaded, rather than refusing the file: a death record without a date cannot be placed in a
   *  month. `blankSkippedMeans` says what that means, for the report. */
  blankSkipped?: boolean;
  blankSkippedMeans?: string;
  /** For `fips` fields: digits to pad to. */
  width?: number;
}

export type KindId =
  | 'encounters'
  | 'costs'
  | 'naloxone'
  | 'crime_incidents'
  | 'crime_monthly_long'
  | 'crime_monthly_wide'
  | 'crime_annual'
  | 'crime_annual_wide'
  | 'cdc_vsrr'
  | 'cdc_wonder'
  | 'cdc_vsrr_county'
  | 'overdose_monthly'
  | 'overdose_incidents'
  | 'death_records'
  | 'cdc_dose_sys'
  | 'cdc_dose_dx'
  | 'town_years';

/** Builds the SQL expression of one canonical column from the parsed fields. */
export type Expr = (field: (name: string) => string, status: (name: string) => string) => string;

export interface KindDef {
  id: KindId;
  label: string;
  description: string;
  table: TableName;
  fields: FieldDef[];
  /** What one loaded row is, where a row of the file becomes several (one per value column), for
   *  the load report: "figures (one per row and drug column)". Plain rows when not given. */
  rowUnit?: string;
  /** Normalised headers whose presence makes this kind much more likely (a format's fingerprint). */
  signature?: string[];
  /** Canonical column -> expression. Columns not listed take the field of the same name. */
  columns?: Record<string, Expr>;
  /** Extra WHERE condition on the staged rows (for example a notes block at the end of the file). */
  keepRow?: (field: (name: string) => string, raw: (name: string) => string) => string;
  /** Groups of optional fields of which at least one must be mapped (a counts file needs one of
   *  its count columns). `label` names the group where a missing field would be named. */
  requireOneOf?: { fields: string[]; label: string }[];
  /** Rules across fields, checked before loading. */
  checks?: CrossCheck[];
  /** Wide layouts: one numeric column per offense, unpivoted on load into the table's `offense`
   *  column (the offense the column's header names) and `valueColumn` (its value). Columns that
   *  total others ("Violent crime") are not among the synonyms, so never read as offenses. */
  wide?: { offenseSynonyms: Record<string, string>; valueColumn: string };
  /** Flag columns recognised by name, one per substance (a medical examiner's export: "Y" or blank):
   *  normalised header -> the group it marks (`mapping.flagColumns`). `implies`: a group that marks
   *  others too (fentanyl is an opioid). `present`: the values (lower case) read as present; any
   *  other value, blank included, is absent. `namedByValue`: groups whose columns write the substance
   *  instead of a flag (an "Other" column holding "Bupren"): any value but a no counts as present. */
  flags?: { synonyms: Record<string, string>; groups: readonly string[]; implies?: Record<string, string[]>; present: readonly string[];
    namedByValue?: readonly string[] };
  /** Tables wide by year (a state health department's overdose deaths by city or town, one column
   *  per year): every header that is a year is a value column, unpivoted on load to place × year
   *  (`mapping.yearColumns`). `totals`: place names (normalised) of a total row, which is checked
   *  against the sum of the places and not loaded. `markers`: cells that give no count, and why. */
  byYear?: { totals: readonly string[]; markers: Readonly<Record<string, string>> };
  /** Exports that end with a notes block after the data (CDC WONDER: a line "---", then notes).
   *  Without the block it loads with a warning that its completeness cannot be confirmed (one that
   *  names the last value when there is no line break after it); a last row short of values or
   *  inside an open quote is refused as cut short. `example`: what the block looks like, for messages. */
  notesBlock?: { example: string };
}

/** A rule across fields, checked before loading (for example: placed before the encounter). */
export interface CrossCheck {
  column: string;
  severity: 'error' | 'warning';
  /** SQL condition that is true for a bad row; receives parsed fields. */
  condition: (field: (name: string) => string) => string;
  /** Fields that must be mapped for the check to run. */
  needs: string[];
  message: string;
  fix: string;
}

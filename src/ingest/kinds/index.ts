import { crimeIncidents, crimeMonthlyLong, crimeMonthlyWide } from './crime.ts';
import { cdcVsrr, cdcVsrrCounty, cdcWonder, deathRecords, overdoseIncidents, overdoseMonthly } from './overdose.ts';
import { costs, encounters, naloxone } from './program.ts';
import type { KindDef, KindId } from './types.ts';

export const KINDS: readonly KindDef[] = [
  encounters, costs, naloxone,
  crimeIncidents, crimeMonthlyLong, crimeMonthlyWide,
  cdcVsrr, cdcWonder, cdcVsrrCounty, overdoseMonthly, overdoseIncidents, deathRecords,
];

export function kindById(id: KindId): KindDef {
  const k = KINDS.find((x) => x.id === id);
  if (!k) throw new Error(`Unknown file kind: ${id}`);
  return k;
}

export type { KindDef, KindId, FieldDef, FieldType } from './types.ts';
export { DEATH_SUBSTANCE_GROUPS, VSRR_INDICATORS, vsrrIndicator, vsrrIndicatorGroup, vsrrIndicatorGroupSql } from './overdose.ts';
export type { DeathSubstanceGroup, VsrrIndicator, VsrrIndicatorGroup } from './overdose.ts';

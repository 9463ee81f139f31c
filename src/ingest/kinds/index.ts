import { crimeAnnual, crimeAnnualWide } from './annualFiles.ts';
import { crimeIncidents, crimeMonthlyLong, crimeMonthlyWide } from './crimeFiles.ts';
import { cdcDoseDx, cdcDoseSys } from './doseFiles.ts';
import { townYears } from './townYearFiles.ts';
import { cdcVsrr, cdcVsrrCounty, cdcWonder, deathRecords, overdoseIncidents, overdoseMonthly } from './overdoseFiles.ts';
import { costs, encounters, naloxone } from './programFiles.ts';
import type { KindDef, KindId } from './kindDef.ts';

export const KINDS: readonly KindDef[] = [
  encounters, costs, naloxone,
  crimeIncidents, crimeMonthlyLong, crimeMonthlyWide, crimeAnnual, crimeAnnualWide,
  cdcVsrr, cdcWonder, cdcVsrrCounty, overdoseMonthly, overdoseIncidents, deathRecords, cdcDoseSys, cdcDoseDx, townYears,
];

export function kindById(id: KindId): KindDef {
  const k = KINDS.find((x) => x.id === id);
  if (!k) throw new Error(`Unknown file kind: ${id}`);
  return k;
}

export type { KindDef, KindId, FieldDef, FieldType } from './kindDef.ts';
export { DEATH_SUBSTANCE_GROUPS, VSRR_INDICATORS, vsrrIndicator, vsrrIndicatorGroup, vsrrIndicatorGroupSql } from './overdoseFiles.ts';
export type { DeathSubstanceGroup, VsrrIndicator, VsrrIndicatorGroup } from './overdoseFiles.ts';

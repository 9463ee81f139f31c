import { KpiCard } from '../../components/KpiCard.tsx';
import { fmt } from '../../components/format.ts';
import type { ProgramKpis } from '../../metrics/placements.ts';

/** `prefix` keeps the test ids of precomputed cards apart from the database's (tests wait for the latter). */
export function Kpis({ k, prefix = '' }: { k: ProgramKpis; prefix?: string }) {
  const base = k.placementBase === 'eligible encounters' ? k.eligible : k.encounters;
  return (
    <div className="kpis">
      <KpiCard testId={`${prefix}kpi-encounters`} label="Encounters" value={fmt.int(k.encounters)}
        definition="Visits or contacts with the program, by encounter date. One person can have several." />
      <KpiCard testId={`${prefix}kpi-people`} label="People" value={fmt.int(k.people)}
        detail={`${fmt.num1(k.people ? k.encounters / k.people : null)} encounters per person`}
        definition="Distinct participant pseudonyms among those encounters." />
      <KpiCard testId={`${prefix}kpi-placement-rate`} label="Placement rate" value={fmt.pct(k.placementRate)}
        detail={`${fmt.int(k.placed)} placed of ${fmt.int(base)} ${k.placementBase}`}
        definition={`Encounters ending in a treatment placement, divided by ${k.placementBase}.`} />
      <KpiCard testId={`${prefix}kpi-median-hours`} label="Median time to placement"
        value={k.medianHoursToPlacement == null ? '—' : `${fmt.num1(k.medianHoursToPlacement)} h`}
        definition="Median hours from the encounter to the placement, among placed encounters." />
      <KpiCard testId={`${prefix}kpi-cost-per-person`} label="Cost per person placed" value={fmt.usd(k.costPerPersonPlaced)}
        detail={k.totalCost == null ? 'No cost ledger loaded' : `${fmt.usd(k.totalCost)} ÷ ${fmt.int(k.peoplePlaced)} people placed`}
        definition="All ledger costs dated in the period divided by distinct people placed in the period. Insurance-paid treatment is not in the ledger." />
    </div>
  );
}

import { useProgram } from '../../state/useProgram.ts';
import { Link } from 'react-router';
import { MonthlyBarsChart } from '../../charts/MonthlyBarsChart.tsx';
import { NaloxoneChart } from '../../charts/NaloxoneChart.tsx';
import { fmt } from '../../components/format.ts';
import { FilterBar } from '../../components/FilterBar.tsx';
import { KpiCard } from '../../components/KpiCard.tsx';
import { MethodsPanel } from '../../components/MethodsPanel.tsx';
import { programTableCounts } from '../../metrics/programCoverage.ts';
import { kitTotals, kitsByMonth, naloxoneByMonth, naloxoneTotals } from '../../metrics/naloxone.ts';
import { useData } from '../../state/DataContext.tsx';
import { useFilters } from '../../state/useFilters.ts';
import { NoMatch } from '../program/ProgramPage.tsx';
import { useFilled } from '../placements/useFilled.ts';

const int = (v: number) => fmt.int(v);

/** Naloxone: administrations by officers (from the naloxone log) and kits handed out at program
 *  encounters (from the encounters export). Each part shows when its source is loaded. */
export function NaloxonePage() {
  const { status, programData } = useData();
  const filters = useFilters();
  const f = filters.filter;
  const counts = useProgram(programTableCounts);
  const filled = useFilled();
  const hasLog = (counts.rows[0]?.naloxone ?? 0) > 0;
  const hasKits = (filled?.naloxone_kit_given ?? 0) > 0;
  const totals = useProgram(hasLog ? naloxoneTotals : null, f);
  const monthly = useProgram(hasLog ? naloxoneByMonth : null, f);
  const kits = useProgram(hasKits ? kitsByMonth : null, f);
  const kitSum = useProgram(hasKits ? kitTotals : null, f);
  const kt = kitSum.rows[0];
  const t = totals.rows[0];
  const kitTotal = kits.rows.reduce((s, r) => s + r.kits, 0);
  const kitRecorded = kits.rows.reduce((s, r) => s + r.recorded, 0);
  const ready = status === 'ready' && !counts.loading && filled;
  return (
    <>
      <header className="page-head" data-program-records={programData ? 'ready' : 'reading'}>
        <h1>Naloxone</h1>
        <p className="hint">Overdoses reversed by officers with naloxone, what happened to the person, and the naloxone kits the program handed out.</p>
      </header>
      {status === 'starting' && <p role="status" className="status">Starting the in-browser database and loading data…</p>}
      {ready && !hasLog && !hasKits && (
        <p className="empty" data-testid="missing-table">No naloxone log is loaded and the encounters export has no naloxone-kit column, so this page has nothing to show.
          Add a naloxone log on the <Link to="/data">Data page</Link>.</p>
      )}
      {ready && (hasLog || hasKits) && (
        <>
          <FilterBar filters={filters} show={['agency']} />
          {!hasLog && <p className="notice" role="note" data-testid="no-naloxone-log">No naloxone log is loaded, so administrations and outcomes are not shown. Add one on the <Link to="/data">Data page</Link>.</p>}
          {!hasKits && <p className="notice" role="note" data-testid="no-kit-column">The encounters export has no naloxone-kit column, so kits handed out are not shown.</p>}
          {t && t.administrations === 0 && (!hasKits || kitRecorded === 0) ? <NoMatch filters={filters} what="naloxone records" /> : (
            <>
              <div className="kpis">
                {t && <KpiCard testId="kpi-administrations" label="Administrations" value={fmt.int(t.administrations)}
                  detail={`${fmt.int(t.doses)} doses`} definition="Rows of the naloxone log dated in the period: one person, one event." />}
                {t && <KpiCard testId="kpi-survived" label="Survived" value={fmt.pct(t.administrations ? t.survived / t.administrations : null)}
                  detail={`${fmt.int(t.survived)} survived, ${fmt.int(t.transported)} transported, ${fmt.int(t.died)} died, ${fmt.int(t.unknown)} unknown`}
                  definition="Administrations with the outcome “survived”, divided by all administrations (unknown outcomes included in the base)." />}
                {hasKits && <KpiCard testId="kpi-kits" label="Kits handed out" value={fmt.int(kitTotal)}
                  detail={`at ${fmt.int(kitRecorded)} encounters with the kit field filled in`}
                  definition="Program encounters in the period recorded as giving a naloxone kit." />}
                {hasKits && kt && <KpiCard testId="kpi-kit-people" label="People given a kit" value={fmt.int(kt.people)}
                  definition="Distinct people given a naloxone kit at a program encounter in the period." />}
              </div>
              <div className="charts">
                {hasLog && <NaloxoneChart rows={monthly.rows} loading={monthly.loading} />}
                {hasKits && (
                  <MonthlyBarsChart testId="chart-kits" loading={kits.loading} rows={kits.rows} valueKey="kits" valueLabel="kits per month"
                    format={int} color="#2e7d32"
                    title="Naloxone kits handed out at encounters, per month"
                    description="Bars: program encounters in each month at which a naloxone kit was given."
                    definition="By month of the encounter. Encounters with a blank kit field are not counted as kits; the table gives how many had it filled in."
                    columns={[{ key: 'month', label: 'Month', format: (v) => fmt.month(v as Date) }, { key: 'kits', label: 'Kits', numeric: true },
                      { key: 'recorded', label: 'Encounters with the field filled in', numeric: true }, { key: 'encounters', label: 'Encounters', numeric: true }]}
                    fileName="naloxone-kits-per-month" empty="No encounters in this period." />
                )}
              </div>
            </>
          )}
          <MethodsPanel items={[
            { term: 'Period', definition: `${filters.period.label}: the log’s date for administrations, the encounter date for kits.` },
            { term: 'Administration', definition: 'One row of the naloxone log: one person given naloxone by an officer at one event, however many doses.' },
            { term: 'Outcome', definition: 'As the log records it: survived, transported (to hospital), died, unknown. A blank outcome counts as unknown.' },
            { term: 'Agency', definition: 'The agency filter applies to both the log and the encounters. Pathway and treatment filters do not apply here.' },
            { term: 'Kits', definition: 'Encounters recorded as giving a naloxone kit. Kits handed out elsewhere (events, pharmacies) are not in program records.' },
          ]} />
        </>
      )}
    </>
  );
}

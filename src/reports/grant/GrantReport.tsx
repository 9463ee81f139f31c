import { useMemo, useState } from 'react';
import { BreakdownChart } from '../../charts/BreakdownChart.tsx';
import { NaloxoneChart } from '../../charts/NaloxoneChart.tsx';
import { PlacementsChart } from '../../charts/PlacementsChart.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { fmt } from '../../components/format.ts';
import { MethodsPanel } from '../../components/MethodsPanel.tsx';
import { useData } from '../../state/DataContext.tsx';
import { programEvents } from '../../domain/programInfo.ts';
import { describeFilters } from '../../state/useFilters.ts';
import { Narrative } from '../Narrative.tsx';
import { usePrintHeader } from '../printHeader.ts';
import { ReportActions, reportFileName } from '../ReportActions.tsx';
import { ReportHeader } from '../ReportHeader.tsx';
import { ReportTableView } from '../ReportTableView.tsx';
import { useReportPeriod } from '../useReportPeriod.ts';
import { draftNarrative } from './narrative.ts';
import { grantTables } from './tables.ts';
import { useGrantData } from './useGrantData.ts';

const int = (v: number) => fmt.int(v);
const BREAKDOWN_COLUMNS = (label: string) => [{ key: 'value', label }, { key: 'people', label: 'People', numeric: true },
  { key: 'encounters', label: 'Encounters', numeric: true }, { key: 'peoplePlaced', label: 'People placed', numeric: true }];

/** /reports/grant: the grant writer's report for any reporting period. Measures in funders'
 *  words, breakdowns, an editable narrative, charts, and downloads (one CSV, an .xlsx workbook,
 *  and the print dialog for a multi-page PDF with the program and period on every page). */
export function GrantReport() {
  const { status, program, isSample } = useData();
  const { filters, ready } = useReportPeriod();
  const [generated] = useState(() => new Date());
  const data = useGrantData(filters.filter, filters.period, program.launchDate);
  // Nothing is shown as final until the database holds the loaded files and the period is settled.
  const d = useMemo(() => ({ ...data, loading: data.loading || status !== 'ready' || !ready }), [data, status, ready]);
  const tables = useMemo(() => (d.loading ? [] : grantTables(d)), [d]);
  const periodLabel = filters.period.label;
  // Agency is the report's own filter; pathway or treatment type can arrive in a link from the analytics pages.
  const narrowed = describeFilters(filters).split(' · ').slice(1).join(' · ') || undefined;
  usePrintHeader(`${program.name} · Grant report · ${periodLabel}${narrowed ? ` · ${narrowed}` : ''}`);
  const meta = { program: program.name, period: periodLabel, generated, synthetic: isSample, filters: describeFilters(filters) };
  const byPathway = d.breakdowns.find((b) => b.dim === 'pathway');
  const byTreatment = d.breakdowns.find((b) => b.dim === 'treatment_type');
  const draft = d.loading ? '' : draftNarrative(d.measures, d.encounters, periodLabel, program.name);
  return (
    <article className="report grant-report" data-testid="grant-report" aria-busy={d.loading}>
      <ReportHeader kind="Grant report" program={program.name} period={periodLabel} filters={narrowed} generated={generated}
        synthetic={isSample} />
      {status === 'starting' && <p role="status" className="status">Starting the in-browser database and loading data…</p>}
      <div className="no-print">
        <FilterBar filters={filters} show={['agency']} />
        <ReportActions tables={tables} meta={meta} disabled={d.loading || !ready}
          fileName={reportFileName(program.name, 'grant report', filters.period.name || 'all data')} />
      </div>
      {!d.loading && d.encounters === 0 && (
        <p className="notice" role="status" data-testid="report-empty">
          No program encounters fall in this period{narrowed ? ` for ${narrowed}` : ''}. The measures below say 0 where the program was running and
          nothing was recorded, and N/A, with the reason, where a measure does not apply.
        </p>
      )}
      {!d.loading && (
        <>
          <section className="report-section" aria-label="Measures">
            <ReportTableView table={tables[0]!} />
          </section>
          <Narrative label="Narrative" draft={draft}
            storeKey={`grant|${program.name}|${filters.period.name}|${narrowed ?? ''}`} />
          <section className="report-section charts" aria-label="Charts">
            <h2>Charts</h2>
            <PlacementsChart rows={d.monthly} events={programEvents(program)} />
            {byPathway && (
              <BreakdownChart testId="chart-grant-pathway" rows={byPathway.rows} category="value" format={int}
                series={[{ key: 'people', label: 'People', color: '#6b4c9a' }, { key: 'peoplePlaced', label: 'People placed', color: '#1f4e79' }]}
                title="Participants by pathway" description="Bars: distinct people, and people placed in treatment, by the pathway of their encounter."
                definition="The six PTACC pathways, every one listed. A person whose encounters came by different pathways counts under each."
                columns={BREAKDOWN_COLUMNS('Pathway')} fileName="participants-by-pathway" />
            )}
            {byTreatment && (
              <BreakdownChart testId="chart-grant-treatment" rows={byTreatment.rows.filter((r) => r.value !== 'none')} category="value" format={int}
                series={[{ key: 'peoplePlaced', label: 'People placed', color: '#1f4e79' }]}
                title="People placed by treatment type" description="Bars: distinct people placed in each treatment type."
                definition="Placed encounters by treatment type; a person placed in two types counts under each."
                columns={BREAKDOWN_COLUMNS('Treatment type')} fileName="people-placed-by-treatment" />
            )}
            {d.hasNaloxoneLog && <NaloxoneChart rows={d.naloxoneMonthly} loading={false} />}
          </section>
          <section className="report-section" aria-label="Breakdowns">
            <h2>Breakdowns</h2>
            {tables.slice(1).map((t) => <ReportTableView key={t.id} table={t} />)}
            {d.breakdowns.length < 6 && (
              <p className="hint">Breakdowns by a column that no loaded encounter fills in (such as sex or race / ethnicity when the export lacks them) are left out.</p>
            )}
          </section>
          <MethodsPanel testId="grant-methods" items={[
            { term: 'Period', definition: `${periodLabel}. Every program figure follows the encounter date; a placement made after the period for an encounter inside it counts in this period.` },
            { term: 'One truth', definition: 'Each figure is computed by the same query, with the same filter, as the analytics pages (Placements, Naloxone), so a figure here equals the one shown there.' },
            { term: '0 and N/A', definition: '0: the program was running and its records cover the period, and nothing of that kind happened. N/A: the measure cannot be reported — no source loaded, a field the export does not have, a period outside the records, or no placements to time.' },
            { term: 'People', definition: 'Distinct participant pseudonyms. The program export holds no names.' },
            { term: 'Sources', definition: `The program’s own exports loaded in this browser${isSample ? ' (here, the synthetic sample program)' : ''}. Nothing was sent to any server.` },
          ]} />
        </>
      )}
    </article>
  );
}

import { useProgram } from '../../state/useProgram.ts';
import { type ReactNode } from 'react';
import { Link } from 'react-router';
import { FilterBar } from '../../components/FilterBar.tsx';
import { programTableCounts, type TableCounts } from '../../metrics/programCoverage.ts';
import { useData } from '../../state/DataContext.tsx';
import { describeFilters, useFilters, type Filters } from '../../state/useFilters.ts';

/** The frame of the program pages: heading, filters, and what to say when there is nothing to
 *  show. `needs` names the table the page is about; without rows in it the page says why. */
export function ProgramPage({ title, intro, needs, filterFields, children }: {
  title: string;
  intro: ReactNode;
  needs: 'encounters' | 'costs' | 'naloxone';
  filterFields?: ('agency' | 'pathway' | 'treatment')[];
  children: (f: Filters, counts: TableCounts) => ReactNode;
}) {
  const { status, programData } = useData();
  const filters = useFilters();
  const counts = useProgram(programTableCounts);
  const c = counts.rows[0];
  const what = { encounters: 'program encounters export', costs: 'cost ledger', naloxone: 'naloxone log' }[needs];
  return (
    <>
      <header className="page-head" data-program-records={programData ? 'ready' : 'reading'}>
        <h1>{title}</h1>
        <p className="hint">{intro}</p>
      </header>
      {status === 'starting' && <p role="status" className="status">Starting the in-browser database and loading data…</p>}
      {status === 'ready' && c && c[needs] === 0 && (
        <p className="empty" data-testid="missing-table">No {what} is loaded, so this page has nothing to show.
          Add one on the <Link to="/data">Data page</Link>.</p>
      )}
      {status === 'ready' && c && c[needs] > 0 && (
        <>
          <FilterBar filters={filters} show={filterFields} />
          {children(filters, c)}
        </>
      )}
    </>
  );
}

/** Said when a filter leaves nothing. */
export function NoMatch({ filters, what }: { filters: Filters; what: string }) {
  return (
    <p className="empty" role="status" data-testid="no-match">
      No {what} match these filters ({describeFilters(filters)}). Choose a wider period or{' '}
      <button type="button" className="link" onClick={filters.clear}>clear the filters</button>.
    </p>
  );
}

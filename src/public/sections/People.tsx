import type { Cell, Snapshot, SnapshotTableId } from '../../snapshot/snapshotFormat.ts';
import { CellView } from '../components/CellView.tsx';
import { Later } from '../components/Later.tsx';
import { Section } from '../components/Section.tsx';
import { TableFigure } from '../components/TableFigure.tsx';
import type { Key } from '../i18n/en.ts';
import { useI18n } from '../i18n/index.ts';
import { tableById } from '../snapshot.ts';

/** The headline totals and the published total rows they come from: people and visits from
 *  people_by_year (no visit total is published: it would let a hidden small year be worked out), placements from the grand total of placements_by_treatment. */
const KPIS: readonly { id: string; table: SnapshotTableId; column: string; label: Key; note: Key }[] = [
  { id: 'people', table: 'people_by_year', column: 'people', label: 'kpi.people', note: 'kpi.peopleNote' },
  { id: 'placements', table: 'placements_by_treatment', column: 'total', label: 'kpi.placements', note: 'kpi.placementsNote' },
];

/** Headline totals, then people and placements by year, placements by treatment type, and people by
 *  age band and by residence. */
export function People({ snapshot }: { snapshot: Snapshot }) {
  const { t } = useI18n();
  return (
    <Section id="people" intro="people.intro">
      <ul className="kpis">
        {KPIS.map((k) => <Kpi key={k.id} id={k.id} column={k.column} cell={tableById(snapshot, k.table)?.total?.[k.column]} label={t(k.label)} note={t(k.note)} />)}
      </ul>
      <div className="figures">
        <Later at={1}><TableFigure snapshot={snapshot} id="people_by_year" chart="bars" prefer={['people']} /></Later>
        <Later at={2}><TableFigure snapshot={snapshot} id="placements_by_treatment" chart="bars" prefer={['total']} fallback="last" /></Later>
        <Later at={3}><TableFigure snapshot={snapshot} id="people_by_age_band" chart="bars" prefer={['people']} /></Later>
        <Later at={4}><TableFigure snapshot={snapshot} id="people_by_residence" chart="bars" prefer={['people']} /></Later>
      </div>
    </Section>
  );
}

function Kpi({ id, column, cell, label, note }: { id: string; column: string; cell: Cell | undefined; label: string; note: string }) {
  const { t } = useI18n();
  return (
    <li className="kpi" data-testid={`kpi-${id}`}>
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">{cell === undefined ? t('kpi.none') : <CellView column={column} cell={cell} />}</span>
      <span className="kpi-note">{note}</span>
    </li>
  );
}

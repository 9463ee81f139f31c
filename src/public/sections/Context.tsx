import type { Snapshot } from '../../snapshot/snapshotFormat.ts';
import type { Marker } from '../charts/LineChart.tsx';
import { Section } from '../components/Section.tsx';
import { TableFigure } from '../components/TableFigure.tsx';
import { useI18n } from '../i18n/index.ts';

/** Crime and overdoses from public data, with the caveats first: where the numbers come from, that
 *  a change is not the program's doing, and the 2021 break in the FBI series. */
export function Context({ snapshot }: { snapshot: Snapshot }) {
  const { t } = useI18n();
  const launch = snapshot.program.launchDate?.slice(0, 4);
  const markers: Marker[] = [
    { at: '2021', label: t('chart.fbiBreak'), kind: 'break' },
    ...(launch ? [{ at: launch, label: t('chart.launch'), kind: 'launch' as const }] : []),
  ];
  return (
    <Section id="context" intro="context.intro">
      <ul className="caveats" data-testid="caveats">
        <li>{t('context.public')}</li>
        <li><strong>{t('context.cause')}</strong></li>
        <li>{t('context.fbi')}</li>
      </ul>
      <div className="figures">
        <TableFigure snapshot={snapshot} id="crime_by_year" chart="line" prefer={['offenses']} markers={markers} />
        <TableFigure snapshot={snapshot} id="overdoses_by_year" chart="line" prefer={['overdoses']} markers={markers.filter((m) => m.kind === 'launch')} />
      </div>
    </Section>
  );
}

import type { Snapshot } from '../../snapshot/snapshotFormat.ts';
import { Section } from '../components/Section.tsx';
import { useI18n } from '../i18n/index.ts';
import { tableText } from '../labels.ts';

/** One link per published table to its CSV, which sits next to the page as `<table id>.csv`. */
export function Download({ snapshot }: { snapshot: Snapshot }) {
  const i = useI18n();
  return (
    <Section id="download" intro="download.intro">
      <ul className="downloads" data-testid="downloads">
        {snapshot.tables.map((tb) => (
          <li key={tb.id}>
            <a href={`${encodeURIComponent(tb.id)}.csv`} download={`${tb.id}.csv`} type="text/csv">
              {i.t('download.csv', { title: tableText(i, tb, '') ?? tb.id })}
            </a>
          </li>
        ))}
      </ul>
    </Section>
  );
}

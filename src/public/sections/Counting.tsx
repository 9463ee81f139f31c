import type { Snapshot } from '../../snapshot/snapshotFormat.ts';
import { Section } from '../components/Section.tsx';
import type { Key } from '../i18n/en.ts';
import { useI18n } from '../i18n/index.ts';

const TERMS: readonly [Key, Key][] = [
  ['counting.encounter', 'counting.encounterDef'],
  ['counting.person', 'counting.personDef'],
  ['counting.placement', 'counting.placementDef'],
  ['counting.time', 'counting.timeDef'],
  ['counting.cost', 'counting.costDef'],
  ['counting.period', 'counting.periodDef'],
];

/** Definitions: what a visit, a person, a placement and a period are. */
export function Counting({ snapshot }: { snapshot: Snapshot }) {
  const { t, fmt } = useI18n();
  const period = { from: fmt.month(snapshot.coverage.from), to: fmt.month(snapshot.coverage.to) };
  return (
    <Section id="counting">
      <dl className="terms">
        {TERMS.map(([term, def]) => (
          <div key={term}>
            <dt>{t(term)}</dt>
            <dd>{t(def, period)}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

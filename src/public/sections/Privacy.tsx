import type { Snapshot } from '../../snapshot/snapshotFormat.ts';
import { Section } from '../components/Section.tsx';
import { useI18n } from '../i18n/index.ts';
import { SUPPRESSED_SYMBOL } from '../labels.ts';

/** The suppression rules, with the thresholds the snapshot was built with. */
export function Privacy({ snapshot }: { snapshot: Snapshot }) {
  const { t, fmt, label } = useI18n();
  const r = snapshot.rules;
  return (
    <Section id="privacy" intro="privacy.intro">
      <ul className="rules" data-testid="privacy-rules">
        <li>{t('privacy.small', { min: fmt.count(r.suppressMin), max: fmt.count(r.suppressMax), symbol: SUPPRESSED_SYMBOL })}</li>
        <li>{t('privacy.complementary')}</li>
        <li>{t('privacy.age', { band: label('val', r.topAgeBand) })}</li>
        <li>{t('privacy.residence')}</li>
        <li>{t('privacy.percent', { n: fmt.count(r.minPercentBase) })}</li>
        <li>{t('privacy.records')}</li>
      </ul>
    </Section>
  );
}

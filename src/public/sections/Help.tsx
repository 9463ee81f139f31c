import type { Snapshot } from '../../snapshot/snapshotFormat.ts';
import { Section } from '../components/Section.tsx';
import { useI18n } from '../i18n/index.ts';

/** How to get help comes first: that is the point of the program. The words are the program's
 *  own, in the reader's language. */
export function Help({ snapshot }: { snapshot: Snapshot }) {
  const { t, lang, fmt } = useI18n();
  const p = snapshot.program;
  return (
    <Section id="help">
      <div className="help-card" data-testid="help">
        <p className="help-text">{p.howToGetHelp[lang]}</p>
        {(p.phone || p.address) && (
          <dl className="contact">
            {p.phone && (<><dt>{t('help.phone')}</dt><dd><a href={`tel:${p.phone.replace(/[^\d+]/g, '')}`} data-testid="help-phone">{p.phone}</a></dd></>)}
            {p.address && (<><dt>{t('help.address')}</dt><dd data-testid="help-address">{p.address}</dd></>)}
          </dl>
        )}
      </div>
      <h3>{t('help.about')}</h3>
      <p data-testid="about">{p.about[lang]}</p>
      {p.launchDate && <p>{t('help.launched', { date: fmt.day(p.launchDate) })}</p>}
    </Section>
  );
}

import { useEffect } from 'react';
import type { Snapshot } from '../snapshot/snapshotFormat.ts';
import { Later, Stages } from './components/Later.tsx';
import { SECTIONS } from './components/Section.tsx';
import { useI18n } from './i18n/index.ts';
import { Context } from './sections/Context.tsx';
import { Counting } from './sections/Counting.tsx';
import { Download } from './sections/Download.tsx';
import { Help } from './sections/Help.tsx';
import { People } from './sections/People.tsx';
import { Privacy } from './sections/Privacy.tsx';
import { Costs, Time } from './sections/TimeAndCosts.tsx';

const LAST = 7;

/** The published snapshot, section by section; see Later.tsx for the steps it is drawn in. */
export function Report({ snapshot }: { snapshot: Snapshot }) {
  const { t, fmt } = useI18n();
  const p = snapshot.program;
  return (
    <Stages last={LAST}>
      <div className="head">
        <h1 data-testid="program-name">{p.name}</h1>
        {p.synthetic && (
          <p className="synthetic" role="note" data-testid="synthetic-label">
            <strong>{t('synthetic.label')}.</strong> {t('synthetic.text')}
          </p>
        )}
        <p className="meta">
          <span data-testid="updated">{t('updated', { date: fmt.day(snapshot.generated) })}</span>{' '}
          <span data-testid="coverage">{t('coverage', { from: fmt.month(snapshot.coverage.from), to: fmt.month(snapshot.coverage.to) })}</span>
        </p>
      </div>
      {/* How to get help comes before everything else, the contents included: it is the point of the program. */}
      <Help snapshot={snapshot} />
      <nav aria-label={t('toc.label')} className="toc">
        <h2 className="toc-title">{t('toc.label')}</h2>
        <ul>{SECTIONS.map((s) => <li key={s.id}><a href={`#${s.id}`}>{t(s.heading)}</a></li>)}</ul>
      </nav>
      <People snapshot={snapshot} />
      <Later at={5}>
        <Time snapshot={snapshot} />
        <Costs snapshot={snapshot} />
      </Later>
      <Later at={6}><Context snapshot={snapshot} /></Later>
      <Later at={LAST}>
        <Counting snapshot={snapshot} />
        <Privacy snapshot={snapshot} />
        <Download snapshot={snapshot} />
        <GoToHash />
      </Later>
    </Stages>
  );
}

/** Once every section exists, go to the one the address names, as the browser would have done had
 *  it been there on load. */
function GoToHash() {
  useEffect(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView();
  }, []);
  return null;
}

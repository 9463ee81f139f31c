import type { ReactNode } from 'react';
import type { Key } from '../i18n/en.ts';
import { useI18n } from '../i18n/index.ts';

/** The page's sections, in order, with their heading keys (the table of contents uses them). */
export const SECTIONS: readonly { id: string; heading: Key }[] = [
  { id: 'help', heading: 'help.heading' },
  { id: 'people', heading: 'people.heading' },
  { id: 'time', heading: 'time.heading' },
  { id: 'costs', heading: 'costs.heading' },
  { id: 'context', heading: 'context.heading' },
  { id: 'counting', heading: 'counting.heading' },
  { id: 'privacy', heading: 'privacy.heading' },
  { id: 'download', heading: 'download.heading' },
];

export function Section({ id, children, intro }: { id: string; children?: ReactNode; intro?: Key }) {
  const { t } = useI18n();
  const s = SECTIONS.find((x) => x.id === id)!;
  return (
    <section id={id} aria-labelledby={`${id}-h`} className="section">
      <h2 id={`${id}-h`}>{t(s.heading)}</h2>
      {intro && <p className="intro">{t(intro)}</p>}
      {children}
    </section>
  );
}

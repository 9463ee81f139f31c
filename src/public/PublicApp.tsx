import { startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import { LangSwitch } from './components/LangSwitch.tsx';
import { detectLang, I18nContext, makeI18n, STORAGE_KEY, type Lang } from './i18n/index.ts';
import { loadSnapshot, type LoadState } from './snapshot.ts';
import { Report } from './Report.tsx';

function stored(): string | null {
  try { return localStorage.getItem(STORAGE_KEY); } catch { return null; }
}

/** The public page: the language (address, then the reader's earlier choice, then the browser),
 *  the snapshot from next to the page, and the report. */
export function PublicApp() {
  const [lang, setLang] = useState<Lang>(() => detectLang(location.search, stored(), navigator.languages ?? []));
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const i18n = useMemo(() => makeI18n(lang), [lang]);
  const { t } = i18n;

  // A transition renders the report in short slices, so the page stays responsive while it draws.
  useEffect(() => { void loadSnapshot().then((s) => startTransition(() => setState(s))); }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    const name = state.status === 'ready' ? state.snapshot.program.name : '';
    document.title = name ? `${t('page.title')} · ${name}` : t('page.title');
    document.querySelector('meta[name="description"]')?.setAttribute('content', t('page.description'));
  }, [lang, state, t]);

  const choose = useCallback((l: Lang) => {
    setLang(l);
    try { localStorage.setItem(STORAGE_KEY, l); } catch { /* private mode: the address keeps it */ }
    const url = new URL(location.href);
    url.searchParams.set('lang', l);
    history.replaceState(history.state, '', url);
  }, []);

  return (
    <I18nContext.Provider value={i18n}>
      <a className="skip" href="#main">{t('skip')}</a>
      <header className="top">
        <div className="top-inner">
          <p className="kicker">{t('page.kicker')}</p>
          <LangSwitch onChange={choose} />
        </div>
      </header>
      <main id="main" tabIndex={-1} aria-busy={state.status === 'loading'}>
        {state.status === 'loading' && <p className="loading">{t('loading')}</p>}
        {state.status === 'failed' && <p role="alert" className="error" data-testid="load-error">{t(state.error === 'version' ? 'error.version' : 'error.load')}</p>}
        {state.status === 'ready' && <Report snapshot={state.snapshot} />}
      </main>
      {state.status === 'ready' && (
        <footer className="foot">
          <p>{t('updated', { date: i18n.fmt.day(state.snapshot.generated) })}</p>
        </footer>
      )}
    </I18nContext.Provider>
  );
}

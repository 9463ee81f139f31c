import { LANG_NAMES, LANGS, useI18n, type Lang } from '../i18n/index.ts';

/** The language switch: one button per language, each named in its own language; the current one
 *  is pressed. */
export function LangSwitch({ onChange }: { onChange: (l: Lang) => void }) {
  const { t, lang } = useI18n();
  return (
    <div className="lang" role="group" aria-label={t('lang.label')} data-testid="lang-switch">
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={l === lang} onClick={() => onChange(l)} data-lang={l}>
          {LANG_NAMES[l]}
        </button>
      ))}
    </div>
  );
}

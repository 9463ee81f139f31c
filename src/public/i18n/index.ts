import { createContext, useContext } from 'react';
import { en, type Key } from './en.ts';
import { es } from './es.ts';
import { formatters, type Formatters } from '../publicFormat.ts';

export type Lang = 'en' | 'es';
export const LANGS: readonly Lang[] = ['en', 'es'];
export const DICTIONARIES: Record<Lang, Record<Key, string>> = { en, es };
const LOCALES: Record<Lang, string> = { en: 'en-US', es: 'es-US' };
/** Each language's name in itself: the switch shows these, the same in both languages. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', es: 'Español' };
export const STORAGE_KEY = 'public-page-lang';

const isLang = (v: string | null | undefined): v is Lang => v === 'en' || v === 'es';

/** The language to show: `?lang=` in the address, then the reader's earlier choice, then the
 *  browser's preferred languages, then English. */
export function detectLang(search: string, stored: string | null, preferred: readonly string[]): Lang {
  const param = new URLSearchParams(search).get('lang')?.toLowerCase();
  if (isLang(param)) return param;
  if (isLang(stored)) return stored;
  for (const p of preferred) {
    const base = p.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}

export interface I18n {
  lang: Lang;
  locale: string;
  /** The string for `key` with `{name}` placeholders filled in. */
  t: (key: Key, vars?: Record<string, string | number>) => string;
  /** The translation of an id the snapshot uses (`col.people`, `val.detox`), or the id itself. */
  label: (prefix: 'col' | 'val' | 'rowKey', id: string) => string;
  /** The string for a key built at run time, if the dictionary has it. */
  maybe: (key: string) => string | undefined;
  fmt: Formatters;
}

export function makeI18n(lang: Lang): I18n {
  const dict = DICTIONARIES[lang];
  const t = (key: Key, vars: Record<string, string | number> = {}) =>
    dict[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  const maybe = (key: string) => (Object.hasOwn(dict, key) ? dict[key as Key] : undefined);
  const label = (prefix: string, id: string) => maybe(`${prefix}.${id}`) ?? id;
  return { lang, locale: LOCALES[lang], t, label, maybe, fmt: formatters(LOCALES[lang]) };
}

export const I18nContext = createContext<I18n>(makeI18n('en'));
export const useI18n = () => useContext(I18nContext);

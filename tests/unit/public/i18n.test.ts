import { describe, expect, it } from 'vitest';
import { en } from '../../../src/public/i18n/en.ts';
import { es } from '../../../src/public/i18n/es.ts';
import { detectLang, makeI18n } from '../../../src/public/i18n/index.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Strings that read the same in both languages (a word both share, or only placeholders). */
const SAME_IN_BOTH = new Set(['row.total', 'col.total', 'val.total', 'hours', 'chart.item', 'chart.summary', 'download.csv']);

describe('the public page dictionaries', () => {
  it('have the same keys in English and Spanish', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty string', () => {
    for (const d of [en, es]) for (const [k, v] of Object.entries(d)) expect(v.trim(), k).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const k of Object.keys(en) as (keyof typeof en)[]) expect(placeholders(es[k]), k).toEqual(placeholders(en[k]));
  });

  it('translate every string (the same text in both only where the languages share it)', () => {
    const same = (Object.keys(en) as (keyof typeof en)[]).filter((k) => en[k] === es[k]);
    expect(same.sort()).toEqual([...SAME_IN_BOTH].sort());
  });
});

describe('language choice', () => {
  it('takes ?lang= first, then the stored choice, then the browser, then English', () => {
    expect(detectLang('?lang=es', 'en', ['en-US'])).toBe('es');
    expect(detectLang('?lang=EN', 'es', ['es-MX'])).toBe('en');
    expect(detectLang('?lang=fr', 'es', ['en-US'])).toBe('es');
    expect(detectLang('', null, ['fr-FR', 'es-MX', 'en'])).toBe('es');
    expect(detectLang('', 'xx', ['de-DE'])).toBe('en');
  });

  it('fills placeholders and translates known ids, leaving other ids as given', () => {
    const i = makeI18n('es');
    expect(i.locale).toBe('es-US');
    expect(i.t('privacy.percent', { n: 30 })).toBe('Los porcentajes no se muestran cuando se basan en menos de 30 personas o visitas.');
    expect(i.label('val', 'MOUD buprenorphine')).toBe('Medicamento: buprenorfina');
    expect(i.label('val', 'Gannet Bay')).toBe('Gannet Bay');
    expect(i.label('col', '2024')).toBe('2024');
    expect(i.maybe('tbl.not_a_table')).toBeUndefined();
    expect(i.maybe('constructor')).toBeUndefined();
  });
});

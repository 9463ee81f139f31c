import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../src/snapshot/snapshotFormat.ts';
import { I18nContext, makeI18n, type Lang } from '../../../src/public/i18n/index.ts';
import { Report } from '../../../src/public/Report.tsx';

const s = JSON.parse(readFileSync('tests/fixtures/snapshot/snapshot.json', 'utf8')) as Snapshot;
const render = (lang: Lang, snapshot: Snapshot = s) =>
  renderToStaticMarkup(createElement(I18nContext.Provider, { value: makeI18n(lang) }, createElement(Report, { snapshot })));
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** The report rendered from the fixture (figures below are the fixture's own). */
describe('the public report', () => {
  it('puts how to get help before any figure, in the reader\'s language', () => {
    const en = render('en');
    const es = render('es');
    expect(en.indexOf('id="help"')).toBeLessThan(en.indexOf('id="people"'));
    expect(text(en)).toContain(s.program.howToGetHelp.en);
    expect(text(es)).toContain(s.program.howToGetHelp.es);
    expect(en).toContain('href="tel:5550100142"');
  });

  it('shows suppressed and n/a cells as symbols with their meaning in words', () => {
    const en = render('en');
    // placements_by_treatment hides 4 cells, people_by_age_band 2, overdoses_by_year 3; n/a: the
    // people placed total, crime in 2025, overdoses in 2025 (twice).
    expect(en.match(/data-cell="suppressed"/g)).toHaveLength(9);
    expect(en.match(/data-cell="n\/a"/g)).toHaveLength(4);
    expect(en).toContain('<span aria-hidden="true">*</span><span class="visually-hidden">suppressed to protect privacy</span>');
    expect(render('es')).toContain('<span aria-hidden="true">n/d</span><span class="visually-hidden">no disponible</span>');
  });

  it('formats figures per locale and names partial years', () => {
    const en = text(render('en'));
    const es = text(render('es'));
    expect(en).toContain('$171,400');
    expect(en).toContain('81.2%');
    expect(es).toContain('81.2%');
    expect(en).toContain('2022 (from March)');
    expect(es).toContain('2025 (hasta junio)');
    expect(en).toContain('Last updated July 15, 2025.');
    expect(es).toContain('Última actualización: 15 de julio de 2025.');
  });

  it('states the privacy rules with the snapshot\'s thresholds', () => {
    const en = text(render('en', { ...s, rules: { ...s.rules, suppressMax: 15, minPercentBase: 50 } }));
    expect(en).toContain('Counts from 1 to 15 are never shown.');
    expect(en).toContain('fewer than 50 people or visits');
    expect(en).toContain('The oldest band is 65 and older');
  });

  it('links one CSV per table and describes every chart', () => {
    const en = render('en');
    for (const t of s.tables) expect(en).toContain(`href="${t.id}.csv"`);
    const labels = [...en.matchAll(/role="img" aria-label="([^"]*)"/g)].map((m) => m[1]!);
    expect(labels).toHaveLength(s.tables.length);
    expect(labels[0]).toBe('People helped per year. 2022 (from March): 298, 2023: 372, 2024: 365, and 2025 (to June): 196.');
  });

  it('leaves out the synthetic label for a real program, and a table the snapshot lacks', () => {
    const real = { ...s, program: { ...s.program, synthetic: false }, tables: s.tables.filter((t) => t.id !== 'costs_by_year') };
    const en = render('en', real);
    expect(en).not.toContain('synthetic-label');
    expect(en).not.toContain('figure-costs_by_year');
    expect(en).toContain('figure-crime_by_year');
  });
});

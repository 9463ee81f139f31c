// @vitest-environment jsdom
import { act, createElement, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import type { Connection, Row } from '../../../src/db/database.ts';
import { SqlAnswers } from '../../../src/state/sqlAnswers.ts';

const asked: string[] = [];
const waiting: { resolve: (rows: Row[]) => void; reject: (e: Error) => void }[] = [];
const conn = { query: (sql: string) => { asked.push(sql); return new Promise<Row[]>((resolve, reject) => waiting.push({ resolve, reject })); } } as unknown as Connection;
const data = { conn, version: 1, answers: new SqlAnswers(conn) };
vi.mock('../../../src/state/DataContext.tsx', () => ({ useData: () => data }));
const { useSql } = await import('../../../src/state/useSql.ts');

describe('useSql', () => {
  it('asks a new query while the view renders, before React commits and draws it; shows the answer when it comes', async () => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    let askedAtLayout = -1;
    function View({ sql }: { sql: string }) {
      const r = useSql<Row>({ sql } as never);
      return createElement('p', null, r.loading ? 'loading' : `${r.rows.length} rows`);
    }
    // Layout effects run after the render and before React's passive effects, where the query was asked before.
    function Drawn() {
      useLayoutEffect(() => { askedAtLayout = asked.length; });
      return null;
    }
    const el = document.createElement('div');
    const root = createRoot(el);
    await act(async () => root.render(createElement('div', null, createElement(View, { sql: 'SELECT a' }), createElement(Drawn))));
    expect(askedAtLayout).toBe(1);
    expect(asked).toEqual(['SELECT a']);
    expect(el.textContent).toBe('loading');
    await act(async () => waiting[0]!.resolve([{ a: 1 }, { a: 2 }]));
    expect(el.textContent).toBe('2 rows');
    // Shown again: answered from what is kept, nothing sent.
    await act(async () => root.render(createElement('div', null, createElement(View, { sql: 'SELECT a' }), createElement(Drawn))));
    expect(asked).toEqual(['SELECT a']);
    expect(el.textContent).toBe('2 rows');
    act(() => root.unmount());
  });

  it('a query that fails shows its error, and is sent once however often the view renders', async () => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    function View({ n }: { n: number }) {
      const r = useSql<Row>({ sql: 'SELECT broken' } as never);
      return createElement('p', null, `${n}: ${r.loading ? 'loading' : r.error ?? `${r.rows.length} rows`}`);
    }
    const el = document.createElement('div');
    const root = createRoot(el);
    const sent = () => asked.filter((q) => q === 'SELECT broken').length;
    await act(async () => root.render(createElement(View, { n: 1 })));
    await act(async () => waiting.at(-1)!.reject(new Error('Binder Error: no column broken')));
    expect(el.textContent).toBe('1: Binder Error: no column broken');
    for (let n = 2; n <= 4; n++) await act(async () => root.render(createElement(View, { n })));
    expect(el.textContent).toBe('4: Binder Error: no column broken');
    expect(sent()).toBe(1);
    act(() => root.unmount());
  });
});

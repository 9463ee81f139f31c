// @vitest-environment jsdom
import { act, createElement, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import type { Connection, Row } from '../../../src/db/database.ts';
import { SqlAnswers } from '../../../src/state/sqlAnswers.ts';

const asked: string[] = [];
const waiting: ((rows: Row[]) => void)[] = [];
const conn = { query: (sql: string) => { asked.push(sql); return new Promise<Row[]>((r) => waiting.push(r)); } } as unknown as Connection;
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
    await act(async () => waiting[0]!([{ a: 1 }, { a: 2 }]));
    expect(el.textContent).toBe('2 rows');
    // Shown again: answered from what is kept, nothing sent.
    await act(async () => root.render(createElement('div', null, createElement(View, { sql: 'SELECT a' }), createElement(Drawn))));
    expect(asked).toEqual(['SELECT a']);
    expect(el.textContent).toBe('2 rows');
    act(() => root.unmount());
  });
});

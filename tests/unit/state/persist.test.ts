import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { notReadyProblem, prepare } from '../../../src/ingest/prepare.ts';
import { sniffFile } from '../../../src/ingest/sniff.ts';
import {
  describeStoreError, FileStore, fileOf, forgetSettings, keepable, restoredText, restoreKept, restoringText, storedFile,
  type RestoreState, type StoredFile,
} from '../../../src/state/persist.ts';
import { SAMPLE_PREFIX } from '../../../src/state/sampleFiles.ts';

/** A Storage with just what forgetSettings uses. */
function memoryStorage(init: Record<string, string>) {
  const m = new Map(Object.entries(init));
  return {
    get length() { return m.size; },
    key: (i: number) => [...m.keys()][i] ?? null,
    removeItem: (k: string) => { m.delete(k); },
    keys: () => [...m.keys()].sort(),
  };
}

describe('what is kept', () => {
  it('keeps files the user added, never the bundled sample', () => {
    expect(keepable('naloxone.csv')).toBe(true);
    expect(keepable(`${SAMPLE_PREFIX}naloxone.csv`)).toBe(false);
  });

  it('a kept file loads again with the kind and mapping the user chose, without asking', async () => {
    // Headers nothing recognises: the user picked the kind and every column.
    const file = new File(['when,unit,qty,result\n2024-01-05,Town PD,1,survived\n2024-02-06,Town PD,2,transported\n'], 'log.csv',
      { type: 'text/csv', lastModified: 1_700_000_000_000 });
    const first = prepare(file.name, file.size, await sniffFile(file.name, file));
    expect(first.ok && notReadyProblem(first)).toBeTruthy();
    const mapping = { kind: 'naloxone' as const, columns: { date: 'when', agency: 'unit', doses: 'qty', outcome: 'result' } };
    const chosen = prepare(file.name, file.size, await sniffFile(file.name, file), { kind: 'naloxone', mapping });
    if (!chosen.ok) throw new Error('not prepared');
    expect(notReadyProblem(chosen)).toBeNull();

    const kept = await storedFile('w1', file, chosen.plan.kind.id, chosen.plan.mapping, new Date('2024-03-01T12:00:00Z'));
    expect(kept).toMatchObject({ workspace: 'w1', name: 'log.csv', type: 'text/csv', lastModified: 1_700_000_000_000, kind: 'naloxone', addedAt: '2024-03-01T12:00:00.000Z' });
    const again = fileOf(kept);
    expect(again.name).toBe('log.csv');
    expect(await again.text()).toBe(await file.text());

    const restored = prepare(again.name, again.size, await sniffFile(again.name, again), kept);
    if (!restored.ok) throw new Error('not prepared');
    expect(notReadyProblem(restored)).toBeNull();
    expect(restored.plan.kind.id).toBe('naloxone');
    expect(restored.plan.mapping).toEqual(chosen.plan.mapping);
  });

  it('keeps the file\'s bytes by reference: never read into the page or copied (a 472 MB copy blocked the page 1.8 s)', async () => {
    const file = new File(['date,doses\n2024-01-05,1\n'], 'n.csv', { type: 'text/csv' });
    let reads = 0;
    for (const m of ['arrayBuffer', 'text', 'bytes', 'stream'] as const) {
      const own = (file as unknown as Record<string, () => unknown>)[m]!.bind(file);
      Object.defineProperty(file, m, { value: () => { reads++; return own(); } });
    }
    const kept = await storedFile('w1', file, 'naloxone', { kind: 'naloxone', columns: {} });
    expect(reads).toBe(0);
    expect(kept.bytes.size).toBe(file.size);
    expect(kept.bytes.type).toBe('text/csv');
    expect(await fileOf(kept).text()).toBe('date,doses\n2024-01-05,1\n');
  });

  it('a kept mapping that no longer fits the file is reported, not loaded', async () => {
    const sample = readFileSync('data/sample/naloxone.csv');
    const file = new File([sample], 'naloxone.csv', { type: 'text/csv' });
    // As if the kept choice named columns this file does not have (the rules changed).
    const p = prepare(file.name, file.size, await sniffFile(file.name, file),
      { kind: 'naloxone', mapping: { kind: 'naloxone', columns: { date: null, doses: 'gone' } } });
    if (!p.ok) throw new Error('not prepared');
    expect(notReadyProblem(p)?.code).toBe('missing-columns');
  });
});

describe('restoring at start', () => {
  const kept = (name: string, addedAt: string): StoredFile => ({ workspace: 'w1', name, type: 'text/csv', lastModified: 0, bytes: new Blob([`x,y\n${name}\n`]),
    kind: 'naloxone', mapping: { kind: 'naloxone', columns: {} }, addedAt });

  it('loads each kept file in turn through the given path and counts the ones that did not load', async () => {
    const order: string[] = [];
    const states: RestoreState[] = [];
    let running = 0;
    const asked: (string | undefined)[] = [];
    await restoreKept({ all: async (w) => { asked.push(w); return [kept('a.csv', '2024-01-01'), kept('b.csv', '2024-01-02'), kept('c.csv', '2024-01-03')]; } }, 'w1',
      async (file, r) => {
        expect(running++).toBe(0); // one at a time
        order.push(`${file.name}:${r.kind}:${(await file.text()).split('\n')[1]}`);
        await new Promise((res) => setTimeout(res, 5));
        running--;
        if (file.name === 'c.csv') throw new Error('boom');
        return file.name === 'a.csv';
      }, (s) => states.push(s));
    expect(order).toEqual(['a.csv:naloxone:a.csv', 'b.csv:naloxone:b.csv', 'c.csv:naloxone:c.csv']);
    expect(asked).toEqual(['w1']);
    // After each file, how far it got: pages say "Restoring 2 of 3…" until the last is back.
    expect(states).toEqual([
      { workspace: 'w1', total: 3, loaded: 0, done: false, failed: 0 },
      { workspace: 'w1', total: 3, loaded: 1, done: false, failed: 0 },
      { workspace: 'w1', total: 3, loaded: 2, done: false, failed: 1 },
      { workspace: 'w1', total: 3, loaded: 3, done: true, failed: 2 },
    ]);
  });

  it('says nothing when nothing is kept', async () => {
    const states: RestoreState[] = [];
    await restoreKept({ all: async () => [] }, 'w1', async () => true, (s) => states.push(s));
    expect(states).toEqual([]);
  });
});

describe('forgetting', () => {
  it('removes every saved dashboard setting and leaves other keys', () => {
    const s = memoryStorage({
      'deflection.mappings': '[]', 'deflection.offenseMap': '{}', 'deflection.program': '{}',
      'deflection.populations': '{}', 'deflection.narratives': '{}', 'deflection.workspaces': '[]', 'deflection.workspace': 'w1', 'public-page-lang': 'es',
    });
    expect(forgetSettings(s).sort()).toEqual(['deflection.mappings', 'deflection.narratives', 'deflection.offenseMap', 'deflection.populations',
      'deflection.program', 'deflection.workspace', 'deflection.workspaces']);
    expect(s.keys()).toEqual(['public-page-lang']);
  });
});

describe('a browser that will not keep files', () => {
  it('opening the store without IndexedDB fails with a reason the page can show', async () => {
    const e = await FileStore.open(undefined).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DOMException);
    expect(describeStoreError(e)).toBe('this browser does not let the page store data, as in some private windows');
  });

  it('says when storage is full', () => {
    expect(describeStoreError(new DOMException('quota', 'QuotaExceededError'))).toBe('the storage this browser allows the page is full');
    expect(describeStoreError(new Error('disk on fire'))).toBe('the browser said: disk on fire');
    expect(describeStoreError(new DOMException('gone', 'NotReadableError'))).toBe('the file could not be read again to keep it (was it moved or changed since it was chosen?)');
  });
});

describe('status texts', () => {
  it('counts files', () => {
    expect(restoringText(0, 1)).toBe('Restoring 1 of 1 file saved in this browser…');
    expect(restoringText(2, 11)).toBe('Restoring 3 of 11 files saved in this browser…');
    expect(restoredText(2, 0)).toBe('Restored 2 of 2 files saved in this browser.');
    expect(restoredText(3, 1)).toBe('Restored 2 of 3 files saved in this browser. 1 file did not load again: see it below.');
  });
});

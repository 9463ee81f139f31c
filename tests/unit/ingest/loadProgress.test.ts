import { describe, expect, it } from 'vitest';
import { loadProgressOf, setLoadProgress, subscribeLoadProgress } from '../../../src/ingest/loadProgress.ts';

describe('load progress', () => {
  it('a tick reaches only the card of that load, and nothing is left once it ends', () => {
    const seen: string[] = [];
    const off1 = subscribeLoadProgress(1, () => seen.push('card 1'));
    const off2 = subscribeLoadProgress(2, () => seen.push('card 2'));
    setLoadProgress(1, { step: 'reading', bytes: 10, totalBytes: 100 });
    setLoadProgress(1, { step: 'reading', bytes: 50, totalBytes: 100 });
    expect(seen).toEqual(['card 1', 'card 1']);
    expect(loadProgressOf(1)).toEqual({ step: 'reading', bytes: 50, totalBytes: 100 });
    expect(loadProgressOf(2)).toBeUndefined();
    setLoadProgress(1, undefined);
    expect(loadProgressOf(1)).toBeUndefined();
    off1();
    setLoadProgress(1, { step: 'checking', totalBytes: 100 });
    expect(seen).toEqual(['card 1', 'card 1', 'card 1']);
    off2();
  });
});

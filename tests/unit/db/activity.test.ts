import { describe, expect, it } from 'vitest';
import { Activity } from '../../../src/db/activity.ts';

const later = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe('Activity: background work waits for the page\'s queries', () => {
  it('resolves at once when nothing ran', async () => {
    const a = new Activity();
    const t = performance.now();
    await a.quiet(50);
    expect(performance.now() - t).toBeLessThan(200);
  });

  it('waits while a query runs, then for the quiet time after it', async () => {
    const a = new Activity();
    let ended = 0;
    void a.track(later(80).then(() => { ended = performance.now(); }));
    await later(5);
    await a.quiet(60);
    expect(ended).toBeGreaterThan(0);
    expect(performance.now() - ended).toBeGreaterThanOrEqual(55);
  });

  it('a query that starts during the wait starts the wait again', async () => {
    const a = new Activity();
    void a.track(later(20));
    let second = 0;
    setTimeout(() => void a.track(later(30).then(() => { second = performance.now(); })), 40);
    await a.quiet(50);
    expect(second).toBeGreaterThan(0);
    expect(performance.now() - second).toBeGreaterThanOrEqual(45);
  });

  it('a failed query counts as ended', async () => {
    const a = new Activity();
    await a.track(Promise.reject(new Error('no'))).catch(() => undefined);
    await later(35);
    const t = performance.now();
    await a.quiet(30);
    expect(performance.now() - t).toBeLessThan(200);
  });

  it("the user's input starts the quiet time again, as a query's end does", async () => {
    const a = new Activity();
    await later(60);
    a.input();
    const t = performance.now();
    await a.quiet(50);
    expect(performance.now() - t).toBeGreaterThanOrEqual(45);
  });
});

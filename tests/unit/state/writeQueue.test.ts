import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SKIPPED, WriteQueue } from '../../../src/state/writeQueue.ts';

/** The one queue every write goes through: one job at a time, in the order added, a failure
 *  touching no other job, and a job for a workspace that is no longer open skipped. The
 *  interleavings are drawn by fast-check's scheduler, which resolves the jobs' awaits in every
 *  order it likes, with jobs added while others run. */
describe('the write queue', () => {
  it('runs one job at a time, in the order added, whatever order their awaits resolve in', async () => {
    await fc.assert(fc.asyncProperty(fc.scheduler(), fc.array(fc.record({ steps: fc.integer({ min: 0, max: 3 }), fails: fc.boolean(), later: fc.boolean() }), { minLength: 1, maxLength: 12 }),
      async (s, jobs) => {
        const q = new WriteQueue();
        let running = 0;
        const started: number[] = [];
        const outcomes: Promise<string>[] = [];
        const add = (i: number) => {
          const j = jobs[i]!;
          outcomes[i] = q.run(`job ${i}`, async () => {
            expect(running).toBe(0);
            running++;
            started.push(i);
            for (let k = 0; k < j.steps; k++) await s.schedule(Promise.resolve(k), `job ${i} step ${k}`);
            running--;
            if (j.fails) throw new Error(`job ${i} failed`);
            return `done ${i}`;
          }).then((v) => String(v), (e: Error) => e.message);
        };
        // Some jobs are added at once, the others while earlier ones run.
        for (const [i, j] of jobs.entries()) {
          if (j.later) s.scheduleFunction(async () => add(i))(); else add(i);
        }
        // A job schedules its awaits only once its turn comes: release until nothing is pending.
        while (q.current.pending > 0 || outcomes.filter(Boolean).length < jobs.length) {
          await s.waitAll();
          await new Promise((r) => setTimeout(r, 0));
        }
        const settled = await Promise.all(outcomes);
        expect(running).toBe(0);
        expect(new Set(started).size).toBe(jobs.length);
        // Jobs added at the same moment start in the order they were added.
        const direct = started.filter((i) => !jobs[i]!.later);
        expect(direct).toEqual([...direct].sort((a, b) => a - b));
        settled.forEach((v, i) => expect(v).toBe(jobs[i]!.fails ? `job ${i} failed` : `done ${i}`));
        expect(q.current.pending).toBe(0);
      }), { numRuns: 200 });
  });

  it('skips the jobs queued for a workspace that was closed before their turn, and runs the rest', async () => {
    let open = 'sample';
    const q = new WriteQueue(() => open);
    const ran: string[] = [];
    let release!: () => void;
    let started!: () => void;
    const running = new Promise<void>((r) => { started = r; });
    const first = q.run('sample file 1', async () => { ran.push('sample 1'); started(); await new Promise<void>((r) => { release = r; }); }, 'sample');
    const second = q.run('sample file 2', async () => { ran.push('sample 2'); }, 'sample');
    await running;
    // The user adds a file while the sample's first file loads: their workspace opens at once.
    open = 'w1';
    const clear = q.run('clear', async () => { ran.push('clear'); });
    const mine = q.run('my file', async () => { ran.push('mine'); return 'loaded'; }, 'w1');
    release();
    expect(await first).toBeUndefined();
    expect(await second).toBe(SKIPPED);
    await clear;
    expect(await mine).toBe('loaded');
    expect(ran).toEqual(['sample 1', 'clear', 'mine']);
  });

  it('tells its listeners how many jobs wait and which one runs', async () => {
    const q = new WriteQueue();
    const seen: string[] = [];
    q.subscribe((s) => seen.push(`${s.pending}:${s.running ?? '-'}`));
    await Promise.all([q.run('a', async () => 1), q.run('b', async () => 2)]);
    expect(seen[0]).toBe('1:-');
    expect(seen).toContain('2:a');
    expect(seen).toContain('1:b');
    expect(seen.at(-1)).toBe('0:-');
  });
});

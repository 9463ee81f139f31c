/** The one serial queue every write to the database goes through: start-up loads of the sample,
 *  restores of kept files, the user's loads, removals, offense assignments and workspace switches.
 *  One job runs at a time, in the order they were added, so no two writes ever share DuckDB's
 *  transaction. A job that fails rejects its own promise only: the jobs after it still run.
 *
 *  Jobs may belong to a workspace: such a job is skipped (it resolves to `SKIPPED` without
 *  running) when another workspace was opened between the moment it was queued and its turn, so
 *  a load meant for the sample never lands in the user's workspace, nor the other way round. */

export const SKIPPED: unique symbol = Symbol('skipped');
export type Skipped = typeof SKIPPED;

export interface QueueState {
  /** Jobs queued or running. */
  pending: number;
  /** What the running job does, in words ("Loading encounters.csv"). */
  running?: string;
}

export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private state: QueueState = { pending: 0 };
  private readonly listeners = new Set<(s: QueueState) => void>();

  /** @param workspace the workspace open now (read when a job's turn comes). */
  constructor(private readonly workspace: () => string = () => '') {}

  /** Adds a job; resolves or rejects with its outcome. With `forWorkspace`, the job is skipped when
   *  that workspace is no longer the open one at its turn. */
  run<T>(label: string, job: () => Promise<T>, forWorkspace?: string): Promise<T | Skipped> {
    this.set({ pending: this.state.pending + 1 });
    const result = this.tail.then(async () => {
      if (forWorkspace !== undefined && forWorkspace !== this.workspace()) return SKIPPED;
      this.set({ running: label });
      return job();
    });
    const settle = () => this.set({ pending: this.state.pending - 1, running: undefined });
    // The chain never rejects: a failed job does not stop the ones after it.
    this.tail = result.then(settle, settle);
    return result;
  }

  /** Resolves once every job queued so far has settled. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }

  get current(): QueueState { return this.state; }

  subscribe(fn: (s: QueueState) => void): () => void {
    this.listeners.add(fn);
    return () => { this.listeners.delete(fn); };
  }

  private set(p: Partial<QueueState>) {
    this.state = { ...this.state, ...p };
    for (const fn of this.listeners) fn(this.state);
  }
}

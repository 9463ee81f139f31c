import type { Connection, Row } from '../db/database.ts';

/** Most answers kept for the current data; the oldest go first. */
const KEPT = 400;

/** The answers of SQL metrics for one state of the loaded data (DataContext makes a new one
 *  whenever the data change), by query text: those already answered, and those asked and not yet
 *  answered. Asking again for a query on its way joins it, so a view can ask while it renders
 *  (state/useSql.ts): the question leaves in the change's own task, before React commits, lays out
 *  and draws, and the effect that shows the answer finds it already asked. A query that fails is
 *  not sent again for the same data: asked again, it fails the same way at once (a view that shows
 *  the error re-renders, and each render asks). */
export class SqlAnswers {
  private readonly rows = new Map<string, Row[]>();
  private readonly asked = new Map<string, Promise<Row[]>>();
  private readonly failed = new Map<string, unknown>();
  constructor(private readonly conn: Connection | undefined) {}

  get<T extends Row>(sql: string): T[] | undefined {
    return this.rows.get(sql) as T[] | undefined;
  }

  ask<T extends Row>(sql: string): Promise<T[]> {
    const known = this.rows.get(sql);
    if (known) return Promise.resolve(known as T[]);
    if (this.failed.has(sql)) {
      const failed = Promise.reject(this.failed.get(sql));
      // Asked from a render too: handled here, and by whoever waits for it.
      failed.catch(() => undefined);
      return failed as Promise<T[]>;
    }
    let asked = this.asked.get(sql);
    if (!asked) {
      if (!this.conn) return Promise.reject(new Error('The database is not open.'));
      asked = this.conn.query(sql).then((rows) => {
        this.rows.set(sql, rows);
        if (this.rows.size > KEPT) this.rows.delete(this.rows.keys().next().value!);
        return rows;
      }, (e: unknown) => {
        this.failed.set(sql, e);
        throw e;
      }).finally(() => this.asked.delete(sql));
      // Asked from a render that may not be shown: its failure is handled by whoever waits for it.
      asked.catch(() => undefined);
      this.asked.set(sql, asked);
    }
    return asked as Promise<T[]>;
  }
}

import type { Connection } from '../../src/db/database.ts';
import { addFileTable, newFileTable, selectList } from '../../src/db/fileTables.ts';
import type { TableName } from '../../src/db/schema.ts';
import { inTransaction, rederive } from '../../src/ingest/tableChanges.ts';
import { removeLoadedFile } from '../../src/ingest/load.ts';

/** Puts rows written as SQL tuples into a canonical table as a loaded file named `file` (replacing
 *  it), the way a load keeps a file: its own table, added to the table's view. Columns not named
 *  are NULL. For tests that write the canonical tables directly. */
export async function putRows(conn: Connection, table: TableName, file: string, columns: readonly string[], tuples: readonly string[]): Promise<void> {
  await removeLoadedFile(conn, file);
  if (!tuples.length) return;
  await inTransaction(conn, async () => {
    const target = newFileTable();
    await conn.run(`CREATE TABLE ${target} AS SELECT * FROM (VALUES ${tuples.join(', ')}) v(${columns.join(', ')})`);
    await addFileTable(conn, { source_file: file, kind: table, table_name: table, bytes: 0, mapping: '{}' }, target,
      selectList(table, new Map(columns.map((c) => [c, c]))));
    await rederive(conn, [table]);
  });
}

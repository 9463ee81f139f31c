import { DataType, type Table } from 'apache-arrow';
import { plainValue } from './values.ts';
import type { Row } from './database.ts';

/** Turns an Arrow result into plain rows, converting by the schema: DATE and TIMESTAMP to `Date`,
 *  64-bit integers to `number`. Done once here, not in every caller. */
export function arrowToRows<T extends Row>(table: Table): T[] {
  const fields = table.schema.fields;
  const temporal = fields.map((f) => DataType.isDate(f.type) || DataType.isTimestamp(f.type));
  const rows: T[] = new Array(table.numRows);
  const columns = fields.map((f) => table.getChild(f.name));
  for (let i = 0; i < table.numRows; i++) {
    const row: Row = {};
    for (let j = 0; j < fields.length; j++) {
      const v = columns[j]?.get(i);
      const name = fields[j]!.name;
      if (v == null) row[name] = null;
      else if (temporal[j]) row[name] = v instanceof Date ? v : new Date(Number(v));
      else row[name] = plainValue(v);
    }
    rows[i] = row as T;
  }
  return rows;
}

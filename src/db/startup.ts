import { codeTablesSql, type OffenseAlias, type OffenseCode } from './codes.ts';
import { emptyDerivedSql } from './derived.ts';
import { emptyViewsSql } from './fileTables.ts';
import { schemaSql } from './schema.ts';

/** Settings run once when the database starts, in the browser and in Node alike. Offline there are
 *  no extensions to fetch, and an autoload attempt would hang, so autoload is switched off. */
export function startupSql(codes: { offenses: OffenseCode[]; aliases: OffenseAlias[] }): string[] {
  return [
    'SET autoinstall_known_extensions = false',
    'SET autoload_known_extensions = false',
    ...schemaSql(),
    ...emptyViewsSql(),
    ...codeTablesSql(codes.offenses, codes.aliases),
    // The derived tables once, after the code tables they join.
    ...emptyDerivedSql(),
  ];
}

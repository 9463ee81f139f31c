import Papa from 'papaparse';
import { sqlString } from './sql.ts';
import { crimeCodedSql } from './crimeCoded.ts';

export interface OffenseCode { code: string; name: string; group: string; addiction_associated: boolean }
export interface OffenseAlias { alias: string; code: string }

/** Parses the shipped code tables (data/codes/*.csv). */
export function parseCodeTables(offensesCsv: string, aliasesCsv: string) {
  const off = Papa.parse<Record<string, string>>(offensesCsv.trim(), { header: true }).data;
  const ali = Papa.parse<Record<string, string>>(aliasesCsv.trim(), { header: true }).data;
  return {
    offenses: off.map((r) => ({
      code: r.code!, name: r.name!, group: r.group!, addiction_associated: r.addiction_associated === 'yes',
    })),
    aliases: ali.map((r) => ({ alias: normaliseOffense(r.alias!), code: r.code! })),
  };
}

/** The one normal form of an offense description, used for aliases and for incoming values. */
export function normaliseOffense(s: string): string {
  return s.toLowerCase().replace(/[\s_]+/g, ' ').trim();
}
/** The same normal form, in SQL. A kept file's derived tables hold it (db/derived.ts): changing
 *  it changes their SQL, and tests/unit/db/derived.test.ts asks for FILE_DERIVED_VERSION to be
 *  raised. */
export function normaliseOffenseSql(expr: string): string {
  return `trim(regexp_replace(lower(${expr}), '[\\s_]+', ' ', 'g'))`;
}

export function codeTablesSql(offenses: OffenseCode[], aliases: OffenseAlias[]): string[] {
  const o = offenses
    .map((r) => `(${sqlString(r.code)}, ${sqlString(r.name)}, ${sqlString(r.group)}, ${r.addiction_associated})`)
    .join(',\n');
  const a = aliases.map((r) => `(${sqlString(r.alias)}, ${sqlString(r.code)})`).join(',\n');
  return [
    'DELETE FROM offense_codes',
    'DELETE FROM offense_aliases',
    `INSERT INTO offense_codes VALUES ${o}`,
    `INSERT INTO offense_aliases VALUES ${a}`,
  ];
}

/** Replaces the user's own offense assignments (normal form -> NIBRS code) in one statement list.
 *  The coded counts depend on them and are rebuilt with them, unless `recode` is false (the
 *  database's start, when no crime data is loaded yet). */
export function userAliasesSql(map: Readonly<Record<string, string>>, { recode = true } = {}): string[] {
  const rows = Object.entries(map).filter(([, code]) => code).map(([alias, code]) => `(${sqlString(normaliseOffense(alias))}, ${sqlString(code)})`);
  return ['DELETE FROM offense_user_aliases', ...(rows.length ? [`INSERT OR REPLACE INTO offense_user_aliases VALUES ${rows.join(', ')}`] : []),
    ...(recode ? [crimeCodedSql()] : [])];
}

/** Quoting helpers for building SQL text. Every value from a file or a user goes through these. */
export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
export function sqlIdent(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
export function sqlStringList(xs: readonly string[]): string {
  return `[${xs.map(sqlString).join(', ')}]`;
}

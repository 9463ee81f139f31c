import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeDatabase } from '../../src/db/nativeDatabase.ts';
import type { TestDb } from '../../src/ingest/loadPath.ts';

export { loadPath, prepareFile, type TestDb } from '../../src/ingest/loadPath.ts';

export const PUBLIC = fileURLToPath(new URL('../../../shared/data/public/', import.meta.url));
export const SAMPLE = fileURLToPath(new URL('../../data/sample/', import.meta.url));

export async function testDb(): Promise<TestDb> {
  const db = await nodeDatabase();
  return { db, conn: await db.connect() };
}

/** Writes text to a temporary file and returns its path. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

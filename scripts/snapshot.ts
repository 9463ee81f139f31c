/** npm run snapshot -- <csv files...> --out <dir> [--program program.json] [--generated ISO-time]
 *
 *  Loads the files into native DuckDB the way the app loads a dropped file, builds the public
 *  snapshot with the same code as the app's Publish action (src/snapshot/build.ts), and writes
 *  snapshot.json and one CSV per table into <dir>. Only aggregates are written.
 *
 *  --program: a JSON file with { name, launchDate, synthetic?, about: {en, es}, howToGetHelp:
 *  {en, es}, phone?, address? }. Without it the sample program's settings and texts are used. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { nodeDatabase } from '../src/db/nativeDatabase.ts';
import { loadPath } from '../src/ingest/loadPath.ts';
import { buildSnapshot } from '../src/snapshot/build.ts';
import { publicInfo, SAMPLE_PUBLIC_TEXT } from '../src/snapshot/programText.ts';
import type { ProgramPublicInfo } from '../src/snapshot/snapshotFormat.ts';
import { SAMPLE_PROGRAM } from '../src/domain/programInfo.ts';

function parse(argv: string[]): { files: string[]; out: string; program?: string; generated?: string } {
  const files: string[] = [];
  let out = '', program: string | undefined, generated: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--out') out = argv[++i] ?? '';
    else if (a === '--program') program = argv[++i];
    else if (a === '--generated') generated = argv[++i];
    else files.push(a);
  }
  if (!out || files.length === 0) throw new Error('usage: npm run snapshot -- <csv files...> --out <dir> [--program program.json] [--generated ISO-time]');
  return { files, out, ...(program ? { program } : {}), ...(generated ? { generated } : {}) };
}

async function main() {
  const args = parse(process.argv.slice(2));
  const db = await nodeDatabase();
  const conn = await db.connect();
  for (const f of args.files) {
    const report = await loadPath({ db, conn }, f, undefined, basename(f));
    if (!report.ok) throw new Error(`${f}: ${report.problems.map((p) => p.message).join('; ')}`);
    console.log(`loaded ${basename(f)}: ${report.rowsLoaded} rows`);
  }
  const program: ProgramPublicInfo = args.program
    ? JSON.parse(readFileSync(args.program, 'utf8')) as ProgramPublicInfo
    : publicInfo(SAMPLE_PROGRAM, SAMPLE_PUBLIC_TEXT);
  const generated = args.generated ? new Date(args.generated) : new Date();
  if (Number.isNaN(generated.getTime())) throw new Error(`--generated: not a date: ${args.generated}`);
  const { files } = await buildSnapshot(conn, program, generated);
  mkdirSync(args.out, { recursive: true });
  for (const f of files) writeFileSync(join(args.out, f.name), f.text);
  console.log(`wrote ${files.length} files to ${args.out}: ${files.map((f) => f.name).join(', ')}`);
  await conn.close();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});

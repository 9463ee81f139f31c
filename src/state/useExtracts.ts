import { useCallback, useRef, useState } from 'react';
import type { Connection, Database } from '../db/database.ts';
import {
  countsFileName, dropExtract, EXTRACT_LABEL, ExtractError, extractCountsCsv, extractFileOf, groupExtract, readExtract,
  type ExtractFile, type ExtractGroup, type ExtractSummary,
} from '../ingest/nibrs/extract.ts';
import { NIBRS_FILE_NAMES } from '../ingest/nibrs/parts.ts';
import type { Problem } from '../ingest/problems.ts';
import { SKIPPED, type WriteQueue } from './writeQueue.ts';

/** An FBI NIBRS state extract added on the Data page: its tables are read into offense counts, the
 *  user picks their agencies from its list, and the chosen agencies' counts become one
 *  monthly-counts file that loads (and is kept) like any other. */
export interface ExtractCard {
  id: number;
  workspace: string;
  files: string[];
  status: 'reading' | 'choose' | 'making' | 'failed';
  summary?: ExtractSummary;
  problem?: Problem;
  /** The counts files made from it so far. */
  made: string[];
}

/** Files whose names say they may be an extract's tables (read further to be sure). */
export function mayBeExtractTable(name: string): boolean {
  return /^(nibrs_|ref_|agencies)/i.test(name.replace(/^.*[\\/]/, ''));
}

/** Of files dropped together, those that are an extract's tables: only when the batch has one of
 *  the NIBRS tables themselves (an `agencies.csv` alone is some other list). */
export async function extractFilesOf(files: readonly File[]): Promise<ExtractFile[]> {
  const found = (await Promise.all(files.filter((f) => mayBeExtractTable(f.name))
    .map((f) => extractFileOf(f.name, f).catch(() => null)))).filter((x): x is ExtractFile => !!x);
  return found.some((f) => f.part.role !== 'agencies' && f.part.role !== 'other') ? found : [];
}

let extractId = 0;

export function useExtracts({ queue, db, addCountsFile }: {
  queue: WriteQueue;
  db: () => { db: Database; loader: Connection } | null;
  /** Loads the counts file made from an extract, as a file added by the user. */
  addCountsFile: (file: File, workspace: string) => void;
}) {
  const [cards, setCards] = useState<ExtractCard[]>([]);
  const latest = useRef(cards);
  latest.current = cards;
  const patch = useCallback((id: number, p: Partial<ExtractCard>) => setCards((cs) => cs.map((c) => (c.id === id ? { ...c, ...p } : c))), []);

  const addExtract = useCallback(async (files: ExtractFile[], workspace: string) => {
    const id = ++extractId;
    const group = groupExtract(files);
    const card: ExtractCard = { id, workspace, files: files.map((f) => f.name), status: 'reading', made: [] };
    const trouble = groupProblem(group);
    if (trouble) {
      setCards((cs) => [...cs, { ...card, status: 'failed', problem: trouble }]);
      return;
    }
    setCards((cs) => [...cs, card]);
    const out = await queue.run(`Reading the ${EXTRACT_LABEL}`, async (): Promise<Partial<ExtractCard>> => {
      const d = db();
      if (!d) return { status: 'failed', problem: { severity: 'error', file: EXTRACT_LABEL, message: 'The in-browser database is not running.', fix: 'Reload the page and add the files again.' } };
      try {
        const summary = await readExtract(d.db, d.loader, group);
        return { status: 'choose', summary };
      } catch (e) {
        return { status: 'failed', problem: e instanceof ExtractError ? e.problem
          : { severity: 'error', file: EXTRACT_LABEL, message: 'The extract could not be read; the data loaded before are unchanged.', fix: 'Add its files again, or reload the page if this repeats.' } };
      }
    }, workspace).catch((): Partial<ExtractCard> => ({ status: 'failed' }));
    if (out === SKIPPED) patch(id, { status: 'failed', problem: { severity: 'error', file: EXTRACT_LABEL, message: 'Not read: another workspace was opened before its turn.', fix: 'Open its workspace and add the files again.' } });
    else patch(id, out);
  }, [queue, db, patch]);

  /** Makes the chosen agencies' counts file and loads it. */
  const loadAgencies = useCallback(async (id: number, agencyIds: number[]) => {
    const card = latest.current.find((c) => c.id === id);
    if (!card?.summary || !agencyIds.length) return;
    const summary = card.summary;
    patch(id, { status: 'making' });
    const csv = await queue.run(`Counting offenses of ${agencyIds.length} agencies`, async () => {
      const d = db();
      return d ? extractCountsCsv(d.loader, summary.prefix, agencyIds) : null;
    }, card.workspace).catch(() => null);
    if (csv === SKIPPED || csv == null) {
      patch(id, { status: 'choose' });
      return;
    }
    const chosen = summary.agencies.filter((a) => agencyIds.includes(a.id));
    const name = countsFileName(summary, chosen);
    addCountsFile(new File([csv], name, { type: 'text/csv' }), card.workspace);
    setCards((cs) => cs.map((c) => (c.id === id ? { ...c, status: 'choose', made: [...c.made.filter((m) => m !== name), name] } : c)));
  }, [queue, db, patch, addCountsFile]);

  const dismissExtract = useCallback((id: number) => {
    const card = latest.current.find((c) => c.id === id);
    setCards((cs) => cs.filter((c) => c.id !== id));
    if (card?.summary) {
      const prefix = card.summary.prefix;
      void queue.run('Closing an extract', async () => {
        const d = db();
        if (d) await dropExtract(d.loader, prefix);
      }).catch(() => undefined);
    }
  }, [queue, db]);

  return { extracts: cards, addExtract, loadAgencies, dismissExtract };
}

/** Why the files cannot make an extract, in words naming the published files. */
function groupProblem(g: ExtractGroup): Problem | undefined {
  if (g.repeated.length) {
    return { severity: 'error', file: EXTRACT_LABEL,
      message: `Two files were added for ${g.repeated.map((r) => NIBRS_FILE_NAMES[r]).join(', ')}: the files of more than one extract (two years, or two states) were added together.`,
      fix: 'Add one extract\'s folder at a time: each year\'s counts load as their own file. Nothing was loaded.' };
  }
  if (g.missing.length) {
    return { severity: 'error', file: EXTRACT_LABEL,
      message: `This looks like an FBI NIBRS extract, but ${g.missing.map((r) => NIBRS_FILE_NAMES[r]).join(', ')} ${g.missing.length === 1 ? 'is' : 'are'} missing: offense counts need ${['agencies', 'incident', 'offense'].map((r) => NIBRS_FILE_NAMES[r as 'agencies']).join(', ')}${g.layout === 'offense_type_id' ? ` and, for extracts before 2021, ${NIBRS_FILE_NAMES.offense_type}` : ''}.`,
      fix: 'Add all the CSV files of the unpacked extract folder together (NIBRS_month.csv too, for the months each agency reported). Nothing was loaded.' };
  }
  return undefined;
}

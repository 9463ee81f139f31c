/** The steps of loading one file, in order, for the progress bar and the benchmark. */
export const LOAD_STEPS = [
  { id: 'reading', label: 'Reading the file' },
  { id: 'checking', label: 'Checking every row' },
  { id: 'saving', label: 'Saving the rows' },
  { id: 'summarising', label: 'Summarising for the charts' },
] as const;

export type LoadStep = (typeof LOAD_STEPS)[number]['id'];

export interface LoadProgress {
  step: LoadStep;
  /** Bytes of the file read so far (the reading step, where the database can tell). */
  bytes?: number;
  totalBytes: number;
  /** Rows read, once the reading step is over. */
  rows?: number;
}

export interface LoadOptions {
  onProgress?: (p: LoadProgress) => void;
  /** Aborting stops the load; nothing of this file is kept and the tables loaded earlier are as they were. */
  signal?: AbortSignal;
}

/** Share of each step in a load's time, measured on the benchmark's crime incident files
 *  (bench/README.md); only the reading step has a measure of its own (bytes). */
const WEIGHTS: Record<LoadStep, number> = { reading: 0.6, checking: 0.15, saving: 0.15, summarising: 0.1 };

/** The whole load's progress from 0 to 1, for one bar. */
export function loadFraction(p: LoadProgress): number {
  let before = 0;
  for (const s of LOAD_STEPS) {
    if (s.id === p.step) break;
    before += WEIGHTS[s.id];
  }
  const within = p.step === 'reading' && p.bytes != null && p.totalBytes > 0 ? Math.min(1, p.bytes / p.totalBytes) : 0;
  return before + WEIGHTS[p.step] * within;
}

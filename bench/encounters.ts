import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { PATHWAYS, TREATMENT_TYPES } from '../src/ingest/kinds/programFiles.ts';
import { createRng } from '../scripts/sample/prng.ts';

/** A large synthetic encounters export for the benchmark: `n` rows over 2019-2025, about 0.7
 *  encounters per person, 8 agencies, every pathway and treatment type. Deterministic for a seed. */
export async function writeEncounters(path: string, n: number, seed = 7): Promise<void> {
  const rng = createRng(seed);
  const out = createWriteStream(path);
  const agencies = Array.from({ length: 8 }, (_, i) => `Agency ${String.fromCharCode(65 + i)}`);
  const towns = Array.from({ length: 20 }, (_, i) => `Town ${i + 1}`);
  const ages = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'];
  const substances = ['opioids', 'alcohol', 'stimulants', 'cannabis', 'benzodiazepines', 'other'];
  const treatments = TREATMENT_TYPES.filter((t) => t !== 'none');
  const start = Date.UTC(2019, 0, 1), span = Date.UTC(2025, 11, 31) - start;
  const pad = (x: number) => String(x).padStart(2, '0');
  const stamp = (ms: number) => { const d = new Date(ms); return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`; };
  out.write('encounter_id,participant_id,encounter_date,agency,pathway,age_band,sex,residence,primary_substance,eligible,ineligible_reason,placement_offered,placement_date,treatment_type,provider,engaged_30d,naloxone_kit_given\n');
  let chunk = '';
  for (let i = 0; i < n; i++) {
    const at = start + Math.floor(rng.next() * span);
    const eligible = rng.chance(0.9);
    const offered = eligible && rng.chance(0.94);
    const placed = offered && rng.chance(0.83);
    const hours = placed ? rng.lognormal(7, 1.1) : 0;
    chunk += [`B${i}`, `P${rng.int(1, Math.round(n * 0.7))}`, stamp(at), rng.pick(agencies), rng.pick(PATHWAYS), rng.pick(ages),
      rng.chance(0.6) ? 'male' : 'female', rng.pick(towns), rng.pick(substances), eligible ? 'yes' : 'no',
      eligible ? '' : rng.pick(['outstanding warrant', 'medical emergency', 'declined screening']), offered ? 'yes' : 'no',
      placed ? stamp(at + hours * 3_600_000) : '', placed ? rng.pick(treatments) : offered ? 'none' : '', placed ? `Provider ${rng.int(1, 30)}` : '',
      placed ? rng.pick(['yes', 'yes', 'no', 'unknown']) : '', rng.chance(0.4) ? 'yes' : 'no'].join(',') + '\n';
    if (chunk.length > 1 << 20) { if (!out.write(chunk)) await once(out, 'drain'); chunk = ''; }
  }
  out.write(chunk);
  out.end();
  await once(out, 'finish');
}

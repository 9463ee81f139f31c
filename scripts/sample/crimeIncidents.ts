import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createRng, type Weighted } from './prng.ts';

/** Offense descriptions with their NIBRS codes and weights, as a city incident file gives them:
 *  addiction-associated property and drug offenses beside assaults, vandalism and the rest. */
const OFFENSES: Weighted<readonly [string, string]> = [
  [['Shoplifting', '23C'], 14], [['Theft From Motor Vehicle', '23F'], 10], [['All Other Larceny', '23H'], 12],
  [['Burglary/Breaking & Entering', '220'], 8], [['Motor Vehicle Theft', '240'], 6], [['Stolen Property Offenses', '280'], 2],
  [['Drug/Narcotic Violations', '35A'], 7], [['Drug Equipment Violations', '35B'], 3], [['Simple Assault', '13B'], 12],
  [['Aggravated Assault', '13A'], 4], [['Destruction/Damage/Vandalism', '290'], 10], [['Intimidation', '13C'], 3],
  [['Robbery', '120'], 2], [['Fraud Offenses', '26A'], 4], [['Trespass of Real Property', '90J'], 3],
];
const AGENCIES: Weighted<string> = [['Metro City Police Department', 6], ['Harbor County Sheriff', 3], ['Northside Police Department', 1]];

/** A seeded crime incident export of `n` rows over 2018-2025, about 94 bytes a row:
 *  incident_number,date_occurred,offense,nibrs_code,agency,district. Deterministic for a seed. */
export async function writeCrimeIncidents(path: string, n: number, seed = 11): Promise<void> {
  const rng = createRng(seed);
  const out = createWriteStream(path);
  const start = Date.UTC(2018, 0, 1), span = Date.UTC(2025, 11, 31) - start;
  const pad = (x: number, w = 2) => String(x).padStart(w, '0');
  out.write('incident_number,date_occurred,offense,nibrs_code,agency,district\n');
  let chunk = '';
  for (let i = 0; i < n; i++) {
    const d = new Date(start + Math.floor(rng.next() * span));
    const [offense, code] = rng.weighted(OFFENSES);
    const stamp = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    chunk += `CR-${String(d.getUTCFullYear()).slice(2)}-${pad(i, 8)},${stamp},${offense},${code},${rng.weighted(AGENCIES)},District ${rng.int(1, 12)}\n`;
    if (chunk.length > 1 << 20) { if (!out.write(chunk)) await once(out, 'drain'); chunk = ''; }
  }
  out.write(chunk);
  out.end();
  await once(out, 'finish');
}

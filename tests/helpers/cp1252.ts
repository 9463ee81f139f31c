import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A Windows-1252 encounters file whose residences use the bytes 0x80-0x9F (’ “ ” – — Ÿ €) and é,
 *  made from tests/fixtures/bad/windows-1252.csv, for the unit and browser encoding tests. */

const FIXTURE = fileURLToPath(new URL('../fixtures/bad/windows-1252.csv', import.meta.url));

/** Windows-1252 bytes 0x80-0x9F that are punctuation here, by character. */
const HIGH: Record<string, number> = { '€': 0x80, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, 'Ÿ': 0x9f };

/** Text as Windows-1252 bytes (ASCII, Latin-1 letters and the punctuation above only). */
export function cp1252(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from([...text].map((c) => {
    const code = c.codePointAt(0)!;
    const b = HIGH[c] ?? (code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : undefined);
    if (b == null) throw new Error(`not in Windows-1252 here: ${c}`);
    return b;
  }));
}

/** The residences the file holds, in encounter order. */
export const PUNCTUATED_RESIDENCES = ['Coeur d’Alene', '“Old Town” – Ÿvette’s Café — €5'] as const;

/** The file as text: the fixture's encounters (IDs E91001, E91002) with the residences above. */
export function punctuatedText(): string {
  return readFileSync(FIXTURE, 'latin1')
    .replace('Peñasco', PUNCTUATED_RESIDENCES[0]).replace('Élan Park', `"${PUNCTUATED_RESIDENCES[1]}"`)
    .replace(/E0000(\d)/g, 'E9100$1').replace(/P-0000(\d)/g, 'P-9100$1');
}

/** The file as Windows-1252 bytes. */
export const punctuatedEncounters = (): Uint8Array<ArrayBuffer> => cp1252(punctuatedText());

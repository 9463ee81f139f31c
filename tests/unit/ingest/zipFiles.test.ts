import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { filesInZip } from '../../../src/ingest/zipFiles.ts';
import { nibrsExtract } from '../../helpers/nibrsExtract.ts';

/** Zip archives opened in the page: the FBI's NIBRS extract comes as one. */
describe('tables in a zip archive', () => {
  it('gives each table under its own name, byte for byte; other entries are skipped', async () => {
    const x = nibrsExtract({ year: 2021, incidents: 300 });
    const entries = Object.fromEntries(Object.entries(x.files).map(([n, t]) => [`MA-2021/${n}`, strToU8(t)]));
    const zip = zipSync({ ...entries, 'MA-2021/README.html': strToU8('<p>readme</p>'), 'MA-2021/': new Uint8Array(0) }, { level: 6 });
    const z = await filesInZip(new Blob([zip]));
    expect(z.files.map((f) => f.name).sort()).toEqual(Object.keys(x.files).sort());
    for (const f of z.files) expect(await f.text()).toBe(x.files[f.name]);
    expect(z.skipped).toEqual(['MA-2021/README.html']);
  });

  it('an archive stored without compression reads too', async () => {
    const zip = zipSync({ 'a.csv': strToU8('x,y\n1,2\n') }, { level: 0 });
    const z = await filesInZip(new Blob([zip]));
    expect(await z.files[0]!.text()).toBe('x,y\n1,2\n');
  });
});

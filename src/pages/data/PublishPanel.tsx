import { useState } from 'react';
import { download } from '../../charts/csvExport.ts';
import { buildSnapshot, type SnapshotOutput } from '../../snapshot/build.ts';
import { publicInfo, SAMPLE_PUBLIC_TEXT } from '../../snapshot/programText.ts';
import { zipFiles } from '../../snapshot/zip.ts';
import { useData } from '../../state/DataContext.tsx';

const FIELDS = [
  ['aboutEn', 'What the program is (English)'], ['aboutEs', 'What the program is (Spanish)'],
  ['helpEn', 'How to get help (English)'], ['helpEs', 'How to get help (Spanish)'],
] as const;

type Texts = Record<(typeof FIELDS)[number][0] | 'phone' | 'address', string>;

const sampleTexts: Texts = {
  aboutEn: SAMPLE_PUBLIC_TEXT.about.en, aboutEs: SAMPLE_PUBLIC_TEXT.about.es,
  helpEn: SAMPLE_PUBLIC_TEXT.howToGetHelp.en, helpEs: SAMPLE_PUBLIC_TEXT.howToGetHelp.es,
  phone: SAMPLE_PUBLIC_TEXT.phone, address: SAMPLE_PUBLIC_TEXT.address,
};
const blank: Texts = { aboutEn: '', aboutEs: '', helpEn: '', helpEs: '', phone: '', address: '' };

/** "Publish": builds the public snapshot from the loaded records in this browser (the same code
 *  as `npm run snapshot`) and downloads it as a .zip of aggregate tables, for the public page. */
export function PublishPanel() {
  const { conn, status, program, isSample } = useData();
  const [t, setT] = useState<Texts>(() => (isSample ? sampleTexts : blank));
  const [out, setOut] = useState<SnapshotOutput>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const complete = FIELDS.every(([k]) => t[k].trim());
  const suppressed = out ? out.snapshot.tables.reduce((n, tb) => n + [...tb.rows.map((r) => r.cells), ...(tb.total ? [tb.total] : [])]
    .reduce((m, c) => m + Object.values(c).filter((v) => v === 'suppressed').length, 0), 0) : 0;
  return (
    <section aria-labelledby="publish-h" className="panel" data-testid="publish">
      <h2 id="publish-h">Publish a public snapshot</h2>
      <p className="hint">The public page shows aggregate tables only: counts of 1 to 10 people are suppressed, with further cells
        suppressed wherever a total would give them away; age is in bands with 65+ on top; residence only as a town or 3-digit ZIP;
        percentages on fewer than 30 are not shown. No pseudonym, provider or date of an encounter is written.</p>
      <form className="form-grid wide" onSubmit={(e) => {
        e.preventDefault();
        if (!conn) return;
        setBusy(true);
        setError(undefined);
        buildSnapshot(conn, publicInfo(program, {
          about: { en: t.aboutEn.trim(), es: t.aboutEs.trim() }, howToGetHelp: { en: t.helpEn.trim(), es: t.helpEs.trim() },
          ...(t.phone.trim() ? { phone: t.phone.trim() } : {}), ...(t.address.trim() ? { address: t.address.trim() } : {}),
        }), new Date()).then(setOut, (x: unknown) => setError(x instanceof Error ? x.message : String(x))).finally(() => setBusy(false));
      }}>
        {FIELDS.map(([k, label]) => (
          <label key={k}>{label} <textarea required rows={3} value={t[k]} onChange={(e) => setT({ ...t, [k]: e.target.value })} /></label>
        ))}
        <label>Phone (optional) <input value={t.phone} onChange={(e) => setT({ ...t, phone: e.target.value })} /></label>
        <label>Walk-in address (optional) <input value={t.address} onChange={(e) => setT({ ...t, address: e.target.value })} /></label>
        <div className="row">
          <button type="submit" className="primary" disabled={!complete || status !== 'ready' || busy} data-testid="publish-build">
            {busy ? 'Building…' : 'Build the public snapshot'}</button>
        </div>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      {out && (
        <div role="status" data-testid="publish-result">
          <p>Snapshot built: {out.snapshot.tables.length} tables, {suppressed} cells suppressed, records from {out.snapshot.coverage.from} to {out.snapshot.coverage.to}.</p>
          <button type="button" data-testid="publish-download"
            onClick={() => download('public-snapshot.zip', new Blob([zipFiles(out.files) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }))}>
            Download the snapshot (.zip)</button>
          <p className="hint">Unzip it into <code>data/snapshot/</code> of the dashboard’s source, run <code>npm run build</code>, and upload
            <code> dist/</code> to any static host: the public page is at <code>/public/</code>. See the README, “Publish and deploy”.</p>
        </div>
      )}
    </section>
  );
}

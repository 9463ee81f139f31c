import { useRef, useState } from 'react';

/** File picker and drag-and-drop target for several CSV/TSV files at once, zip archives (opened in
 *  the page) and folders: each folder's files are added as a batch of their own (an unpacked FBI
 *  NIBRS extract is one folder per state and year). */
export function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div
      className={`dropzone${over ? ' over' : ''}`}
      data-testid="dropzone"
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const entries = [...e.dataTransfer.items].map((i) => i.webkitGetAsEntry?.()).filter((x): x is FileSystemEntry => !!x);
        if (entries.some((x) => x.isDirectory)) void droppedBatches(entries).then((bs) => bs.forEach(onFiles));
        else onFiles([...e.dataTransfer.files]);
      }}
    >
      <p><strong>Drop CSV or tab-separated files, zip archives or folders here</strong>, or</p>
      <label className="button">
        Choose files…
        <input
          ref={input}
          type="file"
          multiple
          accept=".csv,.tsv,.txt,.zip,text/csv,text/tab-separated-values,application/zip"
          className="visually-hidden"
          data-testid="file-input"
          onChange={(e) => {
            onFiles([...(e.target.files ?? [])]);
            if (input.current) input.current.value = '';
          }}
        />
      </label>{' '}
      <label className="button">
        Choose a folder…
        <input
          ref={folder}
          type="file"
          // Chromium, Firefox and Safari all read this attribute; React passes it through as written.
          {...{ webkitdirectory: '' }}
          className="visually-hidden"
          data-testid="folder-input"
          onChange={(e) => {
            byFolder([...(e.target.files ?? [])].map((f) => [f.webkitRelativePath || f.name, f] as [string, File])).forEach(onFiles);
            if (folder.current) folder.current.value = '';
          }}
        />
      </label>
      <p className="hint">Program exports (encounters, costs, naloxone), crime incidents or monthly counts, an FBI NIBRS state extract (its zip, its folder, or all its CSV files together), CDC VSRR, WONDER and DOSE files, state tables and overdose counts or incidents.</p>
    </div>
  );
}

/** Of a folder's files, those that can be tables: an unpacked extract also holds a README, PDFs and
 *  SQL scripts, which would each get a card refusing it. */
const TABLE = /\.(csv|tsv|txt|zip)$/i;

/** Table files grouped by the folder they are in (their path without its last part), in path order. */
function byFolder(files: [string, File][]): File[][] {
  const groups = new Map<string, File[]>();
  for (const [path, f] of files.filter(([p]) => TABLE.test(p)).sort(([a], [b]) => a.localeCompare(b))) {
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    groups.set(dir, [...(groups.get(dir) ?? []), f]);
  }
  return [...groups.values()];
}

/** Everything dropped, folders walked, grouped by folder. */
async function droppedBatches(entries: FileSystemEntry[]): Promise<File[][]> {
  const out: [string, File][] = [];
  const walk = async (e: FileSystemEntry): Promise<void> => {
    if (e.isFile) {
      out.push([e.fullPath, await new Promise<File>((res, rej) => (e as FileSystemFileEntry).file(res, rej))]);
      return;
    }
    const reader = (e as FileSystemDirectoryEntry).createReader();
    // readEntries gives at most 100 entries a call: read until it gives none.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
      if (!batch.length) break;
      for (const x of batch) await walk(x);
    }
  };
  for (const e of entries) await walk(e);
  return byFolder(out.map(([p, f]) => [p.replace(/^\//, ''), f]));
}

import { useRef, useState } from 'react';

/** File picker and drag-and-drop target for several CSV/TSV files at once. */
export function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
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
        onFiles([...e.dataTransfer.files]);
      }}
    >
      <p><strong>Drop CSV or tab-separated files here</strong>, or</p>
      <label className="button">
        Choose files…
        <input
          ref={input}
          type="file"
          multiple
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
          className="visually-hidden"
          data-testid="file-input"
          onChange={(e) => {
            onFiles([...(e.target.files ?? [])]);
            if (input.current) input.current.value = '';
          }}
        />
      </label>
      <p className="hint">Program exports (encounters, costs, naloxone), crime incidents or monthly counts, an FBI NIBRS state extract (all its CSV files together), CDC VSRR, WONDER and DOSE files, state tables and overdose counts or incidents.</p>
    </div>
  );
}

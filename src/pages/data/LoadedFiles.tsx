import { fmt } from '../../components/format.ts';
import { kindById } from '../../ingest/kinds/index.ts';
import type { KindId } from '../../ingest/kinds/kindDef.ts';
import { useData } from '../../state/DataContext.tsx';
import { useState } from 'react';

export function LoadedFiles() {
  const { loads, removeFile, isSample, reopenFile, uploads } = useData();
  const [notKept, setNotKept] = useState<string>();
  return (
    <section aria-labelledby="loaded-h" className="panel">
      <h2 id="loaded-h">Loaded in this browser</h2>
      {isSample && <p className="hint">The sample's files are read-only: they load in full each time the sample is opened.</p>}
      {loads.length === 0 ? <p className="empty">Nothing is loaded yet.</p> : (
        <div className="table-wrap">
          <table data-testid="loaded-files">
            <caption className="visually-hidden">Files loaded in this browser</caption>
            <thead><tr><th scope="col">File</th><th scope="col">Kind</th><th scope="col" className="num">Rows</th><th scope="col" className="num">Size</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {loads.map((l) => (
                <tr key={l.source_file}>
                  <td>{l.source_file}</td>
                  <td>{kindById(l.kind as KindId).label}</td>
                  <td className="num">{fmt.int(l.rows)}</td>
                  <td className="num">{fmt.int(l.bytes / 1024)} KB</td>
                  <td>{!isSample && <>
                    <button type="button" className="link" onClick={() => void reopenFile(l.source_file).then((ok) => setNotKept(ok ? undefined : l.source_file))}
                      aria-label={`Change the mapping or values of ${l.source_file}`} disabled={uploads.some((u) => u.file.name === l.source_file)}>Change mapping or values</button>{' '}
                    <button type="button" className="link" onClick={() => void removeFile(l.source_file)}
                      aria-label={`Remove ${l.source_file}`}>Remove</button></>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {notKept && <p className="notice" role="status">"{notKept}" is not kept in this browser, so it cannot be opened again here: add the file again to change how it is read.</p>}
    </section>
  );
}

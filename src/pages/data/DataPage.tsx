import { useData } from '../../state/DataContext.tsx';
import { DatasetCheck } from './DatasetCheck.tsx';
import { DropZone } from './DropZone.tsx';
import { ExtractCard } from './ExtractCard.tsx';
import { ForgetAllData, KeptFiles } from './KeptFiles.tsx';
import { LoadedFiles } from './LoadedFiles.tsx';
import { ProgramSettings } from './ProgramSettings.tsx';
import { PublishPanel } from './PublishPanel.tsx';
import { UploadCard } from './UploadCard.tsx';
import { WorkspaceBar } from './WorkspaceBar.tsx';

export function DataPage() {
  const { addFiles, uploads, extracts, status, program, open, opening } = useData();
  return (
    <>
      <header className="page-head">
        <h1>Data</h1>
        <p className="privacy" data-testid="privacy-note">
          Files you add are read by this page only: they stay in this browser and are never uploaded anywhere. They are
          kept in this browser (IndexedDB) until you remove them or choose "Forget all data".
        </p>
      </header>
      <WorkspaceBar />
      <DropZone onFiles={addFiles} />
      {status !== 'ready' && <p role="status">Starting the in-browser database…</p>}
      <KeptFiles />
      <section aria-label="Files added" aria-live="polite">
        {extracts.map((c) => <ExtractCard key={c.id} c={c} />)}
        {uploads.map((u) => <UploadCard key={u.id} u={u} />)}
      </section>
      <LoadedFiles />
      <DatasetCheck />
      <ProgramSettings key={`${open}|${program.launchSource}|${program.launchDate}|${program.population}`} />
      {status === 'ready' && !opening && <PublishPanel />}
      <ForgetAllData />
    </>
  );
}

import { useData } from '../state/DataContext.tsx';
import { restoringText } from '../state/persist.ts';

/** On every page while the open workspace's files are still coming in (the sample at start, kept
 *  files after a reload, a workspace just opened): how far it got, and that the figures will
 *  change. Marked as loading, so nothing on the page reads as final before every file is back. */
export function OpeningStatus() {
  const { opening, status } = useData();
  if (status === 'failed') return null;
  if (!opening && status !== 'starting') return null;
  if (status === 'starting' || !opening || opening.total === 0) {
    return (
      <div className="banner loading" role="status" data-loading="true" data-testid="opening-status">
        {status === 'starting' ? 'Starting the in-browser database…' : 'Opening the workspace…'}
      </div>
    );
  }
  const n = Math.min(opening.loaded + 1, opening.total);
  const text = opening.what === 'sample'
    ? `Loading the sample program: file ${n} of ${opening.total}…`
    : restoringText(opening.loaded, opening.total);
  return (
    <div className="banner loading" role="status" data-loading="true" data-testid="opening-status">
      <strong>{text}</strong> Figures on this page are not final until every file is back.{' '}
      <progress max={opening.total} value={opening.loaded} aria-label="Files loaded" />
    </div>
  );
}

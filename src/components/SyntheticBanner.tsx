import { Link } from 'react-router';
import { useData } from '../state/DataContext.tsx';

/** On every page while the sample workspace is open; with the way back to the user's own. */
export function SyntheticBanner() {
  const { isSample, workspaces, openWorkspace, opening } = useData();
  if (!isSample) return null;
  const newest = [...workspaces].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return (
    <div className="banner" role="note" data-testid="synthetic-banner">
      <strong>Synthetic sample data.</strong> Harbor Point is a fictional town; every record shown from it was generated.{' '}
      {newest
        ? <button type="button" className="link" disabled={!!opening} onClick={() => void openWorkspace(newest.id)}>Back to {newest.name}</button>
        : <Link to="/data">Load your own program's files</Link>}.
    </div>
  );
}

import { Link } from 'react-router';
import { useData } from '../state/DataContext.tsx';

export function SyntheticBanner() {
  const { isSample } = useData();
  if (!isSample) return null;
  return (
    <div className="banner" role="note" data-testid="synthetic-banner">
      <strong>Synthetic sample data.</strong> Harbor Point is a fictional town; every record shown from it was generated.{' '}
      <Link to="/data">Load your own program's files</Link>.
    </div>
  );
}

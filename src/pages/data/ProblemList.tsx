import type { Problem } from '../../ingest/problems.ts';

export function ProblemList({ problems }: { problems: Problem[] }) {
  if (!problems.length) return null;
  return (
    <ul className="problems">
      {problems.map((p, i) => (
        <li key={i} className={p.severity} data-testid={`problem-${p.severity}`}>
          <strong>{p.severity === 'error' ? 'Error' : 'Warning'}</strong>{' '}
          <span className="where">
            {p.file}
            {p.row != null && `, row ${p.row}`}
            {p.column != null && `, column "${p.column}"`}
          </span>
          : {p.message} <em>{p.fix}</em>
        </li>
      ))}
    </ul>
  );
}

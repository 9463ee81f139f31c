import type { Prepared } from '../../ingest/prepare.ts';

/** Why the file was taken for what it was: the score of the guess and of the next kind, and the
 *  reasons (headers and values), so a wrong guess can be seen and corrected. */
export function RecognitionWhy({ p }: { p: Extract<Prepared, { ok: true }> }) {
  const chosen = p.candidates.find((c) => c.kind.id === p.plan.kind.id);
  const next = p.candidates.find((c) => c.kind.id !== p.plan.kind.id);
  if (!chosen) return null;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return (
    <details className="why" data-testid="recognition-why">
      <summary>Why this kind? Fit {pct(chosen.score)}{next ? `; next best "${next.kind.label}" ${pct(next.score)}` : ''}</summary>
      <ul>
        <li>Headers: {pct(chosen.headerScore)}; values in the first {p.plan.sniffed.sample.length} rows: {pct(chosen.contentScore)}.</li>
        {chosen.reasons.map((r) => <li key={r}>{r[0]!.toUpperCase() + r.slice(1)}.</li>)}
        {next && next.reasons.length > 0 && <li>Against "{next.kind.label}": {next.reasons.join('; ')}.</li>}
      </ul>
    </details>
  );
}

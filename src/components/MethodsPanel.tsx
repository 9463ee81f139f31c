import type { ReactNode } from 'react';

export interface Method { term: string; definition: ReactNode }

/** "How these numbers are counted": every figure on the page, its base, period and exclusions. */
export function MethodsPanel({ items, testId = 'methods' }: { items: Method[]; testId?: string }) {
  return (
    <section className="methods panel" aria-labelledby={`${testId}-h`} data-testid={testId}>
      <h2 id={`${testId}-h`}>How these numbers are counted</h2>
      <dl>
        {items.map((m) => (
          <div key={m.term}>
            <dt>{m.term}</dt>
            <dd>{m.definition}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

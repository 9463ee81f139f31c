import { useId, useState } from 'react';
import type { DateOrderExample } from '../../ingest/dateOrder.ts';
import type { DateOrder } from '../../ingest/dateOrder.ts';
import type { LoadPlan } from '../../ingest/plan.ts';

const ORDERS: { order: DateOrder; label: string }[] = [
  { order: 'mdy', label: 'Month/day (US)' },
  { order: 'dmy', label: 'Day/month' },
];

/** The question a file waits on when every date in a column could be month/day or day/month: one
 *  fieldset per such column, with values from the file read both ways. The answers go into the
 *  mapping (so they are kept with the file), then the file loads. */
export function DateOrderQuestion({ plan, onAnswer, disabled }: {
  plan: LoadPlan; onAnswer: (answers: Record<string, DateOrder>) => void; disabled?: boolean;
}) {
  const id = useId();
  const [chosen, setChosen] = useState<Record<string, DateOrder>>({});
  const open = plan.ambiguousDates
    .map((f) => ({ label: plan.kind.fields.find((x) => x.name === f)?.label ?? f, column: plan.mapping.columns[f]!, examples: plan.dateExamples[f] ?? [] }))
    .filter((q) => !plan.mapping.dateOrder?.[q.column]);
  if (!open.length) return null;
  const ready = open.every((q) => chosen[q.column]);
  return (
    <section className="date-order" data-testid="date-order" aria-labelledby={`${id}-h`}>
      <p id={`${id}-h`}><strong>Which way round are the dates in {plan.file}?</strong> The file has not been loaded: every date
        in {open.length === 1 ? 'this column' : 'these columns'} could be read as month/day or as day/month, and the figures depend on it.</p>
      {open.map((q) => (
        <fieldset key={q.column}>
          <legend>Column "{q.column}" ({q.label}): how does it write its dates?</legend>
          {ORDERS.map(({ order, label }) => (
            <label key={order} className="choice">
              <input type="radio" name={`${id}-${q.column}`} value={order} checked={chosen[q.column] === order} disabled={disabled}
                onChange={() => setChosen((c) => ({ ...c, [q.column]: order }))} />
              {' '}<strong>{label}</strong>{q.examples.length > 0 && <>: {examplesText(q.examples, order)}</>}
            </label>
          ))}
        </fieldset>
      ))}
      <button type="button" className="primary" disabled={!ready || disabled} onClick={() => onAnswer(chosen)}>
        Read the dates this way and load
      </button>
      <p className="hint">The answer is kept with this file's mapping in this browser, so it is not asked again.</p>
    </section>
  );
}

/** `"01/03/2022" is 1 March 2022; "02/03/2022" is 2 March 2022` */
function examplesText(examples: DateOrderExample[], order: DateOrder): string {
  return examples.map((e) => `"${e.value}" is ${e[order]}`).join('; ');
}

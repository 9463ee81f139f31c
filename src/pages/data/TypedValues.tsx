import { useId, useState } from 'react';
import { constantOf, withConstant, type Mapping } from '../../ingest/mapping.ts';
import type { LoadPlan } from '../../ingest/plan.ts';
import { TYPED_VALUE } from '../../ingest/prepare.ts';

/** A value typed once for a field the file has no column for (the agency of a city's incident
 *  export). When files of one layout were dropped together it is a question the batch waits on;
 *  otherwise an offer. On a loaded file, setting it loads the file again. */
export function TypedValues({ plan, batch, onSet, disabled }: {
  plan: LoadPlan; batch: number; onSet: (m: Mapping) => void; disabled?: boolean;
}) {
  const id = useId();
  const fields = plan.kind.fields.filter((f) => f.typed && !plan.mapping.columns[f.name]);
  const [typed, setTyped] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.name, constantOf(plan.mapping, f.name) ?? ''])));
  if (!fields.length) return null;
  const asked = plan.sniffed.warnings.some((w) => w.code === TYPED_VALUE);
  return (
    <form className={asked ? 'date-order' : 'typed-values'} data-testid="typed-values" aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        onSet(fields.reduce((m, f) => withConstant(m, f.name, typed[f.name] ?? ''), plan.mapping));
      }}>
      <p id={`${id}-h`}>
        {asked ? <strong>Which agency are these incidents from? </strong> : null}
        {asked
          ? `${plan.file} and the ${batch} other file${batch === 1 ? '' : 's'} of its layout have no agency column: type it once, and every file of the layout loads as that agency.`
          : `This file has no column for ${fields.map((f) => f.label.toLowerCase()).join(' or ')}: type one for all its rows${batch ? ` and the ${batch} other file${batch === 1 ? '' : 's'} of its layout` : ''}, or leave it (the file's name is used).`}
      </p>
      {fields.map((f) => (
        <label key={f.name}>
          {f.label} for every row{' '}
          <input id={`${id}-${f.name}`} value={typed[f.name] ?? ''} disabled={disabled} placeholder="e.g. Gloucester PD"
            onChange={(e) => setTyped((t) => ({ ...t, [f.name]: e.target.value }))} />
        </label>
      ))}{' '}
      <button type="submit" className={asked ? 'primary' : undefined}
        disabled={disabled || fields.every((f) => (typed[f.name] ?? '').trim() === (constantOf(plan.mapping, f.name) ?? ''))}>
        {asked ? 'Use it and load' : 'Set'}
      </button>
    </form>
  );
}

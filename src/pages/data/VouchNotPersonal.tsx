import { useId, useState } from 'react';

/** "This column is not personal data": a deliberate, two-step way to load one flagged column.
 *  First the user opens it, then ticks that they checked the values, then confirms. */
export function VouchNotPersonal({ file, column, onVouch, disabled }: {
  file: string; column: string; onVouch: (column: string) => void; disabled?: boolean;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [checked, setChecked] = useState(false);
  return (
    <div className="vouch">
      <button type="button" className="link" aria-expanded={open} aria-controls={`${id}-confirm`}
        onClick={() => { setOpen(!open); setChecked(false); }}>
        "{column}" is not personal data: load it…
      </button>
      {open && (
        <div id={`${id}-confirm`} className="vouch-confirm" data-testid="vouch-confirm">
          <label>
            <input type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} />{' '}
            I checked the values in column "{column}" of {file}: they are not about a person.
          </label>{' '}
          <button type="button" disabled={!checked || disabled} onClick={() => onVouch(column)}>
            Load "{column}" as not personal data
          </button>
          <p className="hint">The load report will say that you vouched for this column, and it is kept with the file's mapping.</p>
        </div>
      )}
    </div>
  );
}

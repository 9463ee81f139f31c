import { PERSONAL_DATA, PERSONAL_DATA_REFUSED } from '../../ingest/prepare.ts';
import type { Problem } from '../../ingest/problems.ts';
import { VouchNotPersonal } from './VouchNotPersonal.tsx';

/** Why a file is held back as personal data, and the ways out: drop the columns and load, or, for
 *  a column that is not about people, vouch for it (never for SSNs or email addresses). */
export function PersonalDataNotice({ problems, onDrop, onVouch, disabled }: {
  problems: Problem[]; onDrop: () => void; onVouch?: (column: string) => void; disabled?: boolean;
}) {
  const held = problems.filter((p) => p.code === PERSONAL_DATA || p.code === PERSONAL_DATA_REFUSED);
  if (!held.length) return null;
  const cols = held.map((p) => `"${p.column}"`).join(', ');
  return (
    <section className="personal-data problems" role="alert" data-testid="personal-data" aria-label="Personal data held back">
      <p><strong>Held back: this file seems to hold personal data.</strong> It has not been loaded. Data about
        identifiable people must not go into the dashboard, and these columns are mapped to fields:</p>
      <ul>
        {held.map((p) => (
          <li key={p.column} className="error">
            <strong>{p.column}</strong>: {p.message}
            {p.code === PERSONAL_DATA && onVouch && <VouchNotPersonal file={p.file} column={p.column!} onVouch={onVouch} disabled={disabled} />}
          </li>
        ))}
      </ul>
      <p className="hint">Columns that are not mapped to a field are never loaded. Dropping a column maps nothing to its
        field; if a required field is left without a column, pick another one for it in the mapping. A column whose values
        only look like personal data (treatment centres or agencies named like people) can be loaded once you have checked it.</p>
      <button type="button" className="primary" onClick={onDrop} disabled={disabled} data-testid="drop-personal">
        Drop {held.length === 1 ? 'this column' : 'these columns'} ({cols}) and load
      </button>
    </section>
  );
}

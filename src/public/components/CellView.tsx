import type { Cell } from '../../snapshot/snapshotFormat.ts';
import { useI18n } from '../i18n/index.ts';
import { SUPPRESSED_SYMBOL } from '../labels.ts';

/** One published cell: a formatted number; a symbol for "suppressed" and a short "n/a" for "not
 *  available", each with its meaning in words for screen readers (and in the legend under the
 *  table for everyone). */
export function CellView({ column, cell }: { column: string; cell: Cell | undefined }) {
  const { t, fmt } = useI18n();
  if (cell === 'suppressed') {
    return (
      <span className="cell-suppressed" data-cell="suppressed">
        <span aria-hidden="true">{SUPPRESSED_SYMBOL}</span>
        <span className="visually-hidden">{t('cell.suppressed')}</span>
      </span>
    );
  }
  if (typeof cell !== 'number') {
    return (
      <span className="cell-na" data-cell="n/a">
        <span aria-hidden="true">{t('cell.naShort')}</span>
        <span className="visually-hidden">{t('cell.na')}</span>
      </span>
    );
  }
  return <>{fmt.value(column, cell)}</>;
}

/** What the symbols of a table mean, shown only for the symbols it uses. */
export function Legend({ suppressed, na }: { suppressed: boolean; na: boolean }) {
  const { t } = useI18n();
  if (!suppressed && !na) return null;
  return (
    <ul className="legend">
      {suppressed && <li><span className="legend-symbol" aria-hidden="true">{SUPPRESSED_SYMBOL}</span> {t('legend.suppressed')}</li>}
      {na && <li><span className="legend-symbol" aria-hidden="true">{t('cell.naShort')}</span> {t('legend.na')}</li>}
    </ul>
  );
}

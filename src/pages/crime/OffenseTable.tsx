import { memo, useMemo, useState } from 'react';
import { fmt } from '../../components/format.ts';
import { offenseCodeList, offenseValues, type OffenseValue } from '../../metrics/crime.ts';
import { useData } from '../../state/DataContext.tsx';
import { useSql } from '../../state/useSql.ts';

const FROM: Record<OffenseValue['codeFrom'], string> = {
  file: 'code in the file',
  yours: 'your choice',
  default: 'default table',
  unmapped: 'not assigned: not counted',
};

/** The id of the table's heading, where the crime page's notices send the user (focusable). */
export const OFFENSE_TABLE_HEADING = 'offense-table-h';

/** The offense table: every offense value in the loaded crime data, the NIBRS code it is counted
 *  under and where that came from. Values nobody mapped come first; any value without a code from
 *  the file can be (re)assigned, and the choice is kept in this browser for later files too.
 *  Memoised: it depends on no filter of the page, so a filter change does not render its up to 300
 *  rows of code lists again (a city's offense list made each change 50 ms slower). */
export const OffenseTable = memo(function OffenseTable() {
  const { offenseMap, assignOffense } = useData();
  const values = useSql(useMemo(() => offenseValues(), []));
  const codes = useSql(useMemo(() => offenseCodeList(), []));
  const [onlyUnmapped, setOnlyUnmapped] = useState(false);
  const unmapped = values.rows.filter((v) => v.codeFrom === 'unmapped');
  const rows = onlyUnmapped ? unmapped : values.rows;
  const shown = rows.slice(0, 300);
  return (
    <section aria-labelledby={OFFENSE_TABLE_HEADING} className="chart" data-testid="offense-table" aria-busy={values.loading}>
      <h2 id={OFFENSE_TABLE_HEADING} tabIndex={-1}>Offense table</h2>
      <p className="hint">Which offenses count as addiction-associated is decided by their NIBRS code. A code in the file is used as
        given; an FBI or UCR code (Chicago's "FBI Code") is read through the default table and wins over the default reading
        of the offense text; otherwise the offense text is looked up in a default table of NIBRS names and the descriptions of
        large city portals (Chicago, New York, Los Angeles, Philadelphia, Seattle, Denver, Baltimore, Durham). Your own
        choices override the defaults. Your choices are kept in
        this browser and apply to every file you load.</p>
      {unmapped.length > 0 ? (
        <p className="notice" role="status" data-testid="unmapped-count">
          {unmapped.length} offense {unmapped.length === 1 ? 'value has' : 'values have'} no code and {unmapped.length === 1 ? 'is' : 'are'} not
          counted ({fmt.int(unmapped.reduce((s, v) => s + (v.offenses ?? 0), 0))} offenses). Assign {unmapped.length === 1 ? 'it' : 'them'} below.
        </p>
      ) : values.rows.length > 0 && <p className="hint" role="status" data-testid="unmapped-count">Every offense value has a code.</p>}
      <label className="inline-field"><input type="checkbox" checked={onlyUnmapped} onChange={(e) => setOnlyUnmapped(e.target.checked)} /> Show only values without a code</label>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Offense values and their NIBRS codes</caption>
          <thead><tr>
            <th scope="col">Offense in the data</th><th scope="col">Code in the file</th><th scope="col" className="num">Offenses</th>
            <th scope="col">NIBRS code</th><th scope="col">Group</th><th scope="col">From</th>
          </tr></thead>
          <tbody>
            {shown.map((v) => {
              const label = v.offense ?? v.rawCode ?? '';
              return (
                <tr key={`${v.offense}|${v.rawCode}`} data-unmapped={v.codeFrom === 'unmapped' || undefined}>
                  <th scope="row">{v.offense ?? '—'}</th>
                  <td>{v.rawCode ?? '—'}</td>
                  <td className="num">{fmt.int(v.offenses)}</td>
                  <td>
                    {v.codeFrom === 'file' ? v.code : (
                      <select aria-label={`NIBRS code for ${label}`} value={offenseMap[v.key] ?? v.code ?? ''}
                        data-testid={`offense-code-${v.key}`}
                        onChange={(e) => void assignOffense(v.key, e.target.value || null)}>
                        <option value="">{v.codeFrom === 'yours' || v.codeFrom === 'unmapped' ? '(not assigned)' : ''}</option>
                        {codes.rows.map((c) => <option key={c.code} value={c.code}>{c.code} {c.name}</option>)}
                      </select>
                    )}
                  </td>
                  <td>{v.group ? `${v.group}${v.addictionAssociated ? ' (addiction-associated)' : ''}` : '—'}</td>
                  <td>{FROM[v.codeFrom]}{v.codeFrom === 'yours' && (
                    <> <button type="button" className="link" onClick={() => void assignOffense(v.key, null)}>undo</button></>
                  )}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length > shown.length && <p className="hint">Showing the first {shown.length} of {rows.length} values (unassigned first, then by number of offenses).</p>}
    </section>
  );
});

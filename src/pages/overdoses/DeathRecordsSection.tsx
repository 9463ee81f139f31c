import { useMemo } from 'react';
import { Link } from 'react-router';
import { DeathSubstanceChart } from '../../charts/DeathSubstanceChart.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { fmt } from '../../components/format.ts';
import { DEATH_GROUP_LABELS, deathGroups, deathPlaces, deathsByMonth, type DeathPlaceBy } from '../../metrics/overdoses.ts';
import { useSql } from '../../state/useSql.ts';

const BY_WORDS: Record<DeathPlaceBy, string> = { residence: 'residence', death: 'place of death' };

/** Overdose deaths from a medical examiner's death records: deaths per month in one city or
 *  county, counted by the decedent's residence or by the place of death, with the deaths involving
 *  each substance group. `place` is "city:NAME" or "county:NAME". */
export function DeathRecordsSection({ by: byParam, place: placeParam, onBy, onPlace }: {
  by: string | null; place: string | null; onBy: (v: string | null) => void; onPlace: (v: string | null) => void;
}) {
  const by: DeathPlaceBy = byParam === 'death' ? 'death' : 'residence';
  const places = useSql(useMemo(() => deathPlaces(by), [by]));
  const groupsQ = useSql(useMemo(() => deathGroups(), []));
  const keyOf = (p: { level: string; place: string }) => `${p.level}:${p.place}`;
  const chosen = places.rows.find((p) => keyOf(p) === placeParam) ?? places.rows[0];
  const level = chosen?.level ?? 'city';
  const name = chosen?.place ?? '';
  const monthly = useSql(useMemo(() => deathsByMonth(by, level, name), [by, level, name]));
  const groups = useMemo(() => groupsQ.rows.map((g) => g.grp)
    .sort((a, b) => Object.keys(DEATH_GROUP_LABELS).indexOf(a) - Object.keys(DEATH_GROUP_LABELS).indexOf(b)), [groupsQ.rows]);
  const placeName = chosen ? (level === 'county' ? `${name} County` : name) : '';
  const base = `deaths with a date, in ${placeName} by ${BY_WORDS[by]}`;
  const totals = useMemo(() => {
    const total = monthly.rows.reduce((a, r) => a + r.deaths, 0);
    return [{ what: 'All overdose deaths', deaths: total, share: null as number | null },
      ...groups.map((g) => {
        const n = monthly.rows.reduce((a, r) => a + (r[g] as number), 0);
        return { what: DEATH_GROUP_LABELS[g] ?? g, deaths: n, share: total ? n / total : null };
      })];
  }, [monthly.rows, groups]);
  const first = monthly.rows[0]?.month;
  const last = monthly.rows[monthly.rows.length - 1]?.month;
  return (
    <section aria-labelledby="deaths-h" data-testid="overdoses-death-records">
      <h2 id="deaths-h">Overdose deaths from death records{placeName ? `: ${placeName}` : ''}</h2>
      <div className="filters">
        <label className="inline-field">Count deaths by{' '}
          <select value={by} data-testid="death-records-by" onChange={(e) => { onBy(e.target.value); onPlace(null); }}>
            <option value="residence">Residence</option>
            <option value="death">Place of death</option>
          </select>
        </label>{' '}
        {places.rows.length > 0 && (
          <label className="inline-field">Place{' '}
            <select value={chosen ? keyOf(chosen) : ''} data-testid="death-records-place" onChange={(e) => onPlace(e.target.value)}>
              {places.rows.map((p) => (
                <option key={keyOf(p)} value={keyOf(p)}>{p.level === 'county' ? `${p.place} County` : p.place} ({fmt.int(p.deaths)})</option>
              ))}
            </select>
          </label>
        )}
      </div>
      {!chosen && !places.loading && <p className="empty">The death records name no {by === 'residence' ? 'residence' : 'place of death'} city or county.</p>}
      {chosen && (
        <>
          <p className="hint" data-testid="death-records-base">
            Base: {base}{first && last ? `, ${fmt.month(first)} to ${fmt.month(last)}` : ''}. A death can involve several substances, so substance
            counts add up to more than the total. Rows without a date are not loaded; the load report on the Data page lists them.
          </p>
          {by === 'residence' && (
            <p className="filter-links"><Link data-testid="death-claim-link" to={`/claim?${new URLSearchParams({ series: `death:${keyOf(chosen)}` })}`}>Check a claim about these deaths (such as “overdose deaths are down 30% since the program began”)</Link></p>
          )}
          <DataTable caption={`Overdose deaths, ${fmt.month(first)} to ${fmt.month(last)}: ${base}`} rows={totals} busy={monthly.loading}
            columns={[{ key: 'what', label: 'Deaths' },
              { key: 'deaths', label: 'Number', numeric: true, format: (v) => fmt.int(v as number) },
              { key: 'share', label: 'Share of all deaths', numeric: true, format: (v) => (v == null ? '' : fmt.pct(v as number)) }]} />
          <div className="charts">
            <DeathSubstanceChart rows={monthly.rows} groups={groups} place={`${placeName} (by ${BY_WORDS[by]})`} base={base} />
          </div>
        </>
      )}
    </section>
  );
}

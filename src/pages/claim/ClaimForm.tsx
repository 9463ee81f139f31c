import type { ClaimKind } from '../../analysis/claim.ts';
import type { OffenseGroup } from '../../metrics/crime.ts';
import { CLAIM_KINDS } from './claimParams.ts';
import type { ClaimSeriesChoice } from './useClaimSeries.ts';

/** The claim, described with choices rather than free text: what series, which comparison, the
 *  periods and the percentage claimed. Every choice is a search parameter (claimParams.ts). */
export function ClaimForm({ params, set, choices, main, groups, group }: {
  params: URLSearchParams;
  set: (key: string, value: string | null) => void;
  choices: ClaimSeriesChoice[];
  main: ClaimSeriesChoice | undefined;
  groups: OffenseGroup[];
  group: string | null;
}) {
  const kind = (params.get('kind') ?? 'since-launch') as ClaimKind;
  const monthInput = (key: string, label: string) => (
    <label>{label}{' '}
      <input type="month" data-testid={`claim-${key}`} value={params.get(key) ?? ''} onChange={(e) => set(key, e.target.value || null)} />
    </label>
  );
  return (
    <form className="claim-form no-print" aria-label="The claim" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>What the claim is about</legend>
        <label>Series{' '}
          <select data-testid="claim-series" value={main?.value ?? ''} onChange={(e) => set('series', e.target.value)}>
            {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
          </select>
        </label>
        {main?.kind === 'crime' && (
          <label>Offenses{' '}
            <select data-testid="claim-group" value={group ?? ''} onChange={(e) => set('group', e.target.value || null)}>
              <option value="">All addiction-associated</option>
              {groups.map((g) => <option key={g.group} value={g.group}>{g.group} ({g.codes})</option>)}
            </select>
          </label>
        )}
        <label>Comparison area (optional){' '}
          <select data-testid="claim-compare" value={params.get('compare') ?? ''} onChange={(e) => set('compare', e.target.value || null)}>
            <option value="">None</option>
            {choices.filter((c) => c.kind === main?.kind && c.value !== main?.value).map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>What the claim compares</legend>
        {CLAIM_KINDS.map((k) => (
          <label key={k.kind} className="claim-kind">
            <input type="radio" name="claim-kind" value={k.kind} checked={kind === k.kind} data-testid={`claim-kind-${k.kind}`}
              onChange={() => set('kind', k.kind === 'since-launch' ? null : k.kind)} /> {k.label}
            {k.example && <span className="hint"> — such as {k.example}</span>}
          </label>
        ))}
        <div className="row">
          {kind === 'since-launch' && monthInput('end', 'Last month counted (blank: the latest loaded)')}
          {kind === 'same-months' && <>{monthInput('from', 'Months claimed: from')}{monthInput('to', 'to')}</>}
          {kind === 'year' && (
            <label>Year claimed{' '}
              <input type="number" min={1990} max={2100} step={1} data-testid="claim-year" value={params.get('year') ?? ''} onChange={(e) => set('year', e.target.value || null)} />
            </label>
          )}
          {kind === 'custom' && <>{monthInput('bfrom', 'Earlier period: from')}{monthInput('bto', 'to')}{monthInput('from', 'Later period: from')}{monthInput('to', 'to')}</>}
        </div>
      </fieldset>
      <fieldset>
        <legend>What was claimed (optional)</legend>
        <label>Change claimed, in percent{' '}
          <input type="text" inputMode="decimal" size={6} data-testid="claim-claimed" value={params.get('claimed') ?? ''} placeholder="-40"
            onChange={(e) => set('claimed', e.target.value.trim() || null)} aria-describedby="claimed-hint" />
        </label>
        <span id="claimed-hint" className="hint"> Negative for a fall: "down 40%" is −40. Left blank, the claim's own arithmetic on these data is checked.</span>
        <label className="wide">The claim's words, for the printout{' '}
          <input type="text" size={60} data-testid="claim-quote" value={params.get('quote') ?? ''} placeholder="Crime is down 40 percent since the program's inception (Police Chief, May 2016)"
            onChange={(e) => set('quote', e.target.value || null)} />
        </label>
      </fieldset>
    </form>
  );
}

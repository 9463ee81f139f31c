import { useMemo } from 'react';
import { Link } from 'react-router';
import { VERDICT_WORDS } from '../../analysis/claim.ts';
import { signedPercent, spanWords } from '../../pages/claim/claimWords.ts';
import { useClaimCheck } from '../../pages/claim/useClaimCheck.ts';

/** The briefing's optional claim section: a claim checked on /claim (its search parameters, kept in
 *  the briefing's `claim` parameter), in three lines: the claim, its arithmetic and what the data
 *  support, the verdict. */
export function ClaimSection({ claim, onRemove }: { claim: string; onRemove: () => void }) {
  const params = useMemo(() => new URLSearchParams(claim), [claim]);
  const { ok, check, main, what, spec, loading } = useClaimCheck(params);
  if (loading) return null;
  const quote = params.get('quote');
  return (
    <section className="briefing-claim" aria-labelledby="briefing-claim-h" data-testid="briefing-claim">
      {!ok || !main ? <p><strong id="briefing-claim-h">A claim checked:</strong> it could not be checked here: {check && 'error' in check ? check.error : 'its series is not loaded.'}</p> : (
        <p>
          <strong id="briefing-claim-h">A claim checked:</strong> {quote ? <><q>{quote}</q>: </> : null}{what} in {main.label}, {spanWords(ok.periods.after)} against {spanWords(ok.periods.before)}.
          {' '}By the claim's arithmetic these data give {ok.arithmetic.percent == null ? 'no figure' : signedPercent(ok.arithmetic.percent)}{spec.claimed != null ? ` (claimed: ${signedPercent(spec.claimed)})` : ''};
          {ok.supported ? ` the change the impact model puts on the launch is ${signedPercent(ok.supported.percent)} (95% interval ${signedPercent(ok.supported.lower)} to ${signedPercent(ok.supported.upper)}).` : ` ${ok.why ?? ''}`}
          {' '}<strong data-testid="briefing-claim-verdict">Verdict: {VERDICT_WORDS[ok.verdict].toLowerCase()}.</strong>
        </p>
      )}
      <p className="no-print"><Link to={`/claim?${claim}`}>Open the full check</Link>{' '}<button type="button" className="link" onClick={onRemove}>Remove it from the briefing</button></p>
    </section>
  );
}

import type { ClaimKind, ClaimSpec } from '../../analysis/claim.ts';
import { isMonth } from '../../analysis/its.ts';

/** The claim lives in the address, so a link reopens the same check: the series (`series`:
 *  'crime:<series>' or 'overdose:<series>'), the offense group (`group`), the comparison area
 *  (`compare`), what the claim compares (`kind`, with `end`; `from`, `to`; `year`; `bfrom`, `bto`),
 *  the percentage claimed (`claimed`) and its words (`quote`). */
export const CLAIM_KINDS: { kind: ClaimKind; label: string; example: string }[] = [
  { kind: 'since-launch', label: 'Since the launch, against before it', example: '"Crime is down 40 percent since the program\'s inception"' },
  { kind: 'same-months', label: 'These months, against the same months a year earlier', example: '"Complaints down 23% in June–August compared with last year"' },
  { kind: 'year', label: 'This year, against last year', example: '"A 25 percent decrease in addiction-related crimes this year"' },
  { kind: 'custom', label: 'Two periods of my choosing', example: '' },
];

const month = (v: string | null) => (isMonth(v) ? v : undefined);

export function specOf(params: URLSearchParams): ClaimSpec {
  const kind = (CLAIM_KINDS.find((k) => k.kind === params.get('kind'))?.kind ?? 'since-launch');
  const claimedText = params.get('claimed')?.replace('−', '-');
  const claimed = claimedText != null && claimedText.trim() !== '' && Number.isFinite(Number(claimedText)) ? Number(claimedText) : null;
  const from = month(params.get('from')), to = month(params.get('to'));
  const bfrom = month(params.get('bfrom')), bto = month(params.get('bto'));
  const year = Number(params.get('year'));
  return {
    kind, claimed,
    ...(month(params.get('end')) ? { end: month(params.get('end')) } : {}),
    ...(from && to ? { after: { from, to } } : {}),
    ...(bfrom && bto ? { before: { from: bfrom, to: bto } } : {}),
    ...(Number.isInteger(year) && year > 1900 ? { year } : {}),
  };
}

// Shares are `Perbill` on chain (parts per billion); people think in percent.

import type { Parsed } from './amount';

export const PERBILL = 1_000_000_000;

/** Parses a percentage with up to 7 decimals (the precision of a Perbill). */
export function percentToPerbill(text: string): Parsed<number> {
  const t = text.trim();
  if (t === '') return { ok: false, error: 'Enter a share in %.' };
  if (!/^\d+(\.\d{0,7})?$/.test(t)) return { ok: false, error: 'A percentage like 60 or 33.5, at most 7 decimals.' };
  const [whole, frac = ''] = t.split('.');
  const value = Number(whole) * 10_000_000 + Number(frac.padEnd(7, '0'));
  if (value === 0) return { ok: false, error: 'A share must be more than 0 %.' };
  if (value > PERBILL) return { ok: false, error: 'A share cannot be more than 100 %.' };
  return { ok: true, value };
}

/** Formats a Perbill as a percentage, exactly (no rounding). */
export function perbillToPercent(parts: number): string {
  const whole = Math.floor(parts / 10_000_000);
  const frac = String(parts % 10_000_000)
    .padStart(7, '0')
    .replace(/0+$/, '');
  return `${whole}${frac ? '.' + frac : ''} %`;
}

/** `share × amount`, rounded down, as the pallet pays it. */
export function shareOf(parts: number, amount: bigint): bigint {
  return (amount * BigInt(parts)) / BigInt(PERBILL);
}

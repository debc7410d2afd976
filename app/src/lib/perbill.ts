// Shares are `Perbill` on chain (parts per billion); people think in percent.

import i18n from '../i18n';
import type { Parsed } from './amount';

export const PERBILL = 1_000_000_000;

/** Parses a percentage with up to 7 decimals (the precision of a Perbill). */
export function percentToPerbill(text: string): Parsed<number> {
  const t = text.trim();
  if (t === '') return { ok: false, error: i18n.t('share.empty') };
  if (!/^\d+(\.\d{0,7})?$/.test(t)) return { ok: false, error: i18n.t('share.format') };
  const [whole, frac = ''] = t.split('.');
  const value = Number(whole) * 10_000_000 + Number(frac.padEnd(7, '0'));
  if (value === 0) return { ok: false, error: i18n.t('share.zero') };
  if (value > PERBILL) return { ok: false, error: i18n.t('share.tooMuch') };
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

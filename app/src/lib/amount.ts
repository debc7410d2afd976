// Amounts in PEER as exact integers of plancks (12 decimals). No floats:
// `0.1` PEER is exactly 100_000_000_000n plancks.

export const DECIMALS = 12;
export const UNIT = 10n ** BigInt(DECIMALS);
/** The largest balance the runtime can hold (u128). */
export const MAX_BALANCE = 2n ** 128n - 1n;

import i18n from '../i18n';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Parses `text` (PEER, up to 12 decimals) into plancks. `smallest` says what
 * the smallest unit is, for the message about too many decimals (PEER's planck
 * unless given). Messages are in the board's language.
 */
export function parseAmount(
  text: string,
  decimals = DECIMALS,
  smallest = i18n.t('amount.planck', { value: `0.${'0'.repeat(DECIMALS - 1)}1 PEER` }),
): Parsed<bigint> {
  const t = text.trim().replace(/[_\s]/g, '');
  if (t === '') return { ok: false, error: i18n.t('amount.empty') };
  if (!/^\d*(\.\d*)?$/.test(t) || t === '.') {
    return { ok: false, error: i18n.t('amount.digits') };
  }
  const [whole, frac = ''] = t.split('.');
  if (frac.length > decimals) {
    if (decimals === 0) return { ok: false, error: i18n.t('amount.whole') };
    return { ok: false, error: i18n.t('amount.decimals', { decimals, smallest }) };
  }
  const value = BigInt(whole || '0') * 10n ** BigInt(decimals) + BigInt(frac.padEnd(decimals, '0') || '0');
  if (value > MAX_BALANCE) return { ok: false, error: i18n.t('amount.tooMuch') };
  return { ok: true, value };
}

/** Parses an amount that must be more than zero. */
export function parsePositiveAmount(text: string): Parsed<bigint> {
  const r = parseAmount(text);
  if (r.ok && r.value === 0n) return { ok: false, error: i18n.t('amount.zero') };
  return r;
}

/** Formats plancks as PEER: every significant decimal, none after. */
export function formatAmount(plancks: bigint, decimals = DECIMALS): string {
  const neg = plancks < 0n;
  const abs = neg ? -plancks : plancks;
  const base = 10n ** BigInt(decimals);
  const whole = (abs / base).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = (abs % base).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole}${frac ? '.' + frac : ''}`;
}

/** `formatAmount` with the unit. */
export const peer = (plancks: bigint) => `${formatAmount(plancks)} PEER`;

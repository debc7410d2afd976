// What a mission pays in: PEER or an asset the council created, with its
// symbol and decimals as the chain stores them. Amounts stay exact integers
// of the asset's smallest unit; only their display and parsing use decimals.

import i18n from '../i18n';
import { DECIMALS, formatAmount, parseAmount, type Parsed } from './amount';

/** The chain's `NativeOrWithId<u32>`, as the generated descriptors type it. */
export type AssetKind = { type: 'Native'; value?: undefined } | { type: 'WithId'; value: number };

export interface AssetInfo {
  kind: AssetKind;
  /** A stable key for maps and form values: `native` or `asset-<id>`. */
  key: string;
  symbol: string;
  name: string;
  decimals: number;
  /** The least budget of a mission in it; undefined if missions cannot be posted in it. */
  minimumBudget?: bigint;
}

export const NATIVE_KIND: AssetKind = { type: 'Native', value: undefined };

export const assetKey = (kind: AssetKind) => (kind.type === 'Native' ? 'native' : `asset-${kind.value}`);

export const PEER_ASSET: AssetInfo = {
  kind: NATIVE_KIND,
  key: 'native',
  symbol: 'PEER',
  name: 'PEER',
  decimals: DECIMALS,
};

/** The asset a key names, or `undefined`. */
export function kindOfKey(key: string): AssetKind | undefined {
  if (key === 'native') return NATIVE_KIND;
  const m = /^asset-(\d+)$/.exec(key);
  return m ? { type: 'WithId', value: Number(m[1]) } : undefined;
}

/** An amount with its asset's decimals and symbol; an unknown asset by its id and raw units. */
export function money(amount: bigint, info: AssetInfo | undefined, kind?: AssetKind): string {
  if (!info) return `${formatAmount(amount, 0)} units of asset ${kind?.type === 'WithId' ? kind.value : '?'}`;
  return `${formatAmount(amount, info.decimals)} ${info.symbol}`;
}

/** Parses an amount of `info` (up to its decimals), more than zero. */
export function parseAssetAmount(text: string, info: AssetInfo): Parsed<bigint> {
  const r = parseAmount(text, info.decimals, i18n.t('amount.smallestUnit', { value: smallest(info) }));
  if (!r.ok) return r;
  if (r.value === 0n) return { ok: false, error: i18n.t('amount.zero') };
  return r;
}

const smallest = (info: AssetInfo) =>
  info.decimals === 0 ? `1 ${info.symbol}` : `0.${'0'.repeat(info.decimals - 1)}1 ${info.symbol}`;

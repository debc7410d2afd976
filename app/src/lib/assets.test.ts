import { describe, expect, test } from 'vitest';
import { PEER_ASSET, assetKey, kindOfKey, money, parseAssetAmount, type AssetInfo } from './assets';

const USD: AssetInfo = {
  kind: { type: 'WithId', value: 42 },
  key: 'asset-42',
  symbol: 'USD',
  name: 'Korea Bank USD',
  decimals: 6,
};
const KRW: AssetInfo = { kind: { type: 'WithId', value: 7 }, key: 'asset-7', symbol: 'KRW', name: 'Won', decimals: 0 };

describe('assets', () => {
  test('keys round-trip', () => {
    for (const k of [PEER_ASSET.kind, USD.kind]) expect(kindOfKey(assetKey(k))).toEqual(k);
    expect(kindOfKey('asset-x')).toBeUndefined();
    expect(kindOfKey('')).toBeUndefined();
  });

  test('amounts show with their asset, to the unit', () => {
    expect(money(3_000_001n, USD)).toBe('3.000001 USD');
    expect(money(1_500_000n, USD)).toBe('1.5 USD');
    expect(money(1_234_567n, KRW)).toBe('1,234,567 KRW');
    expect(money(10n ** 12n, PEER_ASSET)).toBe('1 PEER');
    expect(money(5n, undefined, { type: 'WithId', value: 9 })).toBe('5 units of asset 9');
  });

  test("amounts parse with the asset's decimals", () => {
    expect(parseAssetAmount('3.000001', USD)).toEqual({ ok: true, value: 3_000_001n });
    const tooFine = parseAssetAmount('0.0000001', USD);
    expect(tooFine.ok).toBe(false);
    expect(!tooFine.ok && tooFine.error).toContain('At most 6 decimals');
    expect(!tooFine.ok && tooFine.error).toContain('0.000001 USD');
    expect(parseAssetAmount('1.5', KRW).ok).toBe(false);
    expect(parseAssetAmount('0', USD)).toEqual({ ok: false, error: 'Must be more than zero.' });
    expect(parseAssetAmount('12', KRW)).toEqual({ ok: true, value: 12n });
  });
});

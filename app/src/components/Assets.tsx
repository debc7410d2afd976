// The assets missions can be paid in, read once per block: PEER and every
// asset the council created (symbol, name, decimals from `assets.metadata`),
// with the minimum budget governance set for missions in it.

import { createContext, useContext, type ReactNode } from 'react';
import { useLive } from '../chain';
import { PEER_ASSET, assetKey, money, type AssetInfo, type AssetKind } from '../lib/assets';

const decoder = new TextDecoder();
const AssetsContext = createContext<Map<string, AssetInfo>>(new Map([['native', PEER_ASSET]]));

export function AssetsProvider({ children }: { children: ReactNode }) {
  const { data } = useLive(async (api, at) => {
    const [metadata, minimums] = await Promise.all([
      api.query.Assets.Metadata.getEntries({ at }),
      api.query.Missions.MinimumBudgets.getEntries({ at }),
    ]);
    const all = new Map<string, AssetInfo>([['native', PEER_ASSET]]);
    for (const e of metadata) {
      const kind: AssetKind = { type: 'WithId', value: e.keyArgs[0] };
      all.set(assetKey(kind), {
        kind,
        key: assetKey(kind),
        symbol: decoder.decode(e.value.symbol) || `#${e.keyArgs[0]}`,
        name: decoder.decode(e.value.name),
        decimals: e.value.decimals,
      });
    }
    for (const e of minimums) {
      const kind = e.keyArgs[0] as AssetKind;
      const key = assetKey(kind);
      const info = all.get(key) ?? { kind, key, symbol: `#${kind.value}`, name: `asset ${kind.value}`, decimals: 0 };
      all.set(key, { ...info, minimumBudget: e.value });
    }
    return all;
  }, []);
  return <AssetsContext.Provider value={data ?? new Map([['native', PEER_ASSET]])}>{children}</AssetsContext.Provider>;
}

/** Every asset known, by key (`native`, `asset-<id>`). */
export const useAssets = () => useContext(AssetsContext);

/** The asset of `kind`, if the chain describes it. */
export function useAsset(kind: AssetKind | undefined): AssetInfo | undefined {
  const all = useAssets();
  return kind ? all.get(assetKey(kind)) : PEER_ASSET;
}

/** Formats amounts of `kind` as the chain describes it. */
export function useMoney(kind: AssetKind | undefined): (amount: bigint) => string {
  const info = useAsset(kind);
  return (amount) => money(amount, info, kind);
}

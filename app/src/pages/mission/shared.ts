// What the parts of a mission's page share: the data read at each block and
// how amounts of the mission's asset are written.

import { useAssets } from '../../components/Assets';
import { peer } from '../../lib/amount';
import { assetKey, money, type AssetKind } from '../../lib/assets';
import type { Offered } from '../../lib/actions';
import type { MissionDetail, MissionParams } from '../../missions';

/** Formats amounts of the mission's asset. */
export type Pay = (amount: bigint) => string;

export function usePay(kind: AssetKind | undefined): Pay {
  const assets = useAssets();
  return (amount) => (kind ? money(amount, assets.get(assetKey(kind)), kind) : peer(amount));
}

/** Everything the page reads at a block. */
export interface Data {
  detail: MissionDetail | null;
  params: MissionParams;
  /** The chosen account's free balance. */
  free: bigint;
  /** What the chosen account may do on the mission (`MissionsApi.mission_actions`). */
  offered: Offered;
  /** The chain's runtime could not say (older than `MissionsApi` version 3). */
  actionsUnknown: boolean;
}

export const enc = new TextEncoder();

// Which runtime the board speaks. Its types come from one runtime's wasm at
// build time (src/generated/runtime.json says which); a chain may run another
// (after an upgrade, before the board is rebuilt). papi's compatibility checks
// compare the two metadata: a call whose arguments encode the same way keeps
// working, the rest are disabled with a message naming both versions, and no
// call is signed whose encoding the board cannot vouch for.

import { CompatibilityLevel } from 'polkadot-api';
import built from '../generated/runtime.json';
import docs from '../generated/docs.json';
import i18n from '../i18n';

export const BUILT_FOR: { specName: string; specVersion: number } = {
  specName: built.specName,
  specVersion: built.specVersion,
};

export type Version = { specName: string; specVersion: number };

/** A call the chain's runtime takes as the board encodes it, or not. */
export type CallCompat = (pallet: string, call: string) => boolean;

export type Match = {
  chain: Version;
  /** The board's calls (`Pallet.call`) whose encoding changed on the chain: disabled. */
  changed: string[];
};

/** Every call the board's types know, as `Pallet.call`. */
export const knownCalls = (): [string, string][] =>
  Object.entries(docs.calls as Record<string, Record<string, unknown>>).flatMap(([p, calls]) =>
    Object.keys(calls).map((c) => [p, c] as [string, string]),
  );

/** The board's calls that `compatible` refuses. */
export const changedCalls = (compatible: CallCompat, calls = knownCalls()): string[] =>
  calls.filter(([p, c]) => !compatible(p, c)).map(([p, c]) => `${p}.${c}`);

/** What to tell the member when the chain runs another runtime than the board's; undefined when it is the same. */
export function runtimeNotice(m: Match, builtFor: Version = BUILT_FOR): string | undefined {
  if (m.chain.specName === builtFor.specName && m.chain.specVersion === builtFor.specVersion) return undefined;
  const v = {
    built: `${builtFor.specName} ${builtFor.specVersion}`,
    chain: `${m.chain.specName} ${m.chain.specVersion}`,
  };
  if (m.changed.length === 0) return i18n.t('compat.unchanged', v);
  return i18n.t('compat.changed', { ...v, n: m.changed.length, calls: m.changed.join(', ') });
}

/** Why the board refuses to sign `pallet.call` on this chain. */
export function refusal(pallet: string, call: string, m: Match, builtFor: Version = BUILT_FOR): string {
  return i18n.t('compat.refusal', {
    chain: `${m.chain.specName} ${m.chain.specVersion}`,
    built: `${builtFor.specName} ${builtFor.specVersion}`,
    call: `${pallet}.${call}`,
  });
}

/** What papi's static compatibility helper says of one call. */
type CallHelper = { level: CompatibilityLevel; isValueCompatible: (value: unknown) => boolean };
type StaticApis = {
  id: string;
  compat: { tx: Record<string, Record<string, CallHelper | undefined> | undefined> };
  constants: { System: { Version: { spec_name: string; spec_version: number } } };
};

/** Compares the chain's runtime at its best block with the board's. */
export type Runtime = Match & { id: string; compatible: (pallet: string, call: string, args?: unknown) => boolean };

/** Compares the chain's runtime at its best block with the board's; `previous` is reused while the runtime is the same. */
export async function compare(getStaticApis: () => Promise<unknown>, previous?: Runtime): Promise<Runtime> {
  const s = (await getStaticApis()) as StaticApis;
  if (previous && previous.id === s.id) return previous;
  const version = s.constants.System.Version;
  // The board vouches for a call whose arguments are encoded identically on the
  // chain, or, where only some values differ (a call carrying calls: a batch, a
  // motion), for the very value it sends, checked against the chain's types. A
  // call whose arguments changed shape is refused even where papi could still
  // encode it (a field the chain does not have would be dropped silently: a
  // mission's asset, on a runtime before assets).
  const compatible = (pallet: string, call: string, args?: unknown) => {
    try {
      const helper = s.compat.tx[pallet]?.[call];
      if (!helper) return false;
      if (helper.level === CompatibilityLevel.Identical) return true;
      if (helper.level !== CompatibilityLevel.Partial) return false;
      return args === undefined || helper.isValueCompatible(args);
    } catch {
      return false;
    }
  };
  return {
    id: s.id,
    chain: { specName: version.spec_name, specVersion: version.spec_version },
    changed: changedCalls((p, c) => compatible(p, c)),
    compatible,
  };
}

// Accounts by name: consortium members by their registered name, dev
// accounts by theirs, others shortened.

import { createContext, useContext, type ReactNode } from 'react';
import { useChain, useLive } from '../chain';
import type { Names } from '../lib/words';

const decoder = new TextDecoder();
export interface MemberInfo {
  name: string;
  kind: string;
  joined: number;
  leavesAt?: number;
}

const NamesContext = createContext<{ names: Names; members: Map<string, MemberInfo> }>({
  names: () => undefined,
  members: new Map(),
});

export function NamesProvider({ children }: { children: ReactNode }) {
  const { accounts } = useChain();
  const { data } = useLive(async (api, at) => {
    const entries = await api.query.Consortium.Members.getEntries({ at });
    return new Map(
      entries.map((e) => [
        e.keyArgs[0] as string,
        {
          name: decoder.decode(e.value.name),
          kind: e.value.kind.type,
          joined: e.value.joined,
          leavesAt: e.value.leaves_at,
        },
      ]),
    );
  }, []);
  const members = data ?? new Map<string, MemberInfo>();
  const names: Names = (a) => members.get(a)?.name ?? accounts.find((x) => x.address === a)?.name;
  return <NamesContext.Provider value={{ names, members }}>{children}</NamesContext.Provider>;
}

export const useNames = () => useContext(NamesContext).names;
export const useMembers = () => useContext(NamesContext).members;

/**
 * An account: its name and, since names are free text and need not be unique, always
 * the start and end of its address beside it (the whole address on hover).
 */
export function Who({ address }: { address: string }) {
  const names = useNames();
  const name = names(address);
  const short = `${address.slice(0, 6)}…${address.slice(-4)}`;
  return (
    <span className="who" title={address}>
      {name ? (
        <>
          {name} <span className="address">{short}</span>
        </>
      ) : (
        short
      )}
    </span>
  );
}

// A firm's directors as a multisig account (pallet-multisig): its address from
// its signatories and threshold, the operations pending on it, and call data
// checked against the hash the chain holds. The chain stores only the hash of a
// pending call; its bytes travel with the operation's link (or stay in the
// browser that started it), and the board shows them only once they hash to it.

import { accountAddress, accountBytes, blake2, compact, concat, fromHex, type Hex } from './hash';

/** A multisig account the member is a signatory of. */
export interface MultisigAccount {
  address: string;
  threshold: number;
  /** Every signatory, the member included, in the chain's order (by account bytes). */
  signatories: string[];
}

const bytesOrder = (a: string, b: string) => {
  const x = accountBytes(a);
  const y = accountBytes(b);
  for (let i = 0; i < 32; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
};

/** The signatories in the order pallet-multisig requires (ascending account bytes), without duplicates. */
export const sortSignatories = (who: readonly string[]): string[] => [...new Set(who)].sort(bytesOrder);

/**
 * The multisig account of `signatories` at `threshold`, as pallet-multisig derives it:
 * blake2-256 of `b"modlpy/utilisuba"`, the sorted signatories (a SCALE sequence) and the
 * threshold (u16, little-endian).
 */
export function multisigAddress(signatories: readonly string[], threshold: number): string {
  const sorted = sortSignatories(signatories);
  const entropy = concat([
    new TextEncoder().encode('modlpy/utilisuba'),
    compact(sorted.length),
    ...sorted.map(accountBytes),
    Uint8Array.of(threshold & 0xff, threshold >> 8),
  ]);
  return accountAddress(fromHex(blake2(entropy)));
}

/** Why a multisig cannot be made of these, or undefined: at least two signatories, 2 ≤ threshold ≤ their number. */
export function checkMultisig(
  signatories: readonly string[],
  threshold: number,
  maxSignatories: number,
): string | undefined {
  const n = new Set(signatories).size;
  if (n < 2) return 'A multisig needs at least two signatories.';
  if (n > maxSignatories) return `At most ${maxSignatories} signatories.`;
  if (!Number.isInteger(threshold) || threshold < 2 || threshold > n)
    return `The threshold is a whole number from 2 to ${n}.`;
  return undefined;
}

/** The multisig described by its signatories (the member among them) and threshold. */
export function multisigOf(signatories: readonly string[], threshold: number): MultisigAccount {
  const sorted = sortSignatories(signatories);
  return { address: multisigAddress(sorted, threshold), threshold, signatories: sorted };
}

/** The others of a multisig, as `as_multi` and friends take them: sorted, without `me`. */
export const othersOf = (m: MultisigAccount, me: string) => m.signatories.filter((s) => s !== me);

/** Call data that hashes to `hash`, or undefined (never shown or sent unless it does). */
export function checkedCall(hash: string, data: string | undefined | null): Hex | undefined {
  if (!data) return undefined;
  try {
    return blake2(fromHex(data)) === hash.toLowerCase() ? (data.toLowerCase() as Hex) : undefined;
  } catch {
    return undefined;
  }
}

/** A pending operation on a multisig, as `Multisig.Multisigs` holds it. */
export interface Pending {
  callHash: Hex;
  when: { height: number; index: number };
  deposit: bigint;
  depositor: string;
  approvals: string[];
}

/** Who of the signatories has not approved yet. */
export const missing = (m: MultisigAccount, p: Pending) => m.signatories.filter((s) => !p.approvals.includes(s));

/** What approving now does: the approval that reaches the threshold must carry the call and runs it. */
export function nextStep(m: MultisigAccount, p: Pending, me: string): 'approved' | 'execute' | 'approve' {
  if (p.approvals.includes(me)) return 'approved';
  return p.approvals.length + 1 >= m.threshold ? 'execute' : 'approve';
}

// The call data this browser knows, by hash: the operations it started, and those whose link it opened.
const CALLS_KEY = 'peer.multisigCalls';
export function rememberCall(hash: string, data: string) {
  const all = JSON.parse(localStorage.getItem(CALLS_KEY) ?? '{}') as Record<string, string>;
  all[hash.toLowerCase()] = data;
  localStorage.setItem(CALLS_KEY, JSON.stringify(all));
}
export function knownCall(hash: string): Hex | undefined {
  const all = JSON.parse(localStorage.getItem(CALLS_KEY) ?? '{}') as Record<string, string>;
  return checkedCall(hash, all[hash.toLowerCase()]);
}

// The multisig accounts a signer said it is in, by signer.
const MULTISIGS_KEY = 'peer.multisigs';
export function savedMultisigs(me: string): MultisigAccount[] {
  const all = JSON.parse(localStorage.getItem(MULTISIGS_KEY) ?? '{}') as Record<string, MultisigAccount[]>;
  return (all[me] ?? []).filter((m) => m.signatories.includes(me));
}
export function saveMultisigs(me: string, list: MultisigAccount[]) {
  const all = JSON.parse(localStorage.getItem(MULTISIGS_KEY) ?? '{}') as Record<string, MultisigAccount[]>;
  all[me] = list;
  localStorage.setItem(MULTISIGS_KEY, JSON.stringify(all));
}

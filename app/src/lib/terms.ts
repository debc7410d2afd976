// The terms every contributor signs, recomputed in the browser by the
// pallet's documented rule (pallets/missions, "Terms hash"):
//   blake2_256(SCALE(mission id: u32,
//                    milestones: Vec<(description hash: H256, amount: u128)>,
//                    roster: Vec<(account: AccountId32, share: Perbill as u32)>,
//                    deadline: u32))
// The roster is in acceptance order, as the chain stores it.
// `terms.fixture.json` holds a case the pallet's own test checks too, so the
// two implementations cannot drift apart.

import { blake2, compact, concat, fromHex, accountBytes, u128le, u32le, type Hex } from './hash';

export interface TermsInput {
  mission: number;
  milestones: { description_hash: string; amount: bigint }[];
  roster: { account: string; share: number }[];
  deadline: number;
}

/** The SCALE bytes the terms hash is taken of. */
export function encodeTerms(t: TermsInput): Uint8Array {
  return concat([
    u32le(t.mission),
    compact(t.milestones.length),
    ...t.milestones.flatMap((m) => [fromHex(m.description_hash), u128le(m.amount)]),
    compact(t.roster.length),
    ...t.roster.flatMap((r) => [
      r.account.startsWith('0x') ? fromHex(r.account) : accountBytes(r.account),
      u32le(r.share),
    ]),
    u32le(t.deadline),
  ]);
}

export const termsHash = (t: TermsInput): Hex => blake2(encodeTerms(t));

import { describe, expect, it } from 'vitest';
import {
  checkedCall,
  checkMultisig,
  missing,
  multisigAddress,
  multisigOf,
  nextStep,
  othersOf,
  sortSignatories,
} from './multisig';
import { blake2, toHex } from './hash';

const CHARLIE = '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y';
const DAVE = '5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy';
const EVE = '5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw';

describe('a multisig account', () => {
  it('is derived as pallet-multisig derives it, whatever order the signatories are given in', () => {
    // The same account @polkadot/util-crypto's createKeyMulti gives for Charlie, Dave and Eve at 2.
    const want = '5CF777Z1Ke6yDQ2e9wtMM4m1oSFp2cN1UzwfdBpnAvXqjXcz';
    expect(multisigAddress([CHARLIE, DAVE, EVE], 2)).toBe(want);
    expect(multisigAddress([EVE, CHARLIE, DAVE], 2)).toBe(want);
    expect(multisigAddress([CHARLIE, DAVE, EVE], 3)).not.toBe(want);
  });

  it('orders its signatories by their bytes and leaves the signer out of the others', () => {
    expect(sortSignatories([CHARLIE, DAVE, EVE, DAVE])).toEqual([DAVE, CHARLIE, EVE]);
    const m = multisigOf([CHARLIE, DAVE, EVE], 2);
    expect(othersOf(m, CHARLIE)).toEqual([DAVE, EVE]);
  });

  it('refuses what the pallet would', () => {
    expect(checkMultisig([CHARLIE], 1, 10)).toMatch(/two signatories/);
    expect(checkMultisig([CHARLIE, DAVE], 3, 10)).toMatch(/from 2 to 2/);
    expect(checkMultisig([CHARLIE, DAVE, EVE], 1, 10)).toMatch(/from 2 to 3/);
    expect(checkMultisig([CHARLIE, DAVE, EVE], 2, 2)).toMatch(/At most 2/);
    expect(checkMultisig([CHARLIE, DAVE, EVE], 2, 10)).toBeUndefined();
  });
});

describe('a pending operation', () => {
  const m = multisigOf([CHARLIE, DAVE, EVE], 2);
  const p = {
    callHash: blake2(Uint8Array.of(1, 2)),
    when: { height: 5, index: 1 },
    deposit: 1n,
    depositor: CHARLIE,
    approvals: [CHARLIE],
  };
  it('knows who is missing and what the next approval does', () => {
    expect(missing(m, p)).toEqual([DAVE, EVE]);
    expect(nextStep(m, p, CHARLIE)).toBe('approved');
    expect(nextStep(m, p, DAVE)).toBe('execute');
    expect(nextStep(multisigOf([CHARLIE, DAVE, EVE], 3), p, DAVE)).toBe('approve');
  });

  it('shows call data only if it hashes to the chain’s hash', () => {
    expect(checkedCall(p.callHash, toHex(Uint8Array.of(1, 2)))).toBe('0x0102');
    expect(checkedCall(p.callHash, '0x0103')).toBeUndefined();
    expect(checkedCall(p.callHash, 'not hex')).toBeUndefined();
    expect(checkedCall(p.callHash, undefined)).toBeUndefined();
  });
});

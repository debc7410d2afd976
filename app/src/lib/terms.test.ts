import { describe, expect, test } from 'vitest';
import fixture from './terms.fixture.json';
import { encodeTerms, termsHash, type TermsInput } from './terms';
import { accountAddress, compact, fromHex, toHex } from './hash';

const input = (c: (typeof fixture.cases)[number]): TermsInput => ({
  mission: c.mission,
  deadline: c.deadline,
  milestones: c.milestones.map((m) => ({ description_hash: m.description_hash, amount: BigInt(m.amount) })),
  roster: c.roster.map((r) => ({ account: r.account, share: r.share })),
});

describe('terms hash', () => {
  test.each(fixture.cases.map((c) => [c.mission, c] as const))("equals the pallet's for mission %i", (_, c) => {
    expect(termsHash(input(c))).toBe(c.terms_hash);
  });

  test('an SS58 roster hashes as its account bytes', () => {
    const c = fixture.cases[0];
    const ss58 = {
      ...input(c),
      roster: c.roster.map((r) => ({ account: accountAddress(fromHex(r.account)), share: r.share })),
    };
    expect(ss58.roster[0].account).toBe('5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy'); // //Dave
    expect(termsHash(ss58)).toBe(c.terms_hash);
  });

  test('any change of what is signed changes the hash', () => {
    const base = input(fixture.cases[0]);
    const h = termsHash(base);
    expect(termsHash({ ...base, deadline: base.deadline + 1 })).not.toBe(h);
    expect(termsHash({ ...base, roster: [...base.roster].reverse() })).not.toBe(h);
    expect(
      termsHash({
        ...base,
        milestones: [{ ...base.milestones[0], amount: base.milestones[0].amount + 1n }, base.milestones[1]],
      }),
    ).not.toBe(h);
  });

  test('the encoding is SCALE: id, lengths, amounts little-endian', () => {
    const bytes = encodeTerms(input(fixture.cases[0]));
    expect(bytes.length).toBe(4 + 1 + 2 * (32 + 16) + 1 + 2 * (32 + 4) + 4);
    expect(toHex(bytes.slice(0, 5))).toBe('0x0700000008');
  });

  test('compact lengths', () => {
    expect(toHex(compact(0))).toBe('0x00');
    expect(toHex(compact(63))).toBe('0xfc');
    expect(toHex(compact(64))).toBe('0x0101');
    expect(toHex(compact(16383))).toBe('0xfdff');
    expect(toHex(compact(16384))).toBe('0x02000100');
    expect(toHex(compact(2 ** 30))).toBe('0x0300000040');
  });
});

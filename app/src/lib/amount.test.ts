import { describe, expect, test } from 'vitest';
import { MAX_BALANCE, formatAmount, parseAmount, parsePositiveAmount, UNIT } from './amount';
import { perbillToPercent, percentToPerbill, shareOf } from './perbill';
import { blockToDate, dateToBlock, duration, relative } from './blocks';

const value = (t: string) => {
  const r = parseAmount(t);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('amounts are exact integers of plancks', () => {
  test('0.1 PEER is 100,000,000,000 plancks', () => expect(value('0.1')).toBe(100_000_000_000n));
  test('one planck', () => {
    expect(value('0.000000000001')).toBe(1n);
    expect(formatAmount(1n)).toBe('0.000000000001');
  });
  test('the largest balance round-trips', () => {
    const text = formatAmount(MAX_BALANCE).replace(/,/g, '');
    expect(text).toBe('340282366920938463463374607.431768211455');
    expect(value(text)).toBe(MAX_BALANCE);
  });
  test.each(['0', '1', '12.5', '1000000', '0.3', '7.000000000007', '123456789.987654321'])('%s round-trips', (t) => {
    expect(formatAmount(value(t)).replace(/,/g, '')).toBe(t);
  });
  test('floats would not: 0.1 + 0.2', () => expect(value('0.1') + value('0.2')).toBe(value('0.3')));
  test('thousands separated, trailing zeros dropped', () => {
    expect(formatAmount(1_234_500n * UNIT)).toBe('1,234,500');
    expect(formatAmount(UNIT / 2n)).toBe('0.5');
  });
  test.each([
    ['', 'Enter an amount.'],
    ['abc', 'Use digits'],
    ['1.2.3', 'Use digits'],
    ['-1', 'Use digits'],
    ['1e5', 'Use digits'],
    ['.', 'Use digits'],
    ['0.0000000000001', 'At most 12 decimals'],
    ['340282366920938463463374607.431768211456', 'More than any account can hold'],
  ])('%j is refused', (t, msg) => {
    const r = parseAmount(t);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(msg);
  });
  test('zero is refused where an amount must pay something', () => {
    expect(parsePositiveAmount('0.000').ok).toBe(false);
    expect(parsePositiveAmount('0.000000000001').ok).toBe(true);
  });
});

describe('percent ↔ Perbill', () => {
  test.each([
    ['60', 600_000_000],
    ['40', 400_000_000],
    ['100', 1_000_000_000],
    ['33.3333333', 333_333_333],
    ['0.0000001', 1],
  ])('%s %% is %i parts per billion', (t, parts) => {
    expect(percentToPerbill(t)).toEqual({ ok: true, value: parts });
    expect(perbillToPercent(parts)).toBe(`${t} %`);
  });
  test.each(['', '0', '100.0000001', '101', '-5', '50.12345678', 'ten'])('%j is refused', (t) => {
    expect(percentToPerbill(t).ok).toBe(false);
  });
  test('a share of an amount rounds down, as the pallet pays', () => {
    expect(shareOf(600_000_000, 10n * UNIT)).toBe(6n * UNIT);
    expect(shareOf(333_333_333, 1_000n)).toBe(333n);
  });
});

describe('block ↔ date', () => {
  const now = 1000;
  const nowMs = Date.UTC(2026, 10, 27, 12, 0, 0);
  test('a block ahead is that many slots later', () => {
    expect(blockToDate(1030, now, nowMs, 2000).getTime()).toBe(nowMs + 60_000);
    expect(blockToDate(970, now, nowMs, 6000).getTime()).toBe(nowMs - 180_000);
  });
  test('a date becomes the last block at or before it, and back', () => {
    const date = new Date(nowMs + 86_400_000 + 1_500);
    const block = dateToBlock(date, now, nowMs, 2000);
    expect(block).toBe(now + 43_200);
    expect(blockToDate(block, now, nowMs, 2000).getTime()).toBeLessThanOrEqual(date.getTime());
  });
  test('durations in words', () => {
    expect(relative(3 * 86_400_000)).toBe('in 3 days');
    expect(relative(-3_600_000)).toBe('1 hour ago');
    // The minimum working time's default, 1,800 blocks of 2 s.
    expect(duration(1_800 * 2_000)).toBe('1 hour');
    expect(duration(-90 * 60_000)).toBe('2 hours');
  });
});

// Blocks ↔ dates. The chain counts in blocks; a block every `slotMs`
// milliseconds is the estimate (a missed slot makes real dates later). Words
// for times are `Intl`'s, in the board's language (i18n).

import { locale as currentLocale } from '../i18n';

/** The estimated time `block` is (or was) authored, given the current block and its time. */
export function blockToDate(block: number, now: number, nowMs: number, slotMs: number): Date {
  return new Date(nowMs + (block - now) * slotMs);
}

/** The last block authored at or before `date`, estimated: the deadline to give for a date. */
export function dateToBlock(date: Date, now: number, nowMs: number, slotMs: number): number {
  return now + Math.floor((date.getTime() - nowMs) / slotMs);
}

const UNITS: [number, 'day' | 'hour' | 'minute' | 'second'][] = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1_000, 'second'],
];

/** A length of time rounded to its largest unit: the unit and how many. */
function rounded(ms: number): [number, (typeof UNITS)[number][1]] {
  const abs = Math.abs(ms);
  const [size, unit] = UNITS.find(([u]) => abs >= u) ?? [1_000, 'second'];
  return [Math.max(1, Math.round(abs / size)), unit];
}

/** "3 days", "1 hour" ("3일", "1시간" in Korean): a length of time in words, rounded to its largest unit. */
export function duration(ms: number, locale = currentLocale()): string {
  const [n, unit] = rounded(ms);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n);
}

/** "in 3 days", "2 hours ago" ("3일 후", "2시간 전"): a duration from now in words. */
export function relative(ms: number, locale = currentLocale()): string {
  const [n, unit] = rounded(ms);
  return new Intl.RelativeTimeFormat(locale, { numeric: 'always' }).format(ms >= 0 ? n : -n, unit);
}

/** A date and time in the chosen language: "2 Dec 2026, 14:05" / "2026. 12. 2. 오후 2:05". */
export const dateTime = (when: Date, locale = currentLocale()) =>
  when.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });

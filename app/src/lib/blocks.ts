// Blocks ↔ dates. The chain counts in blocks; a block every `slotMs`
// milliseconds is the estimate (a missed slot makes real dates later).

/** The estimated time `block` is (or was) authored, given the current block and its time. */
export function blockToDate(block: number, now: number, nowMs: number, slotMs: number): Date {
  return new Date(nowMs + (block - now) * slotMs);
}

/** The last block authored at or before `date`, estimated: the deadline to give for a date. */
export function dateToBlock(date: Date, now: number, nowMs: number, slotMs: number): number {
  return now + Math.floor((date.getTime() - nowMs) / slotMs);
}

/** "3 days", "1 hour": a length of time in words, rounded to its largest unit. */
export function duration(ms: number): string {
  const abs = Math.abs(ms);
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1_000, 'second'],
  ];
  const [size, name] = units.find(([u]) => abs >= u) ?? [1_000, 'second'];
  const n = Math.max(1, Math.round(abs / size));
  return `${n} ${name}${n === 1 ? '' : 's'}`;
}

/** "in 3 days", "2 hours ago": a duration in words. */
export function relative(ms: number): string {
  const words = duration(ms);
  return ms >= 0 ? `in ${words}` : `${words} ago`;
}

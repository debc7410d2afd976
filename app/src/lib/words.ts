// What the chain says, in words: events and errors with their doc texts from
// the runtime's metadata (src/generated/docs.json, written from the same wasm
// as the types), calls (council proposals) as sentences. Never raw hex where
// a name exists.

import docs from '../generated/docs.json';
import { peer as fmtPeer } from './amount';
import { perbillToPercent } from './perbill';

type VariantDoc = { doc: string; fields: string[] };
const errors = docs.errors as Record<string, Record<string, string>>;
const events = docs.events as Record<string, Record<string, VariantDoc>>;
const calls = docs.calls as Record<string, Record<string, VariantDoc>>;

export type Names = (address: string) => string | undefined;

const MONEY = /amount|budget|bond|fee|forfeited|paid|refunded|deposit|tip|balance|free|reserved|escrow|value/i;
const short = (a: string) => `${a.slice(0, 6)}…${a.slice(-4)}`;
const decoder = new TextDecoder();

/** One value of an event or call, for people. */
export function formatValue(name: string, v: unknown, names: Names): string {
  if (typeof v === 'bigint') return MONEY.test(name) ? fmtPeer(v) : v.toString();
  if (typeof v === 'number') return /share|fraction|split/i.test(name) ? perbillToPercent(v) : v.toLocaleString('en');
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') {
    if (/^[1-9A-HJ-NP-Za-km-z]{47,48}$/.test(v)) return names(v) ?? short(v);
    if (/^0x[0-9a-f]{64}$/i.test(v)) return short(v);
    return v;
  }
  if (v instanceof Uint8Array) return `“${decoder.decode(v)}”`;
  if (v === undefined || v === null) return 'none';
  if (Array.isArray(v)) return v.map((x) => formatValue(name, x, names)).join(', ');
  if (typeof v === 'object' && 'type' in (v as object)) {
    const e = v as { type: string; value?: unknown };
    return e.value === undefined ? e.type : `${e.type} (${formatValue(e.type, e.value, names)})`;
  }
  if (typeof v === 'object') {
    return Object.entries(v as object)
      .map(([k, x]) => `${k} ${formatValue(k, x, names)}`)
      .join(', ');
  }
  return String(v);
}

export interface EventLike {
  type: string;
  value: { type: string; value?: unknown };
}

/**
 * `Missions.MilestoneApproved: A milestone was … — mission 0, milestone 1, amount 30 PEER`.
 * With `explain` (the Korean explanations of Peer's pallets), its explanation
 * first and the runtime's English doc in brackets.
 */
export function describeEvent(
  e: EventLike,
  names: Names,
  explain?: (pallet: string, event: string) => string | undefined,
): string {
  const english = events[e.type]?.[e.value.type]?.doc ?? '';
  const own = explain?.(e.type, e.value.type);
  const doc = own ? `${own}${english ? ` (${english})` : ''}` : english;
  const fields =
    e.value.value && typeof e.value.value === 'object'
      ? Object.entries(e.value.value as object)
          .map(([k, v]) => `${k.replace(/_/g, ' ')} ${formatValue(k, v, names)}`)
          .join(', ')
      : '';
  return `${e.type}.${e.value.type}${doc ? `: ${doc}` : ''}${fields ? ` — ${fields}` : ''}`;
}

/** The error of a failed call: its name and the doc text the runtime gives it. */
export function describeError(err: { type: string; value: unknown }): { name: string; doc: string } {
  if (err.type === 'Module') {
    const m = err.value as { type: string; value: { type: string } };
    return { name: `${m.type}.${m.value.type}`, doc: errors[m.type]?.[m.value.type] ?? '' };
  }
  const inner =
    err.value && typeof err.value === 'object' && 'type' in (err.value as object)
      ? `.${(err.value as { type: string }).type}`
      : '';
  const general: Record<string, string> = {
    BadOrigin: 'This account may not make this call.',
    CannotLookup: 'An account could not be found.',
    Token: 'The account cannot pay or receive this amount.',
    Arithmetic: 'An amount overflowed or underflowed.',
  };
  return { name: `${err.type}${inner}`, doc: general[err.type] ?? '' };
}

/** A call (a council proposal) in words: its name, doc and arguments. */
type CallLike = { type: string; value: { type: string; value?: unknown } };

export function describeCall(call: CallLike, names: Names): string {
  // A runtime upgrade is voted on by the hash of its code: shown whole, for
  // councillors to compare with the file they were given.
  const inner =
    call.type === 'Consortium' && call.value.type === 'dispatch_as_root'
      ? (call.value.value as { call?: CallLike })?.call
      : undefined;
  if (inner?.type === 'System' && inner.value.type === 'authorize_upgrade') {
    const hash = (inner.value.value as { code_hash: string }).code_hash;
    return `Upgrade the runtime: authorize the code whose blake2-256 hash is ${hash}; anyone then applies that file (system.applyAuthorizedUpgrade), which must name this chain and a newer version.`;
  }
  const doc = calls[call.type]?.[call.value.type]?.doc ?? '';
  const args =
    call.value.value && typeof call.value.value === 'object'
      ? Object.entries(call.value.value as object)
          .map(([k, v]) => `${k.replace(/_/g, ' ')} ${formatValue(k, v, names)}`)
          .join(', ')
      : '';
  const firstSentence = doc.split(/(?<=\.)\s/)[0];
  return `${call.type}.${call.value.type}${args ? `(${args})` : ''}${firstSentence ? ` — ${firstSentence}` : ''}`;
}

/** The doc of an error by pallet and name, for messages the board shows before sending. */
export const errorDoc = (pallet: string, name: string) => errors[pallet]?.[name] ?? '';

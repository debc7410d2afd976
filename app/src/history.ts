// The indexer (peer-indexer): where the board finds what the chain no longer
// holds. Its address is the one the member chose (a link's `?indexer=` is only
// proposed: the member decides); without one the board works on live state
// only. What it serves is not checked against the chain: the pages say where it
// came from.

import { proposedByLink } from './lib/links';

const INDEXER_KEY = 'peer.indexer';

/** The indexer the member chose, if any. */
export function indexerUrl(): string | null {
  return localStorage.getItem(INDEXER_KEY);
}

/** An indexer the link names that the member has not chosen (`undefined` if none). */
export function linkIndexer(): string | undefined {
  const asked = proposedByLink(window.location.search, 'indexer', indexerUrl());
  return asked && !checkIndexerUrl(asked) ? asked : undefined;
}

export function rememberIndexer(url: string) {
  localStorage.setItem(INDEXER_KEY, url);
}

/** Whether `url` can be an indexer's address. */
export function checkIndexerUrl(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'An http:// or https:// address.';
    return undefined;
  } catch {
    return 'An address such as http://127.0.0.1:8090.';
  }
}

/** GETs `path` from the indexer; throws its error message on a 4xx or 5xx. */
export async function fromIndexer<T>(base: string, path: string): Promise<T> {
  const res = await fetch(base.replace(/\/$/, '') + path);
  const body = await res.json();
  if (!res.ok) throw new Error(body?.error ?? `the indexer answered ${res.status}`);
  return body as T;
}

export interface IndexedMission {
  id: number;
  owner: string;
  budget: string;
  deadline: number;
  status: string;
  created: number;
  ended: number | null;
}

export interface IndexedEvent {
  block: number;
  time: number;
  index: number;
  extrinsic: number | null;
  pallet: string;
  name: string;
  detail: string;
  mission: number | null;
  signer: string | null;
  real: string | null;
}

export interface StatementLine {
  block: number;
  time: number;
  extrinsic: number | null;
  kind: string;
  mission: number | null;
  free: string;
  held: string;
}

/** `YYYY-MM-DD` of a time, in UTC (the indexer's statement days are UTC days). */
export const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Whether `from`..`to` is a period the indexer accepts; the message if not. */
export function checkPeriod(from: string, to: string): { from?: string; to?: string } {
  const valid = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`));
  if (!valid(from)) return { from: 'A date (YYYY-MM-DD).' };
  if (!valid(to)) return { to: 'A date (YYYY-MM-DD).' };
  if (from > to) return { to: 'The end comes before the start.' };
  return {};
}

// The indexer (peer-indexer): where the board finds what the chain no longer
// holds. Its answers' types (`types.ts`) are generated from the indexer's own
// (indexer/src/answers.rs), never written here. Its address is the one the
// member chose (a link's `?indexer=` is only proposed: the member decides);
// without one the board works on live state only. What it serves is not checked against the chain: the pages say where it
// came from.

import { useEffect, useState } from 'react';
import { proposedByLink } from '../lib/links';
import type { IndexerError } from './types';

export type * from './types';
export { ENDED_PHASES, MISSION_PHASES } from './types';

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
  if (!res.ok) throw new Error((body as IndexerError | null)?.error ?? `the indexer answered ${res.status}`);
  return body as T;
}

/**
 * What the indexer answers at `path` (none asked while `path` is undefined),
 * asked again when `base` or `path` change. While the answer to a new path is
 * on its way, nothing is shown: never the answer to the previous one.
 */
export function useIndexer<T>(base: string | null, path: string | undefined): { data?: T; error?: string } {
  const key = base && path ? `${base}|${path}` : undefined;
  const [state, setState] = useState<{ key?: string; data?: T; error?: string }>({});
  useEffect(() => {
    if (!base || !path) return;
    let alive = true;
    const key = `${base}|${path}`;
    fromIndexer<T>(base, path).then(
      (data) => alive && setState({ key, data }),
      (e: Error) => alive && setState({ key, error: String(e.message ?? e) }),
    );
    return () => {
      alive = false;
    };
  }, [base, path]);
  return state.key === key ? { data: state.data, error: state.error } : {};
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

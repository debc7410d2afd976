// The document store beside the indexer (peer-indexer --documents): what a
// mission asks and what was delivered, read and written with a signature of
// the member's wallet over a one-use challenge. The chain holds each
// document's hash; the store refuses bytes whose hash it does not hold, and
// gives them only to the people the chain puts on the mission.

import type { PolkadotSigner } from 'polkadot-api';
import type { Acting } from '../chain';
import { blake2, toHex, type Hex } from '../lib/hash';
import type { DocumentAnswer, DocumentChallenge, DocumentKind, DocumentRefused } from './types';

/** Who asks: the signing account, and whom it acts for (the board's "Acting for"). */
export interface Speaker {
  address: string;
  signer: PolkadotSigner;
  acting?: Acting;
}

/** A refusal of the store: its word (`code`) and message. */
export class DocumentError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const trim = (url: string) => url.replace(/\/$/, '');

async function answer<T>(res: Response): Promise<T> {
  if (res.ok) return (res.status === 204 ? undefined : await res.json()) as T;
  let body: DocumentRefused | undefined;
  try {
    body = (await res.json()) as DocumentRefused;
  } catch {
    body = undefined;
  }
  throw new DocumentError(body?.error ?? `the store answered ${res.status}`, body?.code ?? 'unknown', res.status);
}

/** The words a request signs (indexer/src/documents/access.rs `message`). */
export const signedWords = (action: string, challenge: string) => `peer-documents ${action} challenge=${challenge}`;

/** The proof of a request: a fresh challenge signed by the speaker's wallet. */
async function proof(url: string, who: Speaker, action: string): Promise<URLSearchParams> {
  const c = await answer<DocumentChallenge>(await fetch(`${trim(url)}/documents/challenge`));
  const signature = await who.signer.signBytes(new TextEncoder().encode(signedWords(action, c.challenge)));
  const q = new URLSearchParams({ signer: who.address, signature: toHex(signature), challenge: c.challenge });
  const a = who.acting;
  if (a?.multisig) {
    q.set('signatories', a.multisig.signatories.join(','));
    q.set('threshold', String(a.multisig.threshold));
  }
  if (a?.proxy) q.set('for', a.real);
  return q;
}

export interface NewDocument {
  mission: number;
  kind: DocumentKind;
  milestone?: number;
  name: string;
  bytes: Uint8Array;
}

/** Uploads a document; its hash must be (or soon be) the chain's for this mission and kind. */
export async function uploadDocument(url: string, who: Speaker, doc: NewDocument): Promise<DocumentAnswer> {
  const hash = blake2(doc.bytes);
  const milestone = doc.milestone === undefined ? '-' : String(doc.milestone);
  const q = await proof(url, who, `upload mission=${doc.mission} kind=${doc.kind} milestone=${milestone} hash=${hash}`);
  q.set('mission', String(doc.mission));
  q.set('kind', doc.kind);
  q.set('milestone', milestone);
  q.set('name', doc.name);
  const res = await fetch(`${trim(url)}/documents?${q}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: doc.bytes as BodyInit,
  });
  return answer<DocumentAnswer>(res);
}

/** The mission's documents the speaker may read (texts inline), or a DocumentError saying why none. */
export async function listDocuments(url: string, who: Speaker, mission: number): Promise<DocumentAnswer[]> {
  const q = await proof(url, who, `list mission=${mission}`);
  return answer<DocumentAnswer[]>(await fetch(`${trim(url)}/documents/missions/${mission}?${q}`, { method: 'POST' }));
}

/** One document's bytes. */
export async function readDocument(url: string, who: Speaker, hash: Hex | string): Promise<Uint8Array> {
  const q = await proof(url, who, `read hash=${hash}`);
  const res = await fetch(`${trim(url)}/documents/${hash}?${q}`, { method: 'POST' });
  if (!res.ok) await answer(res);
  return new Uint8Array(await res.arrayBuffer());
}

/** The owner opens (or closes) the mission's description and milestones to every member. */
export async function setPublic(url: string, who: Speaker, mission: number, value: boolean): Promise<void> {
  const q = await proof(url, who, `public mission=${mission} value=${value}`);
  q.set('value', String(value));
  await answer(await fetch(`${trim(url)}/documents/missions/${mission}/public?${q}`, { method: 'POST' }));
}

// blake2-256, hex and the few SCALE encodings the board computes itself.

import { AccountId, Blake2256 } from '@polkadot-api/substrate-bindings';

export type Hex = `0x${string}`;

export const toHex = (bytes: Uint8Array): Hex =>
  `0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;

export function fromHex(hex: string): Uint8Array {
  const h = hex.startsWith('0x') ? hex.slice(2) : hex;
  if (h.length % 2 || /[^0-9a-f]/i.test(h)) throw new Error(`not hex: ${hex}`);
  return Uint8Array.from(h.match(/../g) ?? [], (b) => parseInt(b, 16));
}

/** blake2-256 of bytes, as the chain's `H256`. */
export const blake2 = (bytes: Uint8Array): Hex => toHex(Blake2256(bytes));

/** blake2-256 of a text's UTF-8 bytes. */
export const hashText = (text: string): Hex => blake2(new TextEncoder().encode(text));

/** blake2-256 of a file's bytes, read in the browser: the file never leaves the machine. */
export async function hashFile(file: Blob): Promise<Hex> {
  return blake2(new Uint8Array(await file.arrayBuffer()));
}

const accountCodec = AccountId();
/** The 32 bytes of an SS58 address. */
export const accountBytes = (ss58: string): Uint8Array => accountCodec.enc(ss58);
/** The SS58 address (prefix 42) of 32 account bytes. */
export const accountAddress = (bytes: Uint8Array): string => accountCodec.dec(bytes);

// --- SCALE, little-endian ---

export function u32le(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, true);
  return b;
}

export function u128le(n: bigint): Uint8Array {
  const b = new Uint8Array(16);
  let v = n;
  for (let i = 0; i < 16; i++) {
    b[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return b;
}

/** SCALE's compact encoding of a length. */
export function compact(n: number): Uint8Array {
  if (n < 1 << 6) return Uint8Array.of(n << 2);
  if (n < 1 << 14) return Uint8Array.of(((n << 2) | 1) & 0xff, n >> 6);
  if (n < 1 << 30) return u32le(((n << 2) | 2) >>> 0);
  return Uint8Array.of(3, ...u32le(n)); // four bytes follow
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

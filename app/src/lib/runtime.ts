// What a runtime wasm file says about itself, read in the browser before a
// council member proposes it: its blake2-256 hash (what `system.authorizeUpgrade`
// names) and the version in its `runtime_version` custom section (what the node
// and `system.applyAuthorizedUpgrade` read), after undoing substrate's zstd
// compression. The file never leaves the machine until it is applied.

import { decompress } from 'fzstd';
import { blake2, type Hex } from './hash';

/** Substrate's prefix of a zstd-compressed code blob (sp-maybe-compressed-blob). */
const ZSTD_PREFIX = [0x52, 0xbc, 0x53, 0x76, 0x46, 0xdb, 0x8e, 0x05];
/** The node refuses to decompress code beyond this (sp-maybe-compressed-blob's bomb limit). */
const BOMB_LIMIT = 50 * 1024 * 1024;

export type RuntimeFile = {
  /** blake2-256 of the bytes as given (compressed if they are). */
  hash: Hex;
  specName: string;
  implName: string;
  specVersion: number;
  transactionVersion: number | undefined;
  bytes: number;
  compressed: boolean;
};

export type Read = { ok: true; file: RuntimeFile } | { ok: false; error: string };

function leb128(b: Uint8Array, at: number): [number, number] {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (at >= b.length) throw new Error('truncated');
    const byte = b[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function compactLength(b: Uint8Array, at: number): [number, number] {
  const mode = b[at] & 3;
  if (mode === 0) return [b[at] >> 2, at + 1];
  if (mode === 1) return [(b[at] | (b[at + 1] << 8)) >> 2, at + 2];
  if (mode === 2) return [(b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) / 4 + b[at + 3] * 2 ** 22, at + 4];
  throw new Error('length too large');
}

/** The payload of the custom section `name` of a wasm module, if it has one. */
export function customSection(wasm: Uint8Array, name: string): Uint8Array | undefined {
  if (wasm.length < 8 || wasm[0] !== 0 || wasm[1] !== 0x61 || wasm[2] !== 0x73 || wasm[3] !== 0x6d)
    throw new Error('not a wasm module');
  const want = new TextEncoder().encode(name);
  let at = 8;
  while (at < wasm.length) {
    const kind = wasm[at];
    const [size, start] = leb128(wasm, at + 1);
    const end = start + size;
    if (end > wasm.length) throw new Error('truncated');
    if (kind === 0) {
      const [len, nameAt] = leb128(wasm, start);
      const n = wasm.subarray(nameAt, nameAt + len);
      if (n.length === want.length && n.every((x, i) => x === want[i])) return wasm.subarray(nameAt + len, end);
    }
    at = end;
  }
  return undefined;
}

/** Reads a runtime's identity from its code (compressed or not). */
export function readRuntime(code: Uint8Array): Read {
  const compressed = ZSTD_PREFIX.every((x, i) => code[i] === x);
  let wasm = code;
  try {
    if (compressed) {
      wasm = decompress(code.subarray(ZSTD_PREFIX.length));
      if (wasm.length > BOMB_LIMIT)
        return { ok: false, error: 'The file decompresses to more than the node accepts (50 MiB).' };
    }
    const section = customSection(wasm, 'runtime_version');
    if (!section) return { ok: false, error: 'This wasm has no runtime version: not a Substrate runtime.' };
    const dec = new TextDecoder();
    let [len, at] = compactLength(section, 0);
    const specName = dec.decode(section.subarray(at, at + len));
    at += len;
    [len, at] = compactLength(section, at);
    const implName = dec.decode(section.subarray(at, at + len));
    at += len + 4; // authoring_version
    const view = new DataView(section.buffer, section.byteOffset, section.byteLength);
    const specVersion = view.getUint32(at, true);
    at += 8; // spec_version, impl_version
    let transactionVersion: number | undefined;
    try {
      const [apis, apisAt] = compactLength(section, at);
      const tvAt = apisAt + apis * 12;
      transactionVersion = tvAt + 4 <= section.length ? view.getUint32(tvAt, true) : undefined;
    } catch {
      transactionVersion = undefined;
    }
    return {
      ok: true,
      file: { hash: blake2(code), specName, implName, specVersion, transactionVersion, bytes: code.length, compressed },
    };
  } catch {
    return {
      ok: false,
      error: compressed ? 'The file is damaged: its compressed code does not decompress.' : 'Not a runtime wasm file.',
    };
  }
}

/**
 * Whether `file` may replace the runtime the chain runs (`specName`,
 * `specVersion`): the checks `system.applyAuthorizedUpgrade` makes, done
 * before anything is proposed. Returns the reason it may not, or undefined.
 */
export function upgradeProblem(
  file: RuntimeFile,
  chain: { specName: string; specVersion: number },
  maxBytes: number,
): string | undefined {
  if (file.specName !== chain.specName)
    return `This runtime is “${file.specName}”; the chain runs “${chain.specName}”.`;
  if (file.specVersion <= chain.specVersion)
    return `Its spec_version ${file.specVersion} is not newer than the chain's ${chain.specVersion}.`;
  if (file.bytes > maxBytes)
    return `At ${file.bytes.toLocaleString('en')} bytes it does not fit in a block (${maxBytes.toLocaleString('en')}).`;
  return undefined;
}

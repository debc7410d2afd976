import { describe, expect, test } from 'vitest';
import { customSection, readRuntime, upgradeProblem } from './runtime';
import { blake2, fromHex } from './hash';

// A module with a custom section `other` and a `runtime_version` section of
// spec "peer" 104, transaction_version 3 (as sp-version's macro encodes it,
// with an empty list of APIs); and the same module zstd-compressed behind
// substrate's prefix.
const WASM = fromHex(
  '0x0061736d010000000009056f7468657278797a002c0f72756e74696d655f76657273696f6e10706565721070656572010000006800000001000000000300000001',
);
const ZSTD = fromHex(
  '0x28b52ffd0468c50100c2030c10a0af06e8e390afa0fa7fd4873c06da14e00fffe0573f8029bdd2dc8a30d193d8926d4262beb6c2a4a413e31fb0880e01008250cacdd5d3f5',
);
const COMPRESSED = new Uint8Array([0x52, 0xbc, 0x53, 0x76, 0x46, 0xdb, 0x8e, 0x05, ...ZSTD]);

describe('a runtime file read in the browser', () => {
  test('plain wasm: version from its section, hash of its bytes', () => {
    const r = readRuntime(WASM);
    expect(r).toEqual({
      ok: true,
      file: {
        hash: blake2(WASM),
        specName: 'peer',
        implName: 'peer',
        specVersion: 104,
        transactionVersion: 3,
        bytes: WASM.length,
        compressed: false,
      },
    });
  });

  test('compressed wasm: decompressed for the version, hashed as given', () => {
    const r = readRuntime(COMPRESSED);
    if (!r.ok) throw new Error(r.error);
    expect(r.file.specVersion).toBe(104);
    expect(r.file.compressed).toBe(true);
    expect(r.file.hash).toBe(blake2(COMPRESSED));
    expect(r.file.hash).not.toBe(blake2(WASM));
  });

  test('what is not a runtime says so', () => {
    expect(readRuntime(new TextEncoder().encode('hello world!'))).toEqual({
      ok: false,
      error: 'Not a runtime wasm file.',
    });
    const noVersion = WASM.slice(0, 8 + 11);
    expect(customSection(noVersion, 'other')).toEqual(new TextEncoder().encode('xyz'));
    expect(readRuntime(noVersion)).toEqual({
      ok: false,
      error: 'This wasm has no runtime version: not a Substrate runtime.',
    });
    const damaged = COMPRESSED.slice(0, 20);
    expect(readRuntime(damaged)).toEqual({
      ok: false,
      error: 'The file is damaged: its compressed code does not decompress.',
    });
  });

  test('an upgrade must be the same chain, newer, and fit in a block', () => {
    const r = readRuntime(WASM);
    if (!r.ok) throw new Error(r.error);
    expect(upgradeProblem(r.file, { specName: 'peer', specVersion: 103 }, 1000)).toBeUndefined();
    expect(upgradeProblem(r.file, { specName: 'peer', specVersion: 104 }, 1000)).toMatch(
      /not newer than the chain's 104/,
    );
    expect(upgradeProblem(r.file, { specName: 'polkadot', specVersion: 1 }, 1000)).toMatch(/the chain runs “polkadot”/);
    expect(upgradeProblem(r.file, { specName: 'peer', specVersion: 103 }, 10)).toMatch(/does not fit in a block/);
  });
});

describe('an upgrade motion in words', () => {
  test('names the whole hash of the code', async () => {
    const { describeCall } = await import('./words');
    const hash = `0x${'ab'.repeat(32)}`;
    const text = describeCall(
      {
        type: 'Consortium',
        value: {
          type: 'dispatch_as_root',
          value: { call: { type: 'System', value: { type: 'authorize_upgrade', value: { code_hash: hash } } } },
        },
      },
      () => undefined,
    );
    expect(text).toContain(hash);
    expect(text).toMatch(/^Upgrade the runtime/);
  });
});

// A snapshot of a node's state at one block: every key of the top trie and its
// value, read over JSON-RPC with the safe, paged methods (state_getKeysPaged,
// state_queryStorageAt), so any node's public RPC will do. The try-runtime
// check (runtime/src/tests/try_runtime.rs) loads it.
import { writeFileSync } from 'node:fs';
import { rpcUrl } from './node.js';

/** A JSON-RPC request with the time a large state needs. */
const rpcAt = (url, method, params) => rpcUrl(url, method, params, 30000);

/** Every [key, value] under `prefix` at block `at` of the node at `url`. */
export async function pairsUnder(url, prefix, at, page = 500) {
  const pairs = [];
  let start = null;
  for (;;) {
    const keys = await rpcAt(url, 'state_getKeysPaged', [prefix, page, start, at]);
    if (keys.length === 0) break;
    const [{ changes }] = await rpcAt(url, 'state_queryStorageAt', [keys, at]);
    for (const [k, v] of changes) if (v !== null) pairs.push([k, v]);
    start = keys[keys.length - 1];
    if (keys.length < page) break;
  }
  return pairs;
}

/**
 * The state of block `at` (a hash; the finalized head if not given) of the node
 * at `url`: { block, number, specVersion, pairs: [[key, value], …] }.
 */
export async function snapshot(url, at) {
  const block = at ?? (await rpcAt(url, 'chain_getFinalizedHead'));
  const header = await rpcAt(url, 'chain_getHeader', [block]);
  const version = await rpcAt(url, 'state_getRuntimeVersion', [block]);
  const pairs = await pairsUnder(url, '0x', block);
  return { block, number: parseInt(header.number, 16), specVersion: version.specVersion, pairs };
}

/** Writes `snapshot(url, at)` to `path`; returns it. */
export async function writeSnapshot(url, path, at) {
  const s = await snapshot(url, at);
  writeFileSync(path, JSON.stringify(s));
  return s;
}

// As a command: node lib/snapshot.js URL FILE [BLOCK_HASH]
if (import.meta.url === `file://${process.argv[1]}`) {
  const [url, path, at] = process.argv.slice(2);
  if (!url || !path) {
    console.error('usage: node lib/snapshot.js URL FILE [BLOCK_HASH]');
    process.exit(2);
  }
  const s = await writeSnapshot(url, path, at);
  console.log(`[snapshot] block #${s.number} ${s.block}, spec_version ${s.specVersion}: ${s.pairs.length} keys -> ${path}`);
}
